package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dbt-style data tests: each file in {@code sql/tests/} is a query returning the offending rows, so an empty
 * result is a pass. The header line {@code -- severity: error|warn} says whether failures stop publication.
 */
public final class DataTests {

    private static final Logger log = LoggerFactory.getLogger(DataTests.class);
    private static final int SAMPLE_ROWS = 5;

    private final Warehouse warehouse;
    private final Path directory;

    DataTests(Warehouse warehouse, Path directory) {
        this.warehouse = warehouse;
        this.directory = directory;
    }

    public enum Severity { WARN, ERROR }

    /**
     * The outcome of one data test. {@code sampleJson}: the sample as a JSON array of objects (column to value);
     * {@code sqlFile}: the defining file relative to the SQL folder, e.g. {@code tests/spend_range_is_ordered.sql}.
     */
    public record Result(String name, Severity severity, String description, long failingRows, List<String> sample,
                         String sampleJson, String sqlFile) {
        public boolean passed() {
            return failingRows == 0;
        }

        public boolean blocksPublication() {
            return !passed() && severity == Severity.ERROR;
        }
    }

    /** Runs all data tests and records their results in {@code meta.data_test_result}. */
    public List<Result> runAll(String runId) {
        return run(runId, files());
    }

    /**
     * Runs the data tests that read one of {@code tables} (named {@code schema.table}), as after a partition rerun
     * that rebuilt only those; the others' inputs did not change since they last ran.
     */
    public List<Result> runAffected(String runId, java.util.Set<String> tables) {
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile("\\b(raw|ref|staging|core|marts)\\.([a-z0-9_]+)\\b");
        List<Path> affected = new ArrayList<>();
        for (Path file : files()) {
            try {
                java.util.regex.Matcher m = reference.matcher(Files.readString(file).replaceAll("--[^\n]*", ""));
                while (m.find()) {
                    if (tables.contains(m.group(1) + "." + m.group(2))) {
                        affected.add(file);
                        break;
                    }
                }
            } catch (IOException e) {
                throw new WarehouseException("Cannot read data test " + file, e);
            }
        }
        return run(runId, affected);
    }

    private List<Result> run(String runId, List<Path> files) {
        List<Result> results = new ArrayList<>();
        for (Path file : files) {
            results.add(run(file));
        }
        for (Result r : results) {
            warehouse.update("""
                    INSERT INTO meta.data_test_result (run_id, test_name, severity, failing_rows, sample, checked_at, sql_file,
                                                       description, sample_json)
                    VALUES (?, ?, ?, ?, ?, current_timestamp, ?, ?, ?)""",
                    runId, r.name(), r.severity().name().toLowerCase(), r.failingRows(), String.join("\n", r.sample()), r.sqlFile(),
                    r.description(), r.sampleJson());
            if (!r.passed()) {
                log.warn("Data test {} ({}) failed on {} row(s): {}", r.name(), r.severity(), r.failingRows(), r.sample());
            }
        }
        return results;
    }

    private Result run(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - 4);
        String sql;
        try {
            sql = ModelRunner.stripTrailingSemicolon(Files.readString(file));
        } catch (IOException e) {
            throw new WarehouseException("Cannot read data test " + file, e);
        }
        Severity severity = Severity.valueOf(SqlHeader.value(sql, "severity", "error").toUpperCase());
        String description = SqlHeader.value(sql, "description", "");
        long failing;
        List<String> sample = new ArrayList<>();
        List<String> sampleJson = new ArrayList<>();
        try {
            failing = warehouse.queryLong("SELECT count(*) FROM (" + sql + "\n) AS offending");
            if (failing > 0) {
                warehouse.forEachRow("SELECT * FROM (" + sql + "\n) AS offending LIMIT " + SAMPLE_ROWS, rs -> {
                    ResultSetMetaData md = rs.getMetaData();
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.append(i > 1 ? ", " : "").append(md.getColumnLabel(i)).append('=').append(rs.getString(i));
                    }
                    sample.add(row.toString());
                });
                // The same rows as JSON objects (DuckDB's to_json of the row), for pages that show them as a table.
                warehouse.forEachRow("SELECT CAST(to_json(offending) AS VARCHAR) FROM (SELECT * FROM (" + sql + "\n) AS o LIMIT "
                        + SAMPLE_ROWS + ") AS offending", rs -> sampleJson.add(rs.getString(1)));
            }
        } catch (WarehouseException e) {
            throw new WarehouseException("Data test " + file + " could not run: " + e.getMessage(), e);
        }
        Path sqlRoot = directory.toAbsolutePath().getParent();
        String sqlFile = sqlRoot == null ? fileName : sqlRoot.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        return new Result(name, severity, description, failing, sample, "[" + String.join(",", sampleJson) + "]", sqlFile);
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new WarehouseException("Cannot list " + directory, e);
        }
    }
}
