package nl.impactmonitor.jobs.extract;

import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per department and year, under {@code <out>/<year>/<department>/}: {@code spend.csv|parquet} (the spend
 * figures with min/mid/max) and {@code input_goals.csv|parquet} (input goals I-IV with counts, share, target
 * and status), {@code progress.csv|parquet} (each 2030 goal: actual, baseline, trajectory, target, status); the
 * whole government's under {@code <out>/<year>/RIJK/}.
 */
public final class DepartmentExtracts {

    private static final Logger log = LoggerFactory.getLogger(DepartmentExtracts.class);

    public static final String RIJKSBREED = "RIJK";

    static final String SPEND_COLUMNS = """
            department_code, year, spend_class, spend_min_eur, spend_mid_eur, spend_max_eur, spend_max_is_unbounded,
            category_count, categories_by_total_band, categories_by_supplier_sum_staffel_13,
            categories_by_supplier_sum_no_total, categories_excluded_staffel_0, supplier_line_count""";

    static final String INPUT_GOAL_COLUMNS = """
            department_code, year, goal_id, goal_name_nl, goal_name_en, metric, status, numerator_tenders,
            denominator_tenders, undetermined_tenders, share_pct, target_share_pct, tender_count, departments_without_data""";

    static final String PROGRESS_COLUMNS = """
            department_code, year, goal_id, goal_name_nl, goal_name_en, theme_strategy, theme_national_plan, metric, unit,
            direction, aggregation, status, actual_value, baseline_year, baseline_value, target_year, target_value,
            trajectory_value, gap_to_trajectory, gap_to_target, numerator_value, denominator_value, result_count, source""";

    private DepartmentExtracts() {
    }

    /** Writes all extracts; returns the number of files written. */
    public static int write(Warehouse warehouse, Path outDir) {
        List<String[]> departmentYears = warehouse.query("""
                SELECT department_code, CAST(year AS VARCHAR), has_spend FROM marts.source_coverage
                UNION ALL
                SELECT DISTINCT 'RIJK', CAST(year AS VARCHAR), false FROM marts.source_coverage
                ORDER BY ALL""",
                rs -> new String[] {rs.getString(1), rs.getString(2), Boolean.toString(rs.getBoolean(3))});
        int files = 0;
        for (String[] dy : departmentYears) {
            String department = dy[0];
            int year = Integer.parseInt(dy[1]);
            Path dir = outDir.resolve(dy[1]).resolve(department);
            String where = " WHERE department_code = " + Warehouse.quoteLiteral(department) + " AND year = " + year;
            if (Boolean.parseBoolean(dy[2])) {
                files += both(warehouse, "SELECT " + SPEND_COLUMNS + " FROM marts.spend_by_department_year" + where
                        + " ORDER BY spend_class", dir, "spend");
            }
            files += both(warehouse, "SELECT " + INPUT_GOAL_COLUMNS + " FROM marts.input_goal_department_year" + where
                    + " ORDER BY goal_id", dir, "input_goals");
            files += both(warehouse, "SELECT " + PROGRESS_COLUMNS + " FROM marts.progress_department_year" + where
                    + " ORDER BY goal_id", dir, "progress");
        }
        log.info("Wrote {} extract files for {} department-years under {}", files, departmentYears.size(), outDir.toAbsolutePath());
        return files;
    }

    private static int both(Warehouse warehouse, String sql, Path dir, String name) {
        CsvExtract.write(warehouse, sql, dir.resolve(name + ".csv"));
        warehouse.copyToParquet(sql, dir.resolve(name + ".parquet"));
        return 2;
    }
}
