package nl.impactmonitor.jobs.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.warehouse.PublicationReuse;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract files of a publication:
 * <ul>
 *   <li>{@code departments/<DEPT>/progress.csv|parquet|json}: one row per goal x year (effect goals, input goals
 *       I-IV and spend with min/mid/max), from marts.rpt_department_progress;</li>
 *   <li>{@code departments/<DEPT>/footprint.*}: spend-based CO2 and material footprint per impact segment and year,
 *       with ranges and the intensity's source;</li>
 *   <li>{@code rijk/progress.*} the same for the whole government, and {@code rijk/leaders_laggards.*};</li>
 *   <li>{@code <year>/<DEPT>/spend.csv|parquet}: the spend figures of one department-year.</li>
 * </ul>
 * Each kind of file is one SQL model, {@code sql/marts/rpt_*.sql}, whose columns are the file's columns in order:
 * what is published (the RIJK rows, which rows, which columns) is decided there; this class only splits a model's
 * rows into files per key. CSV is the Dutch Excel dialect of {@link CsvExtract}; rows are ordered, so equal warehouses
 * give equal files.
 * <p>
 * Progress rows carry the publication's {@code data_version} (the fingerprint of its input files, as in the
 * manifest); the run id is in {@code run.json} beside them, not in the rows: a per-run column would change every
 * progress file on every run, and files of identical inputs are hard-linked from the previous publication only
 * when byte-identical. The price of {@code data_version} in the rows: any new input rewrites every department's
 * progress files, linked only when no input changed (measured in docs/analysts.md, "Which run and which data").
 */
public final class DepartmentExtracts {

    private static final Logger log = LoggerFactory.getLogger(DepartmentExtracts.class);

    public static final String RIJKSBREED = "RIJK";

    private DepartmentExtracts() {
    }

    /** Writes all extract files below {@code dir}; returns the number of files written. */
    public static int write(Warehouse warehouse, Path dir, String runId, String dataVersion) {
        return write(warehouse, dir, PublicationReuse.none(), runId, dataVersion);
    }

    /**
     * Writes all extract files below {@code dir}, linking a department's (department-year's) files from the previous
     * publication when their rows are unchanged; returns the number of files written or linked. Each kind of extract
     * is one query split into per-key files: one pass for CSV and one partitioned COPY each for Parquet and JSON, so
     * the cost does not grow with the number of files (measured at national scale, 351 departments and 9,100 files:
     * 20.7 s file by file, 11.0 s per kind).
     */
    public static int write(Warehouse warehouse, Path dir, PublicationReuse reuse, String runId, String dataVersion) {
        List<String> departments = warehouse.query(
                "SELECT DISTINCT department_code FROM marts.rpt_department_progress ORDER BY 1", rs -> rs.getString(1));
        java.util.function.Function<List<String>, String> departmentFolder =
                k -> k.get(0).equals(RIJKSBREED) ? "rijk" : "departments/" + k.get(0);
        List<List<String>> everyDepartment = departments.stream().map(List::of).toList();
        int files = perKey(warehouse, dir, reuse, "progress", List.of("extract_department"), "SELECT department_code AS extract_department, *, "
                        + Warehouse.quoteLiteral(dataVersion) + " AS data_version FROM marts.rpt_department_progress",
                "department_code, goal_kind, goal_id, year", departmentFolder, everyDepartment, true);
        files += writeRunFiles(dir, everyDepartment.stream().map(departmentFolder).toList(), runId, dataVersion);
        files += perKey(warehouse, dir, reuse, "footprint", List.of("extract_department"), "SELECT department_code AS extract_department, * FROM marts.rpt_footprint_extract",
                "department_code, year, impact_segment", departmentFolder, everyDepartment, true);
        String leaders = "SELECT * FROM marts.rpt_leaders_laggards_extract";
        String fp = warehouse.query("SELECT " + PublicationReuse.fingerprintSql("t") + " FROM (" + leaders + ") AS t", rs -> rs.getString(1)).get(0);
        if (!reuse.linkIfUnchanged("extract/leaders_laggards", fp, names("rijk", "leaders_laggards", true), dir)) {
            all(warehouse, leaders + " ORDER BY goal_id, year, rank, department_code", dir.resolve("rijk"), "leaders_laggards", true);
        }
        files += 3;
        files += perKey(warehouse, dir, reuse, "spend", List.of("extract_year", "extract_department"), "SELECT CAST(year AS VARCHAR) AS extract_year, department_code AS extract_department, * FROM marts.rpt_spend_extract", "year, department_code, spend_class",
                k -> k.get(0) + "/" + k.get(1), List.of(), false);
        log.info("Wrote {} extract files for {} departments under {} ({} linked from the previous publication)", files, departments.size(),
                dir.toAbsolutePath(), reuse.linkedFiles().stream().filter(f -> !f.startsWith("lake/")).count());
        return files;
    }

    /**
     * {@code run.json} in every progress folder: the run that published the folder and the data version its rows
     * carry, so a folder copied away from its publication still names both. Written every run, never linked.
     */
    private static int writeRunFiles(Path dir, List<String> folders, String runId, String dataVersion) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
        for (String folder : folders) {
            Map<String, Object> run = new java.util.LinkedHashMap<>();
            run.put("run_id", runId);
            run.put("data_version", dataVersion);
            run.put("files", List.of("progress.csv", "progress.parquet", "progress.json"));
            try {
                java.nio.file.Files.createDirectories(dir.resolve(folder));
                json.writeValue(dir.resolve(folder).resolve("run.json").toFile(), run);
            } catch (tools.jackson.core.JacksonException | java.io.IOException e) {
                throw new java.io.UncheckedIOException(new java.io.IOException("Cannot write " + dir.resolve(folder).resolve("run.json"), e));
            }
        }
        return folders.size();
    }

    private static List<String> names(String folder, String name, boolean json) {
        return json ? List.of(folder + "/" + name + ".csv", folder + "/" + name + ".json", folder + "/" + name + ".parquet")
                : List.of(folder + "/" + name + ".csv", folder + "/" + name + ".parquet");
    }

    /**
     * One kind of extract: the query's leading {@code keys} columns name the file set, one set per key in CSV, Parquet
     * and optionally JSON. Keys whose rows are unchanged since the previous publication are linked from it; keys listed
     * in {@code alwaysWritten} that have no rows still get their (empty) files.
     */
    /** Above this many rows a key's JSON file is written by a COPY of its own (see perKey); tests lower it. */
    static volatile long jsonRowsPerCopy = 200_000;

    static int perKey(Warehouse warehouse, Path dir, PublicationReuse reuse, String name, List<String> keyColumns, String select, String orderBy,
                              java.util.function.Function<List<String>, String> folder, List<List<String>> alwaysWritten, boolean json) {
        int keys = keyColumns.size();
        String keyList = String.join(", ", keyColumns);
        Map<List<String>, String> fingerprints = new java.util.LinkedHashMap<>();
        warehouse.forEachRow("SELECT " + keyList + ", " + PublicationReuse.fingerprintSql("t") + " FROM (" + select + ") AS t GROUP BY ALL",
                rs -> {
                    List<String> key = new java.util.ArrayList<>();
                    for (int i = 1; i <= keys; i++) {
                        key.add(rs.getString(i));
                    }
                    fingerprints.put(key, rs.getString(keys + 1));
                });
        alwaysWritten.forEach(k -> fingerprints.putIfAbsent(k, "empty"));
        List<List<String>> changed = new java.util.ArrayList<>();
        fingerprints.forEach((key, fp) -> {
            if (!reuse.linkIfUnchanged("extract/" + name + "/" + String.join("/", key), fp, names(folder.apply(key), name, json), dir)) {
                changed.add(key);
            }
        });
        int files = fingerprints.size() * (json ? 3 : 2);
        if (changed.isEmpty()) {
            return files;
        }
        String where = "";
        if (changed.size() < fingerprints.size()) {
            java.util.StringJoiner in = new java.util.StringJoiner(", ");
            for (List<String> key : changed) {
                in.add(Warehouse.quoteLiteral(String.join("|", key)));
            }
            where = " WHERE concat_ws('|', " + keyList + ") IN (" + in + ")";
        }
        String sql = "SELECT * FROM (" + select + ") AS x" + where + " ORDER BY " + orderBy;
        CsvExtract.writePerKey(warehouse, sql, keys, k -> dir.resolve(folder.apply(k)).resolve(name + ".csv"));
        java.util.Set<List<String>> withRows = new java.util.HashSet<>();
        Path scratch = dir.resolve(".extract-" + name);
        for (var entry : warehouse.copyPerKey(sql, keys, "FORMAT parquet, COMPRESSION zstd", scratch.resolve("parquet")).entrySet()) {
            move(entry.getValue(), dir.resolve(folder.apply(entry.getKey())).resolve(name + ".parquet"));
            withRows.add(entry.getKey());
        }
        if (json) {
            // DuckDB's partitioned JSON writer holds a whole partition's array in memory: at national scale a category's
            // 2.3 million result rows ran out of a 2 GB limit and failed the nightly (measured 2026-12-02). Large keys
            // get a COPY of their own, which streams; the rest share one partitioned COPY.
            List<List<String>> large = new java.util.ArrayList<>();
            warehouse.forEachRow("SELECT " + keyList + " FROM (" + sql + ") AS k GROUP BY ALL HAVING count(*) > " + jsonRowsPerCopy,
                    rs -> {
                        List<String> key = new java.util.ArrayList<>();
                        for (int i = 1; i <= keys; i++) {
                            key.add(rs.getString(i));
                        }
                        large.add(key);
                    });
            String rest = large.isEmpty() ? sql : "SELECT * FROM (" + select + ") AS x" + where + (where.isEmpty() ? " WHERE " : " AND ")
                    + "concat_ws('|', " + keyList + ") NOT IN ("
                    + String.join(", ", large.stream().map(k -> Warehouse.quoteLiteral(String.join("|", k))).toList()) + ") ORDER BY " + orderBy;
            for (var entry : warehouse.copyPerKey(rest, keys, "FORMAT json, ARRAY true", scratch.resolve("json")).entrySet()) {
                move(entry.getValue(), dir.resolve(folder.apply(entry.getKey())).resolve(name + ".json"));
            }
            for (List<String> key : large) {
                warehouse.copyToJson("SELECT * EXCLUDE (" + keyList + ") FROM (" + select + ") AS x WHERE concat_ws('|', " + keyList + ") = "
                        + Warehouse.quoteLiteral(String.join("|", key)) + " ORDER BY " + orderBy,
                        dir.resolve(folder.apply(key)).resolve(name + ".json"));
            }
        }
        deleteRecursively(scratch);
        for (List<String> key : changed) {
            if (!withRows.contains(key)) {
                all(warehouse, "SELECT * EXCLUDE (" + keyList + ") FROM (" + select + ") WHERE false",
                        dir.resolve(folder.apply(key)), name, json);
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
        try {
            if (java.nio.file.Files.exists(dir)) {
                Publisher.deleteRecursively(dir);
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
