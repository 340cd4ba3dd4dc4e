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

    /**
     * A real warehouse file in {@code dir} with the reference data loaded. A new one is a copy of a warehouse built so
     * once per test JVM ({@link #fromTemplate}): migrations and reference data are not applied again for every test.
     * An existing one is opened and gets the reference data again.
     */
    public static Warehouse warehouse(Path dir) {
        Path file = dir.resolve("warehouse.duckdb");
        if (!java.nio.file.Files.exists(file)) {
            try {
                return fromTemplate("reference", dir, TestProject::freshWarehouse);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return freshWarehouse(dir);
    }

    private static Warehouse freshWarehouse(Path dir) {
        Warehouse w = Warehouse.open(WarehouseSettings.of(dir.resolve("warehouse.duckdb"), SQL));
        referenceData(w, dir).load();
        return w;
    }

    /** Builds a warehouse in the folder it is given. */
    @FunctionalInterface
    public interface Build {
        Warehouse build(Path dir) throws java.io.IOException;
    }

    private static final java.util.Map<String, Path> TEMPLATES = new java.util.HashMap<>();

    /**
     * A warehouse in {@code dir} that is a copy of the one {@code build} made, the first time {@code key} was asked for
     * in this JVM, in a temporary folder of its own (closed after building, deleted when the JVM ends). A test writes
     * only to its copy, so every test starts from the same state as if it had built the warehouse itself, without the
     * minutes a sample warehouse takes to build.
     */
    public static synchronized Warehouse fromTemplate(String key, Path dir, Build build) throws java.io.IOException {
        Path template = TEMPLATES.get(key);
        if (template == null) {
            Path home = java.nio.file.Files.createTempDirectory("impactmonitor-template-" + key + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(home)));
            try (Warehouse w = build.build(home)) {
                // closed: checkpointed into the one file
            }
            template = home.resolve("warehouse.duckdb");
            TEMPLATES.put(key, template);
        }
        java.nio.file.Files.createDirectories(dir);
        Path file = dir.resolve("warehouse.duckdb");
        java.nio.file.Files.copy(template, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path wal = template.resolveSibling("warehouse.duckdb.wal");
        if (java.nio.file.Files.exists(wal)) {
            java.nio.file.Files.copy(wal, dir.resolve("warehouse.duckdb.wal"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return Warehouse.open(WarehouseSettings.of(file, SQL));
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // a temporary folder left behind
        }
    }

    /**
     * A real warehouse in {@code dir} with every bundled sample file loaded (one batch per source, load ids {@code <source>-<n>})
     * and all models built, as a nightly run on the samples leaves it: a copy of one built once per test JVM.
     */
    public static Warehouse warehouseWithSamples(Path dir) throws java.io.IOException {
        return fromTemplate("samples", dir, TestProject::buildWithSamples);
    }

    private static Warehouse buildWithSamples(Path dir) throws java.io.IOException {
        Warehouse w = freshWarehouse(dir);
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
        // in one batch, as the nightly lands a folder: file by file took about 20 s per test JVM, in one batch about 2
        java.util.List<nl.impactmonitor.jobs.landing.SourceFileLoader.Delivery> deliveries = new java.util.ArrayList<>();
        for (Path f : files) {
            deliveries.add(new nl.impactmonitor.jobs.landing.SourceFileLoader.Delivery(f, null, source + "-" + (deliveries.size() + 1)));
        }
        loader.loadAll(deliveries, false, null);
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
