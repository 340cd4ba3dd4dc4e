package nl.impactmonitor.jobs;

import java.nio.file.Path;

import nl.impactmonitor.jobs.landing.SourceColumns;
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
        w.replaceReferenceTable("ref.department", REFERENCE.resolve("departments.csv"));
        w.replaceReferenceTable("ref.department_alias", REFERENCE.resolve("department_aliases.csv"));
        w.replaceReferenceTable("ref.staffel_band", REFERENCE.resolve("staffel_bands.csv"));
        w.replaceReferenceTable("ref.cost_category", REFERENCE.resolve("cost_categories.csv"));
        w.replaceReferenceTable("ref.spend_total_marker", REFERENCE.resolve("spend_total_markers.csv"));
        return w;
    }

    public static SourceColumns spendColumns() {
        return SourceColumns.read(REFERENCE.resolve("spend_columns.csv"));
    }
}
