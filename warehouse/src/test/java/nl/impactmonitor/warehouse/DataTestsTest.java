package nl.impactmonitor.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-test results are kept per run in {@code meta.data_test_result} with what the admin page shows (issue 23): the
 * failing-row count, up to 5 failing rows as a JSON array of objects, the description and the file under sql/.
 */
class DataTestsTest {

    @TempDir
    Path dir;

    @Test
    void eachRunKeepsItsResultsWithTheSampleAsJsonAndTheSqlFile() throws IOException {
        // A sql/ folder with the project's migrations and two tests of its own: one finds 7 rows, one none.
        Path sql = dir.resolve("sql");
        Files.createDirectories(sql.resolve("tests"));
        try (var migrations = Files.list(TestWarehouses.SQL.resolve("migrations"))) {
            Files.createDirectories(sql.resolve("migrations"));
            for (Path m : migrations.toList()) {
                Files.copy(m, sql.resolve("migrations").resolve(m.getFileName()));
            }
        }
        Files.writeString(sql.resolve("tests/seven_rows.sql"), """
                -- severity: warn
                -- description: seven rows, two columns
                SELECT 'dept-' || i AS department_code, 2020 + i AS year FROM range(1, 8) AS t(i)
                """);
        Files.writeString(sql.resolve("tests/no_rows.sql"), "-- severity: error\nSELECT 1 AS x WHERE false\n");

        try (Warehouse w = Warehouse.open(WarehouseSettings.of(dir.resolve("w.duckdb"), sql))) {
            List<DataTests.Result> results = w.dataTests().runAll("job-41");

            assertThat(results).extracting(DataTests.Result::name).containsExactly("no_rows", "seven_rows");
            DataTests.Result seven = results.get(1);
            assertThat(seven.failingRows()).isEqualTo(7);
            assertThat(seven.severity()).isEqualTo(DataTests.Severity.WARN);
            assertThat(seven.sqlFile()).isEqualTo("tests/seven_rows.sql");
            assertThat(results.get(0).sampleJson()).isEqualTo("[]");

            List<String> kept = w.query("""
                    SELECT test_name || '|' || severity || '|' || failing_rows || '|' || sql_file || '|' || description || '|'
                           || json_array_length(sample_json) || '|' || (sample_json -> 0 ->> 'department_code')
                    FROM meta.data_test_result WHERE run_id = 'job-41' AND failing_rows > 0""", rs -> rs.getString(1));
            // At most 5 sample rows; each an object with the test's columns.
            assertThat(kept).singleElement().asString()
                    .matches("seven_rows\\|warn\\|7\\|tests/seven_rows.sql\\|seven rows, two columns\\|5\\|dept-[1-7]");
        }
    }
}
