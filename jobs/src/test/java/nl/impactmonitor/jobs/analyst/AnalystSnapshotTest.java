package nl.impactmonitor.jobs.analyst;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' snapshot: example queries, read-only access while loads run, lineage. */
class AnalystSnapshotTest {

    @TempDir
    Path dir;

    static List<String> exampleQueries() throws Exception {
        String text = Files.readString(TestProject.DIR.resolve("docs/analyst-queries.sql"));
        List<String> queries = new ArrayList<>();
        for (String part : text.split(";\\s*\\n")) {
            String sql = part.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
            if (!sql.isEmpty()) {
                queries.add(sql);
            }
        }
        return queries;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyExampleQueryAnswersOnTheSamplesSnapshot() throws Exception {
        Path out = dir.resolve("out");
        try (Warehouse w = SampleSnapshot.warehouseWithSamples(dir)) {
            SampleSnapshot.PUBLISHER.publish(w, out, "run-1");
        }
        List<String> queries = exampleQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        try (Connection c = SampleSnapshot.openReadOnly(out.resolve("latest"))) {
            for (String sql : queries) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    assertThat(rs.next()).as("query returns rows:%n%s", sql).isTrue();
                }
            }
            // Lineage: a fact row leads to its file, sha256 and line.
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT l.source_file, length(l.source_sha256), f.line_no FROM core.fct_spend_line AS f
                    INNER JOIN raw.load AS l USING (load_id)
                    WHERE f.department_code = 'VWS' AND f.year = 2023 ORDER BY f.line_no DESC LIMIT 1""")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("inkoopdata-2023-VWS.csv");
                assertThat(rs.getInt(2)).isEqualTo(64);
                assertThat(rs.getLong(3)).isEqualTo(161L);
            }
        }
    }

    @Test
    void readerSeesThePreviousCompleteSnapshotWhileALoadWritesTheLiveWarehouse() throws Exception {
        Path out = dir.resolve("out");
        try (Warehouse w = SampleSnapshot.warehouseWithSamples(dir)) {
            SampleSnapshot.PUBLISHER.publish(w, out, "run-1");
            long before;
            try (Connection reader = SampleSnapshot.openReadOnly(out.resolve("latest").toRealPath())) {
                before = count(reader, "SELECT count(*) FROM core.fct_tender");
                // A new export arrives: load it into the live warehouse and publish, while the reader keeps reading.
                Path extra = dir.resolve("mvi-zet-2024-IenW.csv");
                Files.writeString(extra, """
                        TenderNed publicatienummer;Ministerie;Type opdracht;Publicatiedatum;MVI productgroep;MVI criteria toegepast
                        990001;IenW;Werken;15-03-2024;Kunstwerken;Ja
                        990002;IenW;Diensten;16-03-2024;Catering;Nee
                        """);
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        new SourceFileLoader(w, Source.TENDER.spec(), TestProject.columns(Source.TENDER.token()), dir.resolve("work"))
                                .load(extra, null, "tender-extra");
                        w.models().buildAll();
                        SampleSnapshot.PUBLISHER.publish(w, out, "run-2");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                List<Long> seen = new ArrayList<>();
                while (!writer.isDone()) {
                    seen.add(count(reader, "SELECT count(*) FROM core.fct_tender"));
                }
                writer.join();
                seen.add(count(reader, "SELECT count(*) FROM core.fct_tender"));
                assertThat(seen).isNotEmpty().containsOnly(before);
            }
            assertThat(Files.readSymbolicLink(out.resolve("latest"))).isEqualTo(Path.of("run-2"));
            try (Connection reader = SampleSnapshot.openReadOnly(out.resolve("latest"))) {
                assertThat(count(reader, "SELECT count(*) FROM core.fct_tender")).isEqualTo(before + 2);
            }
        }
    }
}
