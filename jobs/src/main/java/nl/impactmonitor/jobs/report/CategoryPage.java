package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import nl.impactmonitor.warehouse.Warehouse;

/**
 * A category manager's page (report/category-&lt;code&gt;.html): one government-wide procurement category
 * (rijksinkoopcategorie) per year, read from the SQL models {@code marts.rpt_category_*} as the extracts
 * {@code categories/<code>/} publish them. Rows hold display text (Dutch notation); the figures are those of the extracts.
 */
public record CategoryPage(String code, String nameNl, boolean isvRiskCategory, List<Summary> summary, List<Spend> spend,
                           List<InputGoal> inputGoals, List<Result> results) {

    /** The file name of the category's page in report/. */
    public String href() {
        return "category-" + code + ".html";
    }

    /** One year of the category: government-wide spend range, ministries, tenders, ISV coverage, reporting contracts. */
    public record Summary(int year, long ministries, String spendMid, String spendRange, long tenders, long isvInScope,
                          long isvAnswered, long isvApplied, String isvCoverage, long resultContracts) {
    }

    /** A ministry's (or RIJK's) spend in the category in one year. */
    public record Spend(int year, String department, boolean rijk, String mid, String range, String share) {
    }

    /** An input goal counted over the category's tenders in one year. */
    public record InputGoal(int year, String goalId, Text name, Status status, String counts, long undetermined, String share,
                            String target) {
    }

    /** A supplier-reported result of one of the category's contracts. */
    public record Result(int year, String department, String contractId, String supplier, Text metric, String period, String value) {
    }

    /**
     * Every category that has spend, tenders or results, in code order: each mart read once for all categories and
     * grouped by category code here, in the order a query per category gave.
     */
    public static List<CategoryPage> read(Warehouse w) {
        List<CategoryPage> pages = new ArrayList<>();
        Map<String, CategoryPage> byCode = new HashMap<>();
        w.forEachRow("SELECT DISTINCT category_code, category_name_nl, is_isv_risk_category FROM marts.rpt_category_year ORDER BY 1",
                rs -> {
                    CategoryPage page = new CategoryPage(rs.getString(1), rs.getString(2), rs.getBoolean(3), new ArrayList<>(),
                            new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                    pages.add(page);
                    byCode.put(page.code(), page);
                });
        w.forEachRow("""
                SELECT category_code, year, ministry_count, spend_min_eur, spend_mid_eur, spend_max_eur, tender_count,
                       isv_in_scope_tenders, isv_answered_tenders, isv_applied_tenders, isv_coverage_pct, result_contract_count
                FROM marts.rpt_category_year ORDER BY category_code, year""",
                rs -> rows(byCode, rs.getString(1), CategoryPage::summary).add(new Summary(rs.getInt(2), rs.getLong(3),
                        eur((Long) rs.getObject(5)), range((Long) rs.getObject(4), (Long) rs.getObject(6), rs.getObject(5) != null),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), Formats.pct(rs.getBigDecimal(11)), rs.getLong(12))));
        w.forEachRow("""
                SELECT category_code, year, department_code, spend_min_eur, spend_mid_eur, spend_max_eur, share_of_category_mid_pct
                FROM marts.rpt_category_spend ORDER BY category_code, year, department_code = 'RIJK', department_code""",
                rs -> rows(byCode, rs.getString(1), CategoryPage::spend).add(new Spend(rs.getInt(2), rs.getString(3),
                        "RIJK".equals(rs.getString(3)), eur(rs.getLong(5)), range(rs.getLong(4), (Long) rs.getObject(6), true),
                        Formats.pct(rs.getBigDecimal(7)))));
        w.forEachRow("""
                SELECT category_code, year, goal_id, goal_name_nl, goal_name_en, status, numerator_tenders, denominator_tenders,
                       undetermined_tenders, share_pct, target_share_pct
                FROM marts.rpt_category_input_goal ORDER BY category_code, year, goal_id""",
                rs -> rows(byCode, rs.getString(1), CategoryPage::inputGoals).add(new InputGoal(rs.getInt(2), rs.getString(3),
                        new Text(rs.getString(4), rs.getString(5)), Status.of(rs.getString(6)), rs.getLong(7) + " / " + rs.getLong(8),
                        rs.getLong(9), Formats.pct(rs.getBigDecimal(10)), Formats.pct(rs.getBigDecimal(11)))));
        w.forEachRow("""
                SELECT category_code, year, department_code, contract_id, supplier_name, metric, coalesce(metric_name_nl, metric),
                       period_start, period_end, value_base, base_unit
                FROM marts.rpt_category_result
                ORDER BY category_code, year, department_code, contract_id, metric, period_start, period_end""",
                rs -> rows(byCode, rs.getString(1), CategoryPage::results).add(new Result(rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), new Text(rs.getString(7), rs.getString(6)),
                        (rs.getString(8) == null ? "" : rs.getString(8)) + " – " + (rs.getString(9) == null ? "" : rs.getString(9)),
                        Formats.number(rs.getBigDecimal(10)) + " " + rs.getString(11))));
        return pages;
    }

    /** A category's list of rows of one kind; rows of a category without a page (none in rpt_category_year) are dropped, as before. */
    private static <T> List<T> rows(Map<String, CategoryPage> byCode, String code, Function<CategoryPage, List<T>> list) {
        CategoryPage page = byCode.get(code);
        return page == null ? new ArrayList<>() : list.apply(page);
    }

    private static String eur(Long value) {
        return value == null ? "–" : Formats.eur(value);
    }

    private static String range(Long min, Long max, boolean present) {
        if (!present || min == null) {
            return "–";
        }
        return Formats.eur(min) + " – " + (max == null ? "?" : Formats.eur(max));
    }
}
