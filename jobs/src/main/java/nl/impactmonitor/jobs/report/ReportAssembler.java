package nl.impactmonitor.jobs.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.impactmonitor.warehouse.Warehouse;

/** Reads what the report shows from the marts, in a stable order so the same warehouse gives the same report. */
public final class ReportAssembler {

    private ReportAssembler() {
    }

    public static ReportData assemble(Warehouse w, String dataVersion) {
        List<Integer> years = w.query("SELECT DISTINCT year FROM marts.source_coverage ORDER BY 1", rs -> rs.getInt(1));
        int latestYear = years.isEmpty() ? 0 : years.get(years.size() - 1);
        // the departments' pages, then the government-wide one (marts.rpt_report_page)
        List<ReportData.DepartmentPage> pages = pages(w);
        ReportData.DepartmentPage rijk = pages.remove(pages.size() - 1);
        List<ReportData.LeaderLaggard> leaders = w.query("""
                SELECT goal_id, goal_name_nl, goal_name_en, year, department_code, gap, unit, rank, position, target_kind
                FROM marts.leaders_laggards ORDER BY goal_id, year, target_kind, rank, department_code""",
                rs -> new ReportData.LeaderLaggard(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10)));
        List<ReportData.DictionaryEntry> dictionary = w.snapshot().columns().stream()
                .map(c -> new ReportData.DictionaryEntry(c.table(), c.column(),
                        (c.description() == null ? "" : c.description()) + (c.unit() == null || c.unit().equals("-") ? "" : " [" + c.unit() + "]")))
                .toList();
        List<ReportData.ReconciliationRow> reconciliation = w.query("""
                SELECT impact_segment, reference_year, figure1_co2_kt, project_co2_kt, difference_co2_kt, difference_co2_pct,
                       figure1_material_kt, project_material_kt, calibration, note
                FROM marts.footprint_reconciliation""",
                rs -> new ReportData.ReconciliationRow(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), rs.getString(10)));
        return new ReportData(dataVersion, latestYear, years, pages, rijk, leaders, dictionary, containsSampleData(w), reconciliation,
                ReportLabels.fromWarehouse(w), CategoryPage.read(w));
    }

    /** Whether any file that counts now is one of the bundled samples (config/reference/sample_files.csv): then nothing is real. */
    public static boolean containsSampleData(Warehouse w) {
        return w.queryLong("""
                SELECT count(*) FROM raw.input_partition
                WHERE is_current AND source_sha256 IN (SELECT sha256 FROM ref.sample_file)""") > 0;
    }

    /**
     * Every page, each mart read once for all pages and grouped by page code here (at national scale a query per page
     * and mart was about 2,800 queries); within a page the rows keep the order the per-page queries gave them.
     */
    private static List<ReportData.DepartmentPage> pages(Warehouse w) {
        Map<String, List<ReportData.SpendYear>> spend = new HashMap<>();
        w.forEachRow("""
                SELECT department_code, year, spend_class, spend_min_eur, spend_mid_eur, spend_max_eur FROM marts.rpt_report_spend
                ORDER BY department_code, year, spend_class""",
                rs -> add(spend, rs.getString(1), new ReportData.SpendYear(rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        (Long) rs.getObject(6))));
        Map<String, List<ReportData.InputGoalRow>> inputs = new HashMap<>();
        w.forEachRow("""
                SELECT department_code, year, goal_id, goal_name_nl, goal_name_en, numerator_tenders, denominator_tenders,
                       undetermined_tenders, share_pct, target_share_pct, status
                FROM marts.input_goal_department_year ORDER BY department_code, year, goal_id""",
                rs -> add(inputs, rs.getString(1), new ReportData.InputGoalRow(rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), (Long) rs.getObject(7), (Long) rs.getObject(8), rs.getBigDecimal(9),
                        rs.getBigDecimal(10), rs.getString(11))));
        Map<String, List<ReportData.Milestone>> milestones = new HashMap<>();
        w.forEachRow("SELECT goal_id, year, value FROM ref.goal_milestone ORDER BY goal_id, year",
                rs -> add(milestones, rs.getString(1), new ReportData.Milestone(rs.getInt(2), rs.getBigDecimal(3))));
        // Each year of a goal on a page (marts.rpt_report_effect_point follows the page's code across reorganisations),
        // by page and goal; and the codes a page's figures are published under.
        Map<String, Map<String, List<ReportData.ProgressPoint>>> points = new HashMap<>();
        Map<String, Set<String>> codesShown = new HashMap<>();
        w.forEachRow("""
                SELECT page_code, goal_id, year, actual_value, trajectory_value, status, status_reason_nl, status_reason_en,
                       figures_department_code, department_code
                FROM marts.rpt_report_effect_point ORDER BY page_code, goal_id, year""",
                rs -> {
                    String page = rs.getString(1);
                    codesShown.computeIfAbsent(page, k -> new TreeSet<>()).add(rs.getString(10));
                    add(points.computeIfAbsent(page, k -> new HashMap<>()), rs.getString(2), new ReportData.ProgressPoint(rs.getInt(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                });
        // One row per goal: baseline and target of the latest year that has them, the latest status, the allocation
        // (marts.rpt_report_effect_goal decides which year each comes from).
        Map<String, List<ReportData.ProgressSeries>> effect = new HashMap<>();
        w.forEachRow("""
                SELECT page_code, goal_id, goal_name_nl, goal_name_en, theme_strategy, theme_national_plan, unit, direction,
                       baseline_year, baseline_value, target_year, target_value, latest_status, is_allocated, is_target_year_assumed,
                       allocation_year, allocation_share_pct, allocation_status, allocation_basis_text,
                       CAST(allocation_adopted_on AS VARCHAR), allocation_adopted_by
                FROM marts.rpt_report_effect_goal ORDER BY page_code, goal_id""",
                rs -> {
                    String page = rs.getString(1);
                    boolean allocated = rs.getBoolean(14);
                    ReportData.AllocationInfo allocation = rs.getString(18) == null ? null
                            : new ReportData.AllocationInfo(rs.getInt(16), rs.getBigDecimal(17), rs.getString(18), rs.getString(19),
                                    rs.getString(20) == null ? null : java.time.LocalDate.parse(rs.getString(20)), rs.getString(21));
                    String goalId = rs.getString(2);
                    // interim goals are government-wide figures: not shown against a department's own part
                    add(effect, page, new ReportData.ProgressSeries(goalId, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9), rs.getBigDecimal(10),
                            (Integer) rs.getObject(11), rs.getBigDecimal(12), rs.getString(13),
                            points.getOrDefault(page, Map.of()).getOrDefault(goalId, List.of()), allocated,
                            allocated ? List.of() : milestones.getOrDefault(goalId, List.of()), rs.getBoolean(15), allocation));
                });
        Map<String, List<ReportData.CoverageRow>> coverage = new HashMap<>();
        w.forEachRow("""
                SELECT department_code, year, has_spend, has_mvi_zet, has_supplier_results, spend_line_count, tender_count,
                       supplier_result_count, spend_file, spend_superseded_files
                FROM marts.rpt_report_coverage ORDER BY department_code, year""",
                rs -> add(coverage, rs.getString(1), new ReportData.CoverageRow(rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10))));
        Map<String, List<ReportData.FootprintRow>> footprint = new HashMap<>();
        w.forEachRow("""
                SELECT department_code, year, impact_segment, co2_min_kg, co2_mid_kg, co2_max_kg, material_mid_kg,
                       high_impact_co2_share_pct, factor_source
                FROM marts.footprint_department_year ORDER BY department_code, year, impact_segment""",
                rs -> add(footprint, rs.getString(1), new ReportData.FootprintRow(rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9))));
        Map<String, List<ReportData.GoalCoverageRow>> goalCoverage = new HashMap<>();
        w.forEachRow("""
                SELECT department_code, year, goal_id, goal_name_nl, goal_name_en, reporting_contracts, reporting_suppliers,
                       expected_contracts, expected_reporting_contracts, coverage_pct, min_coverage_pct, status
                FROM marts.effect_goal_department_year
                WHERE reporting_contracts > 0 OR expected_contracts > 0
                ORDER BY department_code, year, goal_id""",
                rs -> add(goalCoverage, rs.getString(1), new ReportData.GoalCoverageRow(rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getBigDecimal(10),
                        rs.getBigDecimal(11), rs.getString(12))));
        // The reorganisations behind a page's figures, in words (config/reference/departments.csv, note_nl/note_en).
        Map<String, List<Text>> notes = new HashMap<>();
        w.forEachRow("""
                SELECT department_code, note_nl, note_en FROM ref.department
                WHERE nullif(trim(note_nl), '') IS NOT NULL ORDER BY department_code, valid_from_year""",
                rs -> add(notes, rs.getString(1), new Text(rs.getString(1) + ": " + rs.getString(2), rs.getString(1) + ": " + rs.getString(3))));

        List<ReportData.DepartmentPage> pages = new ArrayList<>();
        w.forEachRow("SELECT department_code, name_nl, name_en FROM marts.rpt_report_page ORDER BY is_government_wide, department_code",
                rs -> {
                    String code = rs.getString(1);
                    List<Text> reorganisations = new ArrayList<>();
                    if (!code.equals("RIJK")) {
                        // the page's own code first, then the other codes its figures are published under, in code order
                        reorganisations.addAll(notes.getOrDefault(code, List.of()));
                        codesShown.getOrDefault(code, Set.of()).stream().filter(c -> !c.equals(code))
                                .forEach(c -> reorganisations.addAll(notes.getOrDefault(c, List.of())));
                    }
                    pages.add(new ReportData.DepartmentPage(code, rs.getString(2), rs.getString(3), rows(spend, code), rows(inputs, code),
                            rows(effect, code), rows(coverage, code), rows(footprint, code), rows(goalCoverage, code), reorganisations));
                });
        return pages;
    }

    private static <T> void add(Map<String, List<T>> rows, String key, T row) {
        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }

    private static <T> List<T> rows(Map<String, List<T>> rows, String key) {
        return rows.getOrDefault(key, List.of());
    }
}
