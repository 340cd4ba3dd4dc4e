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

    /**
     * Writes all extract files below {@code dir}; returns the number of files written. Each kind of extract is one
     * query split into per-department (or per department-year) files: one pass for CSV and one partitioned COPY each
     * for Parquet and JSON, so the cost does not grow with the number of files (measured at national scale, 351
     * departments and 9,100 files: 20.7 s file by file).
     */
    public static int write(Warehouse warehouse, Path dir) {
        List<String> departments = warehouse.query(
                "SELECT DISTINCT department_code FROM marts.department_progress ORDER BY 1", rs -> rs.getString(1));
        java.util.function.Function<String, Path> folder = d -> d.equals(RIJKSBREED) ? dir.resolve("rijk") : dir.resolve("departments").resolve(d);
        String published = " WHERE department_code IN (SELECT department_code FROM marts.department_progress)";
        int files = perKey(warehouse, dir, "SELECT department_code AS extract_department, " + PROGRESS_COLUMNS
                        + " FROM marts.department_progress ORDER BY department_code, goal_kind, goal_id, year",
                1, k -> folder.apply(k.get(0)), departments.stream().map(List::of).toList(), "progress", true);
        files += perKey(warehouse, dir, "SELECT department_code AS extract_department, " + FOOTPRINT_COLUMNS
                        + " FROM marts.footprint_department_year" + published + " ORDER BY department_code, year, impact_segment",
                1, k -> folder.apply(k.get(0)), departments.stream().map(List::of).toList(), "footprint", true);
        files += all(warehouse, "SELECT " + LEADERS_COLUMNS + " FROM marts.leaders_laggards ORDER BY goal_id, year, rank, department_code",
                dir.resolve("rijk"), "leaders_laggards", true);
        files += perKey(warehouse, dir, "SELECT CAST(year AS VARCHAR) AS extract_year, department_code AS extract_department, "
                        + SPEND_COLUMNS + " FROM marts.spend_by_department_year ORDER BY year, department_code, spend_class",
                2, k -> dir.resolve(k.get(0)).resolve(k.get(1)), List.of(), "spend", false);
        log.info("Wrote {} extract files for {} departments under {}", files, departments.size(), dir.toAbsolutePath());
        return files;
    }

    /**
     * One query, one file per key (the query's leading columns) in CSV, Parquet and optionally JSON. Keys listed in
     * {@code alwaysWritten} that have no rows still get their (empty) files.
     */
    private static int perKey(Warehouse warehouse, Path dir, String sql, int keys, java.util.function.Function<List<String>, Path> folder,
                              List<List<String>> alwaysWritten, String name, boolean json) {
        int files = CsvExtract.writePerKey(warehouse, sql, keys, k -> folder.apply(k).resolve(name + ".csv")).size();
        java.util.Set<List<String>> withRows = new java.util.HashSet<>();
        Path scratch = dir.resolve(".extract-" + name);
        for (String format : json ? List.of("parquet", "json") : List.of("parquet")) {
            String options = format.equals("parquet") ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT json, ARRAY true";
            for (var entry : warehouse.copyPerKey(sql, keys, options, scratch.resolve(format)).entrySet()) {
                move(entry.getValue(), folder.apply(entry.getKey()).resolve(name + "." + format));
                withRows.add(entry.getKey());
                files++;
            }
        }
        deleteRecursively(scratch);
        for (List<String> key : alwaysWritten) {
            if (!withRows.contains(key)) {
                files += all(warehouse, "SELECT * EXCLUDE (extract_department) FROM (" + sql + ") WHERE false", folder.apply(key), name, json);
            }
        }
        return files;
    }

    private static void move(Path from, Path to) {
        try {
            java.nio.file.Files.createDirectories(to.getParent());
            java.nio.file.Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot remove " + dir, e);
        }
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
