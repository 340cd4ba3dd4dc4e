package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
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
        Map<String, String[]> names = new LinkedHashMap<>();
        w.forEachRow("""
                SELECT d.department_code, d.name_nl, d.name_en FROM ref.department AS d
                WHERE d.department_code IN (SELECT department_code FROM marts.source_coverage)
                ORDER BY d.department_code, d.valid_from_year""",
                rs -> names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}));
        List<ReportData.DepartmentPage> pages = new ArrayList<>();
        names.forEach((code, n) -> pages.add(page(w, code, n[0], n[1])));
        ReportData.DepartmentPage rijk = page(w, "RIJK", "Rijksoverheid (alle ministeries)", "Central government (all ministries)");
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
                CategoryPage.read(w));
    }

    /** Whether any file that counts now is one of the bundled samples (config/reference/sample_files.csv): then nothing is real. */
    public static boolean containsSampleData(Warehouse w) {
        return w.queryLong("""
                SELECT count(*) FROM raw.input_partition
                WHERE is_current AND source_sha256 IN (SELECT sha256 FROM ref.sample_file)""") > 0;
    }

    private static ReportData.DepartmentPage page(Warehouse w, String code, String nameNl, String nameEn) {
        List<ReportData.SpendYear> spend = w.query("""
                SELECT year, goal_id, actual_min, actual_value, actual_max FROM marts.department_progress
                WHERE department_code = ? AND goal_kind = 'spend' ORDER BY year, goal_id""",
                rs -> new ReportData.SpendYear(rs.getInt(1), rs.getString(2).substring("spend_".length()),
                        rs.getBigDecimal(3).longValue(), rs.getBigDecimal(4).longValue(),
                        rs.getBigDecimal(5) == null ? null : rs.getBigDecimal(5).longValue()), code);
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
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        // A department's trend runs across reorganisations: each year's figures are those of the code the page's code
        // stands for in that year (ref.department_year: the LVVN page shows LNV's years before 2024), marked with it.
        String lineage = code.equals("RIJK") ? " WHERE p.department_code = ?"
                : " JOIN ref.department_year AS dy ON dy.named_code = ? AND dy.year = p.year AND dy.department_code = p.department_code";
        java.util.Set<String> codesShown = new java.util.TreeSet<>(List.of(code));
        w.forEachRow("""
                SELECT p.goal_id, p.goal_name_nl, p.goal_name_en, p.theme_strategy, p.theme_national_plan, p.unit, p.direction,
                       p.baseline_year, p.baseline_value, p.target_year, p.target_value, p.year, p.actual_value, p.trajectory_value,
                       p.status, p.allocation_share_pct IS NOT NULL, p.status_reason_nl, p.status_reason_en, p.target_year_assumed,
                       p.department_code, p.allocation_share_pct, p.allocation_status, p.allocation_basis_text,
                       p.allocation_adopted_on, p.allocation_adopted_by
                FROM marts.progress_department_year AS p""" + lineage + " ORDER BY p.goal_id, p.year",
                rs -> {
                    codesShown.add(rs.getString(20));
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8), rs.getBigDecimal(9), rs.getObject(10), rs.getBigDecimal(11), rs.getInt(12),
                            rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getString(15), rs.getBoolean(16), rs.getString(17),
                            rs.getString(18), rs.getBoolean(19), rs.getString(20),
                            rs.getString(22) == null ? null : new ReportData.AllocationInfo(rs.getInt(12), rs.getBigDecimal(21),
                                    rs.getString(22), rs.getString(23),
                                    rs.getString(24) == null ? null : java.time.LocalDate.parse(rs.getString(24)), rs.getString(25))});
                }, code);
        List<ReportData.ProgressSeries> effect = new ArrayList<>();
        rows.forEach((goalId, list) -> {
            Object[] first = list.get(0);
            Object[] last = list.get(list.size() - 1);
            // Baseline and target of the latest year that has them: the same every year for most goals, but the
            // department's part of a split government-wide goal follows each year's allocation (and is missing in a
            // year without spend to split by).
            Object[] ref = first;
            for (Object[] r : list) {
                if (r[7] != null || r[9] != null) {
                    ref = r;
                }
            }
            List<ReportData.ProgressPoint> points = list.stream()
                    .map(r -> new ReportData.ProgressPoint((Integer) r[10], (BigDecimal) r[11], (BigDecimal) r[12], (String) r[13],
                            (String) r[15], (String) r[16], code.equals(r[18]) ? null : (String) r[18]))
                    .toList();
            // a split government-wide goal: the department is judged against its own part (in any year)
            boolean allocated = !code.equals("RIJK") && list.stream().anyMatch(r -> (Boolean) r[14]);
            ReportData.AllocationInfo allocation = null;
            for (Object[] r : list) {
                if (r[19] != null) {
                    allocation = (ReportData.AllocationInfo) r[19];
                }
            }
            // interim goals are government-wide figures: not shown against a department's own part
            List<ReportData.Milestone> goalMilestones = allocated ? List.of() : milestones.getOrDefault(goalId, List.of());
            effect.add(new ReportData.ProgressSeries(goalId, (String) first[0], (String) first[1], (String) first[2], (String) first[3],
                    (String) first[4], (String) first[5], (Integer) ref[6], (BigDecimal) ref[7], (Integer) ref[8],
                    (BigDecimal) ref[9], (String) last[13], points, allocated, goalMilestones, (Boolean) last[17],
                    code.equals("RIJK") ? null : allocation));
        });
        String coverageWhere = code.equals("RIJK") ? "" : " WHERE department_code = ?";
        String coverageSql = code.equals("RIJK")
                ? """
                  SELECT year, bool_or(has_spend), bool_or(has_mvi_zet), bool_or(has_supplier_results),
                         sum(spend_line_count), sum(tender_count), sum(supplier_result_count), NULL, NULL
                  FROM marts.source_coverage GROUP BY year ORDER BY year"""
                : """
                  SELECT year, has_spend, has_mvi_zet, has_supplier_results, spend_line_count, tender_count, supplier_result_count,
                         spend_file, spend_superseded_files
                  FROM marts.source_coverage""" + coverageWhere + " ORDER BY year";
        Warehouse.RowMapper<ReportData.CoverageRow> coverageRow = rs -> new ReportData.CoverageRow(rs.getInt(1), rs.getBoolean(2),
                rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9));
        List<ReportData.CoverageRow> coverage = code.equals("RIJK") ? w.query(coverageSql, coverageRow) : w.query(coverageSql, coverageRow, code);
        List<ReportData.FootprintRow> footprint = w.query("""
                SELECT year, impact_segment, co2_min_kg, co2_mid_kg, co2_max_kg, material_mid_kg, high_impact_co2_share_pct,
                       factor_source
                FROM marts.footprint_department_year WHERE department_code = ? ORDER BY year, impact_segment""",
                rs -> new ReportData.FootprintRow(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)), code);
        List<ReportData.GoalCoverageRow> goalCoverage = w.query("""
                SELECT year, goal_id, goal_name_nl, goal_name_en, reporting_contracts, reporting_suppliers, expected_contracts,
                       expected_reporting_contracts, coverage_pct, min_coverage_pct, status
                FROM marts.progress_department_year
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
