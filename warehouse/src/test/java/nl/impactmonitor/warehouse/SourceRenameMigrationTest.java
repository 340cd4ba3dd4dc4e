package nl.impactmonitor.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V017 (one name per source): a warehouse with supplier results loaded under the old names keeps its lineage. The
 * stored source values {@code results} become {@code result} in every raw table, the rows move to
 * staging.result_record, the old staging.supplier_result still reads them (a view, for analysts), and the results
 * still count (raw.input_partition and the macro results_as_reported_on find them under the new name).
 */
class SourceRenameMigrationTest {

    @TempDir
    Path dir;

    @Test
    void resultsLoadedBeforeTheRenameKeepTheirLineageAndTheOldTableNameStillReads() throws IOException {
        Path sql = dir.resolve("sql");
        copy(TestWarehouses.SQL, sql);
        Path v017 = sql.resolve("migrations/V017__one_name_per_source.sql");
        Path macro = sql.resolve("macros/50_results.sql");
        String v017Text = Files.readString(v017);
        String macroText = Files.readString(macro);
        Files.delete(v017);
        Files.delete(macro);

        Path file = dir.resolve("test.duckdb");
        try (Warehouse before = Warehouse.open(WarehouseSettings.of(file, sql))) {
            before.execute("""
                    INSERT INTO raw.load (load_id, source, source_file, source_sha256, status, rows_read, rows_loaded, rows_rejected, finished_at)
                    VALUES ('results-1', 'results', 'results-2023-VWS.csv', 'abc', 'loaded', 2, 1, 1, TIMESTAMP '2024-01-02 03:04:05');
                    INSERT INTO raw.load_partition (load_id, source, department_code, year, rows_loaded)
                    VALUES ('results-1', 'results', 'VWS', 2023, 1);
                    INSERT INTO raw.reject (load_id, source, source_file, source_sha256, line_no, column_name, value_raw, reason)
                    VALUES ('results-1', 'results', 'results-2023-VWS.csv', 'abc', 3, 'value_raw', 'x', 'not a number');
                    INSERT INTO raw.inbox_file (source, source_file, source_sha256, arrived_at, load_id, replaces_partitions, state, seen_at)
                    VALUES ('results', 'results-2023-VWS.csv', 'abc', TIMESTAMP '2024-01-01 00:00:00', 'results-1', false, 'present',
                            TIMESTAMP '2024-01-02 03:04:05');
                    INSERT INTO staging.supplier_result (contract_id, supplier_name, department_code, year, period_start, period_end,
                            metric, value_reported, unit_reported, value_base, base_unit, reported_on, load_id, source_file, source_sha256, line_no)
                    VALUES ('VWS-2023-1', 'Leverancier B.V.', 'VWS', 2023, DATE '2023-01-01', DATE '2023-12-31', 'electricity_use',
                            1500, 'MWh', 1500000, 'kWh', DATE '2024-01-01', 'results-1', 'results-2023-VWS.csv', 'abc', 2);
                    """);
        }

        Files.writeString(v017, v017Text);
        Files.writeString(macro, macroText);
        try (Warehouse after = Warehouse.open(WarehouseSettings.of(file, sql))) {
            for (String table : new String[] {"raw.load", "raw.load_partition", "raw.reject", "raw.inbox_file"}) {
                assertThat(after.query("SELECT DISTINCT source FROM " + table, rs -> rs.getString(1))).as(table).containsExactly("result");
            }
            assertThat(after.query("SELECT contract_id || ' ' || value_base FROM staging.result_record", rs -> rs.getString(1)))
                    .containsExactly("VWS-2023-1 1500000.000000");
            assertThat(after.query("SELECT contract_id FROM staging.supplier_result", rs -> rs.getString(1))).containsExactly("VWS-2023-1");
            assertThat(after.query("SELECT source || ' ' || department_code || ' ' || year || ' ' || is_current FROM raw.input_partition",
                    rs -> rs.getString(1))).containsExactly("result VWS 2023 true");
            assertThat(after.query("SELECT contract_id || ' ' || source_file FROM results_as_reported_on(DATE '2024-06-30')",
                    rs -> rs.getString(1))).containsExactly("VWS-2023-1 results-2023-VWS.csv");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
