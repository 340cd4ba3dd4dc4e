package nl.impactmonitor.jobs.analyst;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.Snapshot;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' snapshot: example queries, read-only access while loads run, lineage. */
class AnalystSnapshotIT {

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

    /**
     * Analysts on the DuckDB 1.4 LTS line (Python package, DBeaver's driver, last year's CLI) open the published file:
     * DuckDB JDBC 1.4.4 in its own class loader (the build copies it to target/duckdb-lts) reads every view, with the
     * same row counts as the warehouse tables.
     */
    @Test
    void duckDb14ClientOpensEveryViewOfThePublishedFile() throws Exception {
        Path out = dir.resolve("out");
        Map<String, Long> expected = new LinkedHashMap<>();
        try (Warehouse w = SampleSnapshot.warehouseWithSamples(dir)) {
            SampleSnapshot.PUBLISHER.publish(w, out, "run-1");
            for (Snapshot.Table t : w.snapshot().tables()) {
                expected.put(t.name(), w.query("SELECT count(*) FROM " + t.name(), rs -> rs.getLong(1)).get(0));
            }
            // the names V018 renamed, kept as views for one release, are in the snapshot too
            for (String view : w.query("SELECT schema_name || '.' || view_name FROM duckdb_views()"
                    + " WHERE database_name = current_database() AND NOT internal AND schema_name IN ('core', 'marts')", rs -> rs.getString(1))) {
                expected.put(view, w.query("SELECT count(*) FROM " + view, rs -> rs.getLong(1)).get(0));
            }
        }
        Path jar = Path.of(System.getProperty("impactmonitor.duckdb-lts-jar", "target/duckdb-lts/duckdb_jdbc-1.4.jar"));
        assertThat(jar).as("copied by maven-dependency-plugin (jobs/pom.xml)").isRegularFile();
        Path latest = out.resolve("latest").toRealPath();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) Class.forName("org.duckdb.DuckDBDriver", true, loader).getDeclaredConstructor().newInstance();
            Properties props = new Properties();
            props.setProperty("duckdb.read_only", "true");
            try (Connection c = driver.connect("jdbc:duckdb:" + latest.resolve(Snapshot.ANALYTICS_DATABASE), props);
                    Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT version()")) {
                    rs.next();
                    assertThat(rs.getString(1)).startsWith("v1.4.");
                }
                st.execute("SET file_search_path = '" + latest + "'");
                Map<String, Long> seen = new LinkedHashMap<>();
                List<String> views = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1")) {
                    while (rs.next()) {
                        views.add(rs.getString(1));
                    }
                }
                for (String view : views) {
                    seen.put(view, count(c, "SELECT count(*) FROM " + view));
                }
                assertThat(seen).containsExactlyInAnyOrderEntriesOf(expected);
                // The column documentation travels along.
                try (ResultSet rs = st.executeQuery("SELECT comment FROM duckdb_columns() WHERE schema_name = 'raw' AND table_name = 'load' AND column_name = 'source_sha256'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isNotBlank();
                }
            }
        }
    }
}
