package nl.impactmonitor.jobs;

import nl.impactmonitor.jobs.landing.Source;
import java.nio.file.Path;

import nl.impactmonitor.jobs.landing.SourceColumns;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
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
        referenceData(w, dir).load();
        return w;
    }

    /**
     * A real warehouse in {@code dir} with every bundled sample file loaded (file by file, load ids {@code <source>-<n>})
     * and all models built, as a nightly run on the samples leaves it.
     */
    public static Warehouse warehouseWithSamples(Path dir) throws java.io.IOException {
        Warehouse w = warehouse(dir);
        loadSamples(w, dir, nl.impactmonitor.jobs.landing.Source.SPEND.spec(), nl.impactmonitor.jobs.landing.Source.SPEND.token(), SAMPLES);
        loadSamples(w, dir, nl.impactmonitor.jobs.landing.Source.TENDER.spec(), nl.impactmonitor.jobs.landing.Source.TENDER.token(), TENDER_SAMPLES);
        loadSamples(w, dir, nl.impactmonitor.jobs.landing.Source.RESULT.spec(),
                nl.impactmonitor.jobs.landing.Source.RESULT.token(), RESULT_SAMPLES);
        w.models().buildAll();
        return w;
    }

    private static void loadSamples(Warehouse w, Path dir, nl.impactmonitor.warehouse.RawLoader.Spec spec, String source, Path folder)
            throws java.io.IOException {
        nl.impactmonitor.jobs.landing.SourceFileLoader loader = new nl.impactmonitor.jobs.landing.SourceFileLoader(w, spec, columns(source),
                dir.resolve("work"));
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(folder)) {
            files = s.sorted().toList();
        }
        int n = 0;
        for (Path f : files) {
            loader.load(f, null, source + "-" + (++n));
        }
    }

    public static final Path TENDER_SAMPLES = DIR.resolve("samples/tender");
    public static final Path RESULT_SAMPLES = DIR.resolve("samples/result");

    /**
     * Like {@link #warehouse(Path)} but with {@code allocationsYaml} as the allocation register (config/allocations.yaml):
     * the project's targets.yaml is copied to {@code dir/config/} with the register beside it.
     */
    public static Warehouse warehouse(Path dir, String allocationsYaml) throws java.io.IOException {
        Path config = java.nio.file.Files.createDirectories(dir.resolve("config"));
        java.nio.file.Files.copy(DIR.resolve("config/targets.yaml"), config.resolve("targets.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.nio.file.Files.writeString(config.resolve("allocations.yaml"), allocationsYaml);
        Warehouse w = Warehouse.open(WarehouseSettings.of(dir.resolve("warehouse.duckdb"), SQL));
        referenceData(w, dir, config.resolve("targets.yaml")).load();
        return w;
    }

    /** The project's reference data and targets catalogue, as the application loads them. */
    public static ReferenceData referenceData(Warehouse w, Path dir) {
        return referenceData(w, dir, DIR.resolve("config/targets.yaml"));
    }

    /** The project's reference data with this targets catalogue (and the allocation register beside it). */
    public static ReferenceData referenceData(Warehouse w, Path dir, Path targets) {
        return new ReferenceData(w, new ImpactmonitorProperties(dir, SQL, REFERENCE, targets,
                dir.resolve("out"), dir.resolve("downloads"), 5, new ImpactmonitorProperties.Warehouse(dir.resolve("w.duckdb"), "", 0),
                null, null, null, null, new ImpactmonitorProperties.Load(100, 250, false, java.time.Duration.ZERO)));
    }

    public static SourceColumns columns(String source) {
        return SourceColumns.read(REFERENCE.resolve(source + "_columns.csv"));
    }
}
