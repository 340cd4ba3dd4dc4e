package nl.impactmonitor.jobs.analyst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.warehouse.Warehouse;

/** Builds a warehouse from the bundled samples and publishes it, as the nightly run would. */
final class SampleSnapshot {

    static final Publisher PUBLISHER = new Publisher((w, version, dir, reuse) -> Files.createDirectories(dir), 5, "test");

    private SampleSnapshot() {
    }

    static Warehouse warehouseWithSamples(Path dir) throws IOException {
        return TestProject.warehouseWithSamples(dir);
    }

    /** A separate, read-only DuckDB connection to a published snapshot, as an analyst opens it. */
    static Connection openReadOnly(Path snapshot) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + snapshot.resolve("analytics.duckdb").toAbsolutePath(), props);
        try (Statement st = c.createStatement()) {
            st.execute("SET file_search_path = '" + snapshot.toAbsolutePath() + "'");
        }
        return c;
    }
}
