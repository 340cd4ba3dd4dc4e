package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dbt-style data tests: each file in {@code sql/tests/} is a query returning the offending rows, so an empty
 * result is a pass. The header line {@code -- severity: error|warn} says whether failures stop publication.
 * Besides those, every model in {@code core/} and {@code marts/} with a {@code -- unique_key: a, b} header gets a
 * generated uniqueness test, {@code unique_key__<layer>__<model>} (severity error): no two rows share the key.
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
        return run(runId, tests());
    }

    /** One data test: a query returning offending rows, from a file or generated from a model's header. */
    record Test(String name, Path source, String sql) {
    }

    /** The files' tests and the generated uniqueness tests, by name. */
    List<Test> tests() {
        List<Test> tests = new ArrayList<>();
        for (Path file : files()) {
            String fileName = file.getFileName().toString();
            try {
                tests.add(new Test(fileName.substring(0, fileName.length() - 4), file,
                        ModelRunner.stripTrailingSemicolon(Files.readString(file))));
            } catch (IOException e) {
                throw new WarehouseException("Cannot read data test " + file, e);
            }
        }
        tests.addAll(uniqueKeyTests(warehouse.models().plan()));
        tests.sort(java.util.Comparator.comparing(Test::name));
        return tests;
    }

    /** A uniqueness test for each core and marts model that declares {@code -- unique_key:}. */
    static List<Test> uniqueKeyTests(List<ModelRunner.Model> models) {
        List<Test> tests = new ArrayList<>();
        for (ModelRunner.Model model : models) {
            if (model.name().startsWith("staging.")) {
                continue;
            }
            String key = SqlHeader.value(model.sql(), "unique_key", "");
            if (key.isBlank()) {
                continue;
            }
            List<String> columns = java.util.Arrays.stream(key.split(",")).map(String::strip).toList();
            for (String column : columns) {
                if (!column.matches("[a-z_][a-z0-9_]*")) {
                    throw new WarehouseException(model.file() + ": unique_key must list column names separated by commas, not '" + key + "'");
                }
            }
            String list = String.join(", ", columns);
            String sql = "-- severity: error\n-- description: " + list + " name each row of " + model.name()
                    + " once (its unique_key)\nSELECT " + list + ", count(*) AS row_count\nFROM " + model.name()
                    + "\nGROUP BY " + list + "\nHAVING count(*) > 1";
            tests.add(new Test("unique_key__" + model.name().replace('.', '_'), model.file(), sql));
        }
        return tests;
    }

    /**
     * Runs the data tests that read one of {@code tables} (named {@code schema.table}), as after a partition rerun
     * that rebuilt only those; the others' inputs did not change since they last ran.
     */
    public List<Result> runAffected(String runId, java.util.Set<String> tables) {
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile("\\b(raw|ref|staging|core|marts)\\.([a-z0-9_]+)\\b");
        List<Test> affected = new ArrayList<>();
        for (Test test : tests()) {
            java.util.regex.Matcher m = reference.matcher(test.sql().replaceAll("--[^\n]*", ""));
            while (m.find()) {
                if (tables.contains(m.group(1) + "." + m.group(2))) {
                    affected.add(test);
                    break;
                }
            }
        }
        return run(runId, affected);
    }

    private List<Result> run(String runId, List<Test> tests) {
        List<Result> results = new ArrayList<>();
        for (Test test : tests) {
            results.add(run(test));
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

    private Result run(Test test) {
        String name = test.name();
        Path file = test.source();
        String sql = test.sql();
        Severity severity = Severity.valueOf(SqlHeader.value(sql, "severity", "error").toUpperCase());
        String description = SqlHeader.value(sql, "description", "");
        long failing;
        List<String> sample = new ArrayList<>();
        List<String> sampleJson = new ArrayList<>();
        try {
            failing = warehouse.queryLong("SELECT count(*) FROM (" + sql + "\n) AS offending");
            if (failing > 0) {
                warehouse.forEachRow("SELECT * FROM (" + sql + "\n) AS offending ORDER BY ALL LIMIT " + SAMPLE_ROWS, rs -> {
                    ResultSetMetaData md = rs.getMetaData();
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.append(i > 1 ? ", " : "").append(md.getColumnLabel(i)).append('=').append(rs.getString(i));
                    }
                    sample.add(row.toString());
                });
                // The same rows (ordered by all columns, so the same data gives the same sample) as JSON objects (DuckDB's to_json of the row), for pages that show them as a table.
                warehouse.forEachRow("SELECT CAST(to_json(offending) AS VARCHAR) FROM (SELECT * FROM (" + sql + "\n) AS o ORDER BY ALL LIMIT "
                        + SAMPLE_ROWS + ") AS offending ORDER BY ALL", rs -> sampleJson.add(rs.getString(1)));
            }
        } catch (WarehouseException e) {
            throw new WarehouseException("Data test " + file + " could not run: " + e.getMessage(), e);
        }
        Path sqlRoot = directory.toAbsolutePath().getParent();
        String sqlFile = sqlRoot == null ? file.getFileName().toString() : sqlRoot.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        return new Result(name, severity, description, failing, sample, "[" + String.join(",", sampleJson) + "]", sqlFile);
    }

    private List<Path> files() {
        return SqlFiles.in(directory);
    }
}
