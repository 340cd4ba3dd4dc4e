package nl.impactmonitor.jobs.extract;

import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract files of a publication:
 * <ul>
 *   <li>{@code departments/<DEPT>/progress.csv|parquet|json}: one row per goal x year (effect goals, input goals
 *       I-IV and spend with min/mid/max), from marts.department_progress;</li>
 *   <li>{@code departments/<DEPT>/footprint.*}: spend-based CO2 and material footprint per impact segment and year,
 *       with ranges and the intensity's source;</li>
 *   <li>{@code rijk/progress.*} the same for the whole government, and {@code rijk/leaders_laggards.*};</li>
 *   <li>{@code <year>/<DEPT>/spend.csv|parquet}: the spend figures of one department-year.</li>
 * </ul>
 * CSV is the Dutch Excel dialect of {@link CsvExtract}; rows are ordered, so equal warehouses give equal files.
 */
public final class DepartmentExtracts {

    private static final Logger log = LoggerFactory.getLogger(DepartmentExtracts.class);

    public static final String RIJKSBREED = "RIJK";

    static final String SPEND_COLUMNS = """
            department_code, year, spend_class, spend_min_eur, spend_mid_eur, spend_max_eur, spend_max_is_unbounded,
            category_count, categories_by_total_band, categories_by_supplier_sum_staffel_13,
            categories_by_supplier_sum_no_total, categories_excluded_staffel_0, supplier_line_count""";

    static final String PROGRESS_COLUMNS = """
            department_code, year, goal_id, goal_kind, goal_name_nl, goal_name_en, theme_strategy, theme_national_plan,
            metric, unit, status, actual_value, actual_min, actual_max, baseline_year, baseline_value, trajectory_value,
            target_year, target_value, source""";

    static final String FOOTPRINT_COLUMNS = """
            department_code, year, impact_segment, co2_min_kg, co2_mid_kg, co2_max_kg, material_min_kg, material_mid_kg,
            material_max_kg, spend_mid_eur, high_impact_co2_share_pct, factor_source""";

    static final String LEADERS_COLUMNS = "goal_id, year, department_code, goal_name_nl, goal_name_en, unit, rank, position, gap";

    private DepartmentExtracts() {
    }

    /** Writes all extract files below {@code dir}; returns the number of files written. */
    public static int write(Warehouse warehouse, Path dir) {
        int files = 0;
        List<String> departments = warehouse.query(
                "SELECT DISTINCT department_code FROM marts.department_progress ORDER BY 1", rs -> rs.getString(1));
        for (String department : departments) {
            Path folder = department.equals(RIJKSBREED) ? dir.resolve("rijk") : dir.resolve("departments").resolve(department);
            files += all(warehouse, "SELECT " + PROGRESS_COLUMNS + " FROM marts.department_progress WHERE department_code = "
                    + Warehouse.quoteLiteral(department) + " ORDER BY goal_kind, goal_id, year", folder, "progress", true);
            files += all(warehouse, "SELECT " + FOOTPRINT_COLUMNS + " FROM marts.footprint_department_year WHERE department_code = "
                    + Warehouse.quoteLiteral(department) + " ORDER BY year, impact_segment", folder, "footprint", true);
        }
        files += all(warehouse, "SELECT " + LEADERS_COLUMNS + " FROM marts.leaders_laggards ORDER BY goal_id, year, rank, department_code",
                dir.resolve("rijk"), "leaders_laggards", true);
        List<String[]> spendYears = warehouse.query(
                "SELECT DISTINCT department_code, CAST(year AS VARCHAR) FROM marts.spend_by_department_year ORDER BY ALL",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        for (String[] dy : spendYears) {
            files += all(warehouse, "SELECT " + SPEND_COLUMNS + " FROM marts.spend_by_department_year WHERE department_code = "
                    + Warehouse.quoteLiteral(dy[0]) + " AND year = " + Integer.parseInt(dy[1]) + " ORDER BY spend_class",
                    dir.resolve(dy[1]).resolve(dy[0]), "spend", false);
        }
        log.info("Wrote {} extract files for {} departments under {}", files, departments.size(), dir.toAbsolutePath());
        return files;
    }

    private static int all(Warehouse warehouse, String sql, Path folder, String name, boolean json) {
        CsvExtract.write(warehouse, sql, folder.resolve(name + ".csv"));
        warehouse.copyToParquet(sql, folder.resolve(name + ".parquet"));
        if (json) {
            warehouse.copyToJson(sql, folder.resolve(name + ".json"));
            return 3;
        }
        return 2;
    }
}
