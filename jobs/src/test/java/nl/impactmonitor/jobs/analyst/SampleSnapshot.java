package nl.impactmonitor.jobs.analyst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.spend.SpendSource;
import nl.impactmonitor.jobs.supplierresult.SupplierResultSource;
import nl.impactmonitor.jobs.tender.TenderSource;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

/** Builds a warehouse from the bundled samples and publishes it, as the nightly run would. */
final class SampleSnapshot {

    static final Publisher PUBLISHER = new Publisher((w, version, dir) -> Files.createDirectories(dir), 5, "test");

    private SampleSnapshot() {
    }

    static Warehouse warehouseWithSamples(Path dir) throws IOException {
        Warehouse w = TestProject.warehouse(dir);
        load(w, dir, SpendSource.SPEC, SpendSource.NAME, TestProject.SAMPLES);
        load(w, dir, TenderSource.SPEC, TenderSource.NAME, TestProject.TENDER_SAMPLES);
        load(w, dir, SupplierResultSource.SPEC, SupplierResultSource.NAME, TestProject.RESULT_SAMPLES);
        w.models().buildAll();
        return w;
    }

    static void load(Warehouse w, Path dir, RawLoader.Spec spec, String source, Path folder) throws IOException {
        SourceFileLoader loader = new SourceFileLoader(w, spec, TestProject.columns(source), dir.resolve("work"));
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.sorted().toList();
        }
        int n = 0;
        for (Path f : files) {
            loader.load(f, null, source + "-" + (++n));
        }
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
