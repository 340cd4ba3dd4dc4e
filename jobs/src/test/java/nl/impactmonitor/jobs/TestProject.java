package nl.impactmonitor.jobs;

import java.nio.file.Path;

import nl.impactmonitor.jobs.landing.SourceColumns;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.warehouse.Warehouse;
import nl.impactmonitor.warehouse.WarehouseSettings;

/** The project's own sql/, config/ and samples/, for tests that run the real thing on temp folders. */
public final class TestProject {

    public static final Path DIR = Path.of(System.getProperty("impactmonitor.project-dir", "..")).toAbsolutePath().normalize();
    public static final Path SQL = DIR.resolve("sql");
    public static final Path REFERENCE = DIR.resolve("config/reference");
    public static final Path SAMPLES = DIR.resolve("samples/spend");

    private TestProject() {
    }

    /** A real warehouse file in {@code dir} with the reference data loaded. */
    public static Warehouse warehouse(Path dir) {
        Warehouse w = Warehouse.open(WarehouseSettings.of(dir.resolve("warehouse.duckdb"), SQL));
        ReferenceData.TABLES.forEach((table, file) -> w.replaceReferenceTable(table, REFERENCE.resolve(file)));
        return w;
    }

    public static final Path TENDER_SAMPLES = DIR.resolve("samples/mvi-zet");
    public static final Path RESULT_SAMPLES = DIR.resolve("samples/results");

    public static SourceColumns columns(String source) {
        return SourceColumns.read(REFERENCE.resolve(source + "_columns.csv"));
    }
}
