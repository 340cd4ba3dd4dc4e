package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.warehouse.InboxLedger;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;
import nl.impactmonitor.warehouse.WarehouseSettings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuild equivalence, property-based with a seeded generator: random sequences of deliveries to the three landing
 * folders (add, edit in place, put earlier bytes back, rename, a second file for a partition, withdraw, retire, a
 * byte-identical copy under another name). After every step the warehouse that lived through the whole sequence,
 * night after night, must equal a fresh warehouse loaded from the folders as they stand (with the same files
 * retired), load ids aside (they name a load, not its content): the rows that count (staging joined to
 * {@code raw.input_partition}, which is how every core model reads staging) after every step, and in every
 * {@code arrival.models-every}-th group also every table of core and marts, row for row, after every step.
 * <p>
 * To keep this fast, sequences run in groups side by side in the same folders, each with its own file names, year and
 * record ids (so they never meet), and a night takes one step of each. {@code -Darrival.sequences=N} (default 200),
 * {@code -Darrival.group=G} (20) and {@code -Darrival.seed=S} choose the sequences; a failure names its group's seed
 * and every sequence's steps, so {@code -Darrival.seed=S -Darrival.sequences=G} replays it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildEquivalenceIT {

    static final int SEQUENCES = Integer.getInteger("arrival.sequences", 200);
    static final long SEED = Long.getLong("arrival.seed", 20261202L);
    /** Sequences run side by side in one group (own names, year and ids each), so that a night takes a step of each. */
    static final int GROUP = Integer.getInteger("arrival.group", 20);
    /** Every how many groups all core and marts tables are built and compared after every step (builds cost ~1 s). */
    static final int MODELS_EVERY = Integer.getInteger("arrival.models-every", 2);
    static final List<String> DEPARTMENTS = List.of("AZ", "DEF", "VWS");
    static final Map<String, RawLoader.Spec> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put(Source.SPEND.token(), Source.SPEND.spec());
        SPECS.put(Source.TENDER.token(), Source.TENDER.spec());
        SPECS.put(Source.RESULT.token(), Source.RESULT.spec());
    }

    @TempDir
    static Path dir;
    Warehouse incremental;
    Warehouse fresh;
    List<String> tables;

    @BeforeAll
    void open() {
        incremental = warehouse(dir.resolve("incremental"));
        fresh = warehouse(dir.resolve("fresh"));
        incremental.models().buildAll();
        tables = incremental.query("SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = current_database()"
                + " AND schema_name IN ('core', 'marts') ORDER BY 1", rs -> rs.getString(1));
    }

    private static Warehouse warehouse(Path dir) {
        // One thread: the files are tiny, and threads cost more than they give here.
        Warehouse w = Warehouse.open(new WarehouseSettings(dir.resolve("warehouse.duckdb"), TestProject.SQL, "", 1));
        TestProject.referenceData(w, dir).load();
        return w;
    }

    @AfterAll
    void close() {
        incremental.close();
        fresh.close();
    }

    @Test
    void afterEveryDeliveryTheWarehouseEqualsAFreshLoadOfTheLandingFolders() throws IOException {
        Random seeds = new Random(SEED);
        long t = System.nanoTime();
        int steps = 0;
        int groups = (SEQUENCES + GROUP - 1) / GROUP;
        for (int g = 0; g < groups; g++) {
            long seed = groups == 1 ? SEED : seeds.nextLong();
            steps += group(seed, Math.min(GROUP, SEQUENCES - g * GROUP), dir.resolve("group-" + g), g % MODELS_EVERY == 0);
        }
        System.out.printf("RebuildEquivalenceIT: %d sequences in groups of %d (every %d-th group with all core and marts tables),"
                + " %d steps, %.1f s%n", SEQUENCES, GROUP, MODELS_EVERY, steps, (System.nanoTime() - t) / 1e9);
    }

    /**
     * A group of sequences side by side in the same landing folders: sequence k uses its own file names ({@code s<k>-}),
     * year (2000 + k) and record ids, so the sequences do not meet, and one night takes a step of each.
     */
    private int group(long seed, int size, Path root, boolean models) throws IOException {
        Random r = new Random(seed);
        reset(incremental, null);
        reset(fresh, null);
        Map<String, LandingFolder> folders = new LinkedHashMap<>();
        for (String source : SPECS.keySet()) {
            folders.put(source, new LandingFolder(root.resolve(source), SPECS.get(source), source));
        }
        List<Map<String, List<String>>> delivered = new ArrayList<>();
        List<List<String>> logs = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            delivered.add(new LinkedHashMap<>());
            logs.add(new ArrayList<>());
        }
        int steps = 2 + r.nextInt(4);
        for (int step = 0; step < steps; step++) {
            for (int k = 0; k < size; k++) {
                String source = List.copyOf(SPECS.keySet()).get(r.nextInt(SPECS.size()));
                logs.get(k).add(source + ": " + deliver(r, k, source, folders.get(source),
                        delivered.get(k).computeIfAbsent(source, x -> new ArrayList<>())));
            }
            try {
                for (LandingFolder folder : folders.values()) {
                    folder.night(incremental, root.resolve("work"), false);
                }
                reset(fresh, null);
                for (LandingFolder folder : folders.values()) {
                    folder.night(fresh, root.resolve("work-fresh"), false);
                }
                for (InboxLedger.Entry e : incremental.ledger().all()) {
                    // Retirement is a steward's input next to the folders: the same files are retired.
                    if (e.state().equals(InboxLedger.RETIRED)) {
                        fresh.ledger().retire(e.source(), e.file(), e.stateNote());
                    }
                }
                for (String s : SPECS.keySet()) {
                    assertThat(inputs(incremental, s)).as("rows that count for " + s).isEqualTo(inputs(fresh, s));
                }
                if (models) {
                    incremental.models().buildAll();
                    fresh.models().buildAll();
                    for (String table : tables) {
                        assertThat(rows(incremental, table)).as(table).isEqualTo(rows(fresh, table));
                    }
                }
            } catch (AssertionError | RuntimeException e) {
                StringBuilder done = new StringBuilder();
                for (int k = 0; k < size; k++) {
                    done.append("\n  s").append(k).append(": ").append(logs.get(k));
                }
                throw new AssertionError("group seed " + seed + " (replay: -Darrival.seed=" + seed + " -Darrival.sequences=" + size
                        + "), after steps" + done + "\n" + e.getMessage(), e);
            }
        }
        return steps * size;
    }

    /**
     * The rows that count for a source: its staging rows joined to the partitions their files currently supply, with
     * the file's name and arrival, load id aside. Every core model reads staging only through this join.
     */
    private static List<String> inputs(Warehouse w, String source) {
        return w.query("SELECT CAST(x AS VARCHAR) AS r FROM (SELECT s.* EXCLUDE (load_id, source_file), i.source_file, i.arrived_at"
                + " FROM " + SPECS.get(source).stagingTable() + " AS s INNER JOIN raw.input_partition AS i"
                + " ON i.source = ? AND i.is_current AND i.rows_load_id = s.load_id AND i.department_code = s.department_code"
                + " AND i.year = s.year) AS x ORDER BY r", rs -> rs.getString(1), source);
    }

    /** One random delivery of sequence {@code k}; returns what it did. */
    private String deliver(Random r, int k, String source, LandingFolder folder, List<String> delivered) throws IOException {
        String prefix = "s" + k + "-";
        List<String> present = names(folder).stream().filter(n -> n.startsWith(prefix)).toList();
        int op = present.isEmpty() ? 0 : r.nextInt(9);
        String name = present.isEmpty() ? null : present.get(r.nextInt(present.size()));
        String fresh = prefix + source + "-" + (char) ('a' + r.nextInt(6)) + ".csv";
        int year = 2000 + k;
        switch (op) {
            case 0, 1 -> {
                String text = content(r, k, source);
                delivered.add(text);
                folder.deliver(fresh, text);
                return "add " + fresh;
            }
            case 2 -> {
                String text = content(r, k, source);
                delivered.add(text);
                folder.deliver(name, text);
                return "edit " + name;
            }
            case 3 -> {
                folder.deliver(name, delivered.get(r.nextInt(delivered.size())));
                return "put back earlier bytes as " + name;
            }
            case 4 -> {
                if (present.contains(fresh)) {
                    return "rename skipped";
                }
                folder.rename(name, fresh);
                return "rename " + name + " to " + fresh;
            }
            case 5 -> {
                // A second file for a partition an existing file supplies: same department-year, other figures.
                String first = Files.readString(folder.dir().resolve(name)).lines().skip(1).findFirst().orElseThrow();
                String[] cells = first.split(";");
                String text = switch (source) {
                    case "spend" -> spend(r, cells[0], year);
                    case "tender" -> tender(r, k, cells[1], year);
                    default -> results(r, k, cells[2], year);
                };
                delivered.add(text);
                folder.deliver(fresh, text);
                return "second file " + fresh + " for the partition of " + name;
            }
            case 6 -> {
                folder.remove(name);
                return "withdraw " + name;
            }
            case 7 -> {
                InboxLedger.Entry e = incremental.ledger().entries(source).get(name);
                if (e == null || e.state().equals(InboxLedger.RETIRED)) {
                    return "retire skipped";
                }
                incremental.ledger().retire(source, name, "property test");
                return "retire " + name;
            }
            default -> {
                if (present.contains(fresh)) {
                    return "copy skipped";
                }
                folder.copy(name, fresh);
                return "copy " + name + " to " + fresh;
            }
        }
    }

    private static List<String> names(LandingFolder folder) throws IOException {
        return InboxPartitioner.files(folder.dir()).stream().map(p -> p.getFileName().toString()).toList();
    }

    private static String content(Random r, int k, String source) {
        String department = DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
        int year = 2000 + k;
        return switch (source) {
            case "spend" -> spend(r, department, year)
                    + (r.nextBoolean() ? spend(r, DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size())), year).lines().skip(1)
                    .collect(Collectors.joining("\n", "", "\n")) : "");
            case "tender" -> tender(r, k, department, year);
            default -> results(r, k, department, year);
        };
    }

    /** A spend file: one or two cost categories, each a total line and a supplier line. */
    static String spend(Random r, String department, int year) {
        StringBuilder s = new StringBuilder("Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\n");
        for (String category : r.nextBoolean() ? List.of("ICT") : List.of("ICT", "Energie")) {
            int staffel = 1 + r.nextInt(12);
            s.append(department).append(';').append(year).append(';').append(category).append(";Totaal;").append(staffel).append('\n');
            s.append(department).append(';').append(year).append(';').append(category).append(";Leverancier ")
                    .append((char) ('A' + r.nextInt(3))).append(';').append(Math.max(1, staffel - r.nextInt(2))).append('\n');
        }
        return s.toString();
    }

    /** A tender export without record dates, so that arrival decides between versions of a tender. */
    static String tender(Random r, int k, String department, int year) {
        StringBuilder s = new StringBuilder("TenderNed publicatienummer;Ministerie;Type opdracht;Publicatiedatum;MVI productgroep;MVI criteria toegepast\n");
        for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
            s.append("T").append(k).append('-').append(1 + r.nextInt(3)).append(';').append(department).append(";Diensten;01-0")
                    .append(1 + r.nextInt(9)).append('-').append(year).append(";Catering;").append(r.nextBoolean() ? "Ja" : "Nee").append('\n');
        }
        return s.toString();
    }

    /** Supplier results without report dates, so that arrival decides between restatements. */
    static String results(Random r, int k, String department, int year) {
        StringBuilder s = new StringBuilder("Contractnummer;Leverancier;Ministerie;Jaar;Indicator;Waarde;Eenheid\n");
        for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
            s.append(department).append("-S").append(k).append("-C").append(1 + r.nextInt(2)).append(";Leverancier B.V.;").append(department)
                    .append(';').append(year).append(";electricity_use;").append(1 + r.nextInt(900)).append(";MWh\n");
        }
        return s.toString();
    }

    /** Empties what loads fill (of one source, or of all with null): as new, with its reference data. */
    private static void reset(Warehouse w, String source) {
        for (Map.Entry<String, RawLoader.Spec> e : SPECS.entrySet()) {
            if (source == null || source.equals(e.getKey())) {
                String of = " WHERE source = " + Warehouse.quoteLiteral(e.getKey()) + ";";
                w.execute("DELETE FROM " + e.getValue().stagingTable() + "; DELETE FROM raw.load_partition" + of
                        + " DELETE FROM raw.reject" + of + " DELETE FROM raw.inbox_file" + of + " DELETE FROM raw.load" + of);
            }
        }
    }

    private static List<String> rows(Warehouse w, String table) {
        Set<String> columns = new TreeSet<>(w.query("SELECT column_name FROM information_schema.columns WHERE table_schema || '.' || table_name = ?"
                + " AND column_name <> 'load_id'", rs -> rs.getString(1), table));
        return w.query("SELECT CAST(row(" + String.join(", ", columns) + ") AS VARCHAR) AS r FROM " + table + " ORDER BY r",
                rs -> rs.getString(1));
    }
}
