package nl.impactmonitor.jobs.operations;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition rerun rebuilds only the models its change reaches, and the line-level ones only for the rerun
 * department-year. The result must equal a full rebuild of every model, table for table and row for row.
 */
class IncrementalRebuildTest {

    @TempDir
    Path dir;

    @Test
    void rebuildingWhatAPartitionRerunReachesEqualsRebuildingEverything() throws IOException {
        try (Warehouse w = TestProject.warehouseWithSamples(dir)) {
            String before = azMid(w);

            // A corrected AZ 2023 file: every staffel 8 of the sample becomes 9 (a higher band).
            List<String> lines = Files.readAllLines(TestProject.SAMPLES.resolve("inkoopdata-2023-AZ.csv"), StandardCharsets.UTF_8);
            List<String> corrected = new ArrayList<>();
            lines.forEach(l -> corrected.add(l.endsWith(",8") ? l.substring(0, l.length() - 1) + "9" : l));
            Path file = Files.write(dir.resolve("inkoopdata-2023-AZ-corrected.csv"), corrected, StandardCharsets.UTF_8);
            new SourceFileLoader(w, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"))
                    .load(file, null, "rerun-1", true, new RawLoader.Partition("AZ", 2023, 0));

            List<String> built = w.models().buildAffected(Set.of("staging.spend_line"), "AZ", 2023);
            assertThat(built).contains("core.fct_spend_line (AZ 2023)", "core.int_spend_category_year (AZ 2023)",
                    "marts.spend_by_department_year").doesNotContain("core.fct_tender", "core.fct_supplier_result");
            Map<String, List<String>> incremental = contents(w);
            // Only the data tests that read what changed run again.
            java.util.Set<String> changed = new java.util.HashSet<>(Set.of("staging.spend_line"));
            built.forEach(b -> changed.add(b.replaceFirst(" \\(.*", "")));
            assertThat(w.dataTests().runAffected("rerun", changed)).extracting(r -> r.name())
                    .contains("unique_key__core_fct_spend_line", "spend_range_is_ordered", "spend_category_has_at_most_one_total")
                    .doesNotContain("unique_key__core_fct_tender", "unique_key__core_fct_supplier_result", "ref_department_alias_is_unambiguous");
            String after = azMid(w);
            assertThat(after).as("AZ 2023 spend after the correction").isNotEqualTo(before);

            w.models().buildAll();
            Map<String, List<String>> full = contents(w);
            assertThat(incremental.keySet()).isEqualTo(full.keySet());
            for (String table : full.keySet()) {
                assertThat(incremental.get(table)).as(table).isEqualTo(full.get(table));
            }
            assertThat(azMid(w)).isEqualTo(after);
        }
    }

    private static String azMid(Warehouse w) {
        return w.query("SELECT CAST(t AS VARCHAR) FROM marts.spend_by_department_year AS t WHERE department_code = 'AZ' AND year = 2023"
                + " ORDER BY ALL", rs -> rs.getString(1)).toString();
    }

    private static Map<String, List<String>> contents(Warehouse w) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String t : w.query("SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = current_database()"
                + " AND schema_name IN ('core', 'marts') ORDER BY 1", rs -> rs.getString(1))) {
            tables.put(t, w.query("SELECT CAST(t AS VARCHAR) FROM " + t + " AS t ORDER BY ALL", rs -> rs.getString(1)));
        }
        return tables;
    }
}
