package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dbt-style unit test of the models, read from a fixture file: {@code given <table>} blocks put rows straight into
 * staging (or reference) tables, {@code expect <table>} blocks list the rows a model must then hold. Each block is a
 * header line of column names and CSV rows, ended by a blank line; lines starting with {@code #} are comments.
 *
 * <p>The rows of a staging table count as delivered: for every load id in them the fixture records a present file in
 * the landing folder, a finished load and its partitions, in order of appearance (a later load id arrived later), so
 * the core models read them through {@code raw.input_partition} as after a real load. An expect block compares only
 * the columns it names, as a multiset, values cast to the model's column types.
 */
final class ModelFixture {

    /** Staging tables and the source their rows belong to. */
    private static final Map<String, String> SOURCES = Map.of("staging.spend_line", "spend",
            "staging.tender_record", "tender", "staging.result_record", "result");

    record Block(String kind, String table, List<String> lines, int lineNo) {
    }

    private final Path file;
    private final List<Block> blocks;

    private ModelFixture(Path file, List<Block> blocks) {
        this.file = file;
        this.blocks = blocks;
    }

    static ModelFixture read(Path file) throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        Block current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                current = null;
            } else if (current == null) {
                String[] words = line.split("\\s+");
                if (words.length != 2 || !(words[0].equals("given") || words[0].equals("expect"))) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'given <table>' or 'expect <table>', not '" + line + "'");
                }
                current = new Block(words[0], words[1], new ArrayList<>(), i + 1);
                blocks.add(current);
            } else {
                current.lines().add(line);
            }
        }
        return new ModelFixture(file, blocks);
    }

    /** Inserts the given rows, builds every model and returns one line per difference (empty: the fixture passes). */
    List<String> run(Warehouse w, Path work) throws IOException {
        Files.createDirectories(work);
        int n = 0;
        for (Block b : blocks) {
            if (b.kind().equals("given")) {
                w.replaceReferenceTable(b.table(), csv(work, ++n, b));
                if (SOURCES.containsKey(b.table())) {
                    deliver(w, b.table(), SOURCES.get(b.table()));
                }
            }
        }
        w.models().buildAll();
        List<String> differences = new ArrayList<>();
        for (Block b : blocks) {
            if (b.kind().equals("expect")) {
                String columns = b.lines().get(0);
                w.execute("CREATE OR REPLACE TABLE main.fixture_expected AS SELECT " + columns + " FROM " + b.table() + " LIMIT 0");
                w.replaceReferenceTable("main.fixture_expected", csv(work, ++n, b));
                String actual = "SELECT " + columns + " FROM " + b.table();
                String expected = "SELECT " + columns + " FROM main.fixture_expected";
                differences.addAll(rows(w, "(" + expected + ") EXCEPT ALL (" + actual + ")",
                        file.getFileName() + " line " + b.lineNo() + ": " + b.table() + " lacks row "));
                differences.addAll(rows(w, "(" + actual + ") EXCEPT ALL (" + expected + ")",
                        file.getFileName() + " line " + b.lineNo() + ": " + b.table() + " has unexpected row "));
            }
        }
        return differences;
    }

    private static List<String> rows(Warehouse w, String sql, String prefix) {
        return w.query(sql, rs -> {
            StringBuilder row = new StringBuilder(prefix);
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? "," : "").append(rs.getString(i));
            }
            return row.toString();
        });
    }

    /** Records the loads of a staging table's rows as files present in the landing folder, in order of appearance. */
    private static void deliver(Warehouse w, String table, String source) {
        w.execute("""
                CREATE OR REPLACE TEMP TABLE fixture_loads AS
                SELECT load_id, any_value(source_file) AS source_file, any_value(source_sha256) AS source_sha256,
                       count(*) AS rows_loaded, min(rowid) AS first_row
                FROM %s GROUP BY load_id""".formatted(table));
        w.update("""
                INSERT INTO raw.load (load_id, source, source_file, source_sha256, status, rows_read, rows_loaded, rows_rejected, finished_at)
                SELECT load_id, ?, source_file, source_sha256, 'loaded', rows_loaded, rows_loaded, 0, TIMESTAMP '2024-01-01'
                FROM fixture_loads""", source);
        w.update("""
                INSERT INTO raw.load_partition (load_id, source, department_code, year, rows_loaded)
                SELECT load_id, ?, department_code, year, count(*) FROM %s GROUP BY ALL""".formatted(table), source);
        w.update("""
                INSERT INTO raw.inbox_file (source, source_file, source_sha256, arrived_at, load_id, replaces_partitions, state, seen_at)
                SELECT ?, source_file, source_sha256,
                       TIMESTAMP '2024-01-01' + INTERVAL 1 MINUTE * row_number() OVER (ORDER BY first_row),
                       load_id, ?, 'present', TIMESTAMP '2024-01-01'
                FROM fixture_loads""", source, source.equals("spend"));
    }

    private static Path csv(Path work, int n, Block b) throws IOException {
        Path csv = work.resolve("block-" + n + ".csv");
        Files.write(csv, b.lines());
        return csv;
    }
}
