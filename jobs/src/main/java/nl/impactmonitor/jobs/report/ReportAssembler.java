package nl.impactmonitor.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.warehouse.Warehouse;

/** Reads what the report shows from the marts, in a stable order so the same warehouse gives the same report. */
public final class ReportAssembler {

    private ReportAssembler() {
    }

    public static ReportData assemble(Warehouse w, String dataVersion) {
        List<Integer> years = w.query("SELECT DISTINCT year FROM marts.source_coverage ORDER BY 1", rs -> rs.getInt(1));
        int latestYear = years.isEmpty() ? 0 : years.get(years.size() - 1);
        // the departments' pages, then the government-wide one (marts.rpt_report_page)
        List<ReportData.DepartmentPage> pages = new ArrayList<>();
        for (String[] p : w.query("SELECT department_code, name_nl, name_en FROM marts.rpt_report_page ORDER BY is_government_wide, department_code",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            pages.add(page(w, p[0], p[1], p[2]));
        }
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

    private static ReportData.DepartmentPage page(Warehouse w, String code, String nameNl, String nameEn) {
        List<ReportData.SpendYear> spend = w.query("""
                SELECT year, spend_class, spend_min_eur, spend_mid_eur, spend_max_eur FROM marts.rpt_report_spend
                WHERE department_code = ? ORDER BY year, spend_class""",
                rs -> new ReportData.SpendYear(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        (Long) rs.getObject(5)), code);
        List<ReportData.InputGoalRow> inputs = w.query("""
                SELECT year, goal_id, goal_name_nl, goal_name_en, numerator_tenders, denominator_tenders, undetermined_tenders,
                       share_pct, target_share_pct, status
                FROM marts.input_goal_department_year WHERE department_code = ? ORDER BY year, goal_id""",
                rs -> new ReportData.InputGoalRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getString(10)), code);
        Map<String, List<ReportData.Milestone>> milestones = new LinkedHashMap<>();
        w.forEachRow("SELECT goal_id, year, value FROM ref.goal_milestone ORDER BY goal_id, year",
                rs -> milestones.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ReportData.Milestone(rs.getInt(2), rs.getBigDecimal(3))));
        // Each year of a goal on this page (marts.rpt_report_effect_point follows the page's code across reorganisations).
        Map<String, List<ReportData.ProgressPoint>> points = new LinkedHashMap<>();
        java.util.Set<String> codesShown = new java.util.TreeSet<>(List.of(code));
        w.forEachRow("""
                SELECT goal_id, year, actual_value, trajectory_value, status, status_reason_nl, status_reason_en,
                       figures_department_code, department_code
                FROM marts.rpt_report_effect_point WHERE page_code = ? ORDER BY goal_id, year""",
                rs -> {
                    codesShown.add(rs.getString(9));
                    points.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ReportData.ProgressPoint(rs.getInt(2),
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }, code);
        // One row per goal: baseline and target of the latest year that has them, the latest status, the allocation
        // (marts.rpt_report_effect_goal decides which year each comes from).
        List<ReportData.ProgressSeries> effect = w.query("""
                SELECT goal_id, goal_name_nl, goal_name_en, theme_strategy, theme_national_plan, unit, direction,
                       baseline_year, baseline_value, target_year, target_value, latest_status, is_allocated, is_target_year_assumed,
                       allocation_year, allocation_share_pct, allocation_status, allocation_basis_text,
                       CAST(allocation_adopted_on AS VARCHAR), allocation_adopted_by
                FROM marts.rpt_report_effect_goal WHERE page_code = ? ORDER BY goal_id""",
                rs -> {
                    boolean allocated = rs.getBoolean(13);
                    ReportData.AllocationInfo allocation = rs.getString(17) == null ? null
                            : new ReportData.AllocationInfo(rs.getInt(15), rs.getBigDecimal(16), rs.getString(17), rs.getString(18),
                                    rs.getString(19) == null ? null : java.time.LocalDate.parse(rs.getString(19)), rs.getString(20));
                    String goalId = rs.getString(1);
                    // interim goals are government-wide figures: not shown against a department's own part
                    return new ReportData.ProgressSeries(goalId, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), rs.getBigDecimal(9), (Integer) rs.getObject(10),
                            rs.getBigDecimal(11), rs.getString(12), points.getOrDefault(goalId, List.of()), allocated,
                            allocated ? List.of() : milestones.getOrDefault(goalId, List.of()), rs.getBoolean(14), allocation);
                }, code);
        List<ReportData.CoverageRow> coverage = w.query("""
                SELECT year, has_spend, has_mvi_zet, has_supplier_results, spend_line_count, tender_count, supplier_result_count,
                       spend_file, spend_superseded_files
                FROM marts.rpt_report_coverage WHERE department_code = ? ORDER BY year""",
                rs -> new ReportData.CoverageRow(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9)), code);
        List<ReportData.FootprintRow> footprint = w.query("""
                SELECT year, impact_segment, co2_min_kg, co2_mid_kg, co2_max_kg, material_mid_kg, high_impact_co2_share_pct,
                       factor_source
                FROM marts.footprint_department_year WHERE department_code = ? ORDER BY year, impact_segment""",
                rs -> new ReportData.FootprintRow(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)), code);
        List<ReportData.GoalCoverageRow> goalCoverage = w.query("""
                SELECT year, goal_id, goal_name_nl, goal_name_en, reporting_contracts, reporting_suppliers, expected_contracts,
                       expected_reporting_contracts, coverage_pct, min_coverage_pct, status
                FROM marts.effect_goal_department_year
                WHERE department_code = ? AND (reporting_contracts > 0 OR expected_contracts > 0)
                ORDER BY year, goal_id""",
                rs -> new ReportData.GoalCoverageRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11)), code);
        // The reorganisations behind the page's figures, in words (config/reference/departments.csv, note_nl/note_en).
        List<Text> reorganisations = new ArrayList<>();
        if (!code.equals("RIJK")) {
            String in = String.join(", ", codesShown.stream().map(Warehouse::quoteLiteral).toList());
            w.forEachRow("SELECT department_code, note_nl, note_en FROM ref.department WHERE department_code IN (" + in + ")"
                            + " AND nullif(trim(note_nl), '') IS NOT NULL ORDER BY department_code <> " + Warehouse.quoteLiteral(code)
                            + ", department_code, valid_from_year",
                    rs -> reorganisations.add(new Text(rs.getString(1) + ": " + rs.getString(2), rs.getString(1) + ": " + rs.getString(3))));
        }
        return new ReportData.DepartmentPage(code, nameNl, nameEn, spend, inputs, effect, coverage, footprint, goalCoverage,
                reorganisations);
    }
}
