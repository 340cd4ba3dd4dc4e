package nl.impactmonitor.warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ELT load of delimited UTF-8 files: DuckDB's {@code read_csv} reads them as text into a temporary table, with
 * lineage (file, sha256, line, load id) joined on; the source's validation query types every row and lists what
 * is wrong with it; valid rows are added to the staging table under the load's id and the others go to
 * {@code raw.reject} with a reason. Staging keeps the rows of every load; which of them count follows from the
 * landing folder ({@link InboxLedger}, view {@code raw.input_partition}). A batch of files is one DuckDB transaction, so
 * a crash leaves the warehouse as it was and a rerun converges. The text copy is not kept: the delivered file,
 * identified by its sha256 in {@code raw.load}, is the raw record.
 *
 * <p>Line numbers come from the file when the landing step wrote them in a column (the physical line of a text
 * record, the Excel row, a JSON record's position); otherwise they follow DuckDB's CSV reader: lines skipped before the
 * data plus the record's position, which is the physical line only when no blank line or quoted line break precedes it.
 */
public final class RawLoader {

    private static final Logger log = LoggerFactory.getLogger(RawLoader.class);
    /** How often a running read reports its progress; short files finish before the first report. */
    static final long PROGRESS_INTERVAL_MILLIS = 2000;
    /** Files smaller than this are read without progress reports (they take well under a second). */
    static final long PROGRESS_MIN_BYTES = 32L << 20;

    private final Warehouse warehouse;
    private int lastBatchScans;

    RawLoader(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * How one source lands in the warehouse.
     *
     * @param source short name stored with every load ({@code spend}, {@code tender}, ...)
     * @param rawColumns the text columns a file's fields are read into, as the validation query names them
     * @param validateSql file below {@code sql/} selecting, from the temporary view {@code load_lines} (lineage plus
     *                    the raw columns, one row per line read), the staging table's columns plus {@code rejects}:
     *                    a list of {@code {column_name, value_raw, reason}}, empty or NULL for a valid row; optionally
     *                    {@code warning}: what a valid row loads with but will not count as meant (listed per file, with
     *                    its number of lines, in the load's message)
     * @param stagingTable validated, typed rows
     * @param mode how a load's valid rows meet the rows already in staging
     */
    public record Spec(String source, List<String> rawColumns, String validateSql, String stagingTable, Mode mode) {

        public Spec(String source, List<String> rawColumns, String validateSql, String stagingTable) {
            this(source, rawColumns, validateSql, stagingTable, Mode.REPLACE_PARTITIONS);
        }
    }

    /**
     * {@code REPLACE_PARTITIONS}: a file is the complete delivery for each (department_code, year) it holds, so the
     * latest arrival for a partition supplies it whole (spend). {@code APPEND_HISTORY}: a file adds records keyed by
     * their own id, and a model picks each key's latest version among the files present (tender rectifications,
     * restated results).
     */
    public enum Mode { REPLACE_PARTITIONS, APPEND_HISTORY }

    /**
     * A UTF-8 delimited file ready for DuckDB.
     *
     * @param file the file to read (already UTF-8)
     * @param delimiter field separator
     * @param linesBeforeData lines up to and including the header row
     * @param columnCount number of columns in the header row
     * @param columnIndex for each raw column the 1-based position in the file; absent columns load as NULL
     * @param lineNumberColumn 1-based column that already holds each row's line number (the physical line of a
     *                         copied text file, a converted workbook's Excel row, a JSON record's line), or 0 to
     *                         number rows as DuckDB's reader counts them
     * @param fieldCountColumn 1-based column holding the number of fields the record had in the delivered file, or 0;
     *                         a record whose count differs from the header's is rejected as {@code malformed line}
     *                         (DuckDB's reader drops extra empty fields at the end of a line without a word)
     * @param startLineColumn 1-based column holding the physical line where the record starts when the line number is
     *                        something else (a JSON record's position in its array), or 0; kept with its rejects
     *                        ({@code raw.reject.start_line})
     */
    public record DelimitedFile(Path file, char delimiter, int linesBeforeData, int columnCount, Map<String, Integer> columnIndex,
                                int lineNumberColumn, int fieldCountColumn, int startLineColumn) {

        public DelimitedFile(Path file, char delimiter, int linesBeforeData, int columnCount, Map<String, Integer> columnIndex) {
            this(file, delimiter, linesBeforeData, columnCount, columnIndex, 0, 0, 0);
        }

        public DelimitedFile(Path file, char delimiter, int linesBeforeData, int columnCount, Map<String, Integer> columnIndex,
                             int lineNumberColumn) {
            this(file, delimiter, linesBeforeData, columnCount, columnIndex, lineNumberColumn, 0, 0);
        }

        public DelimitedFile(Path file, char delimiter, int linesBeforeData, int columnCount, Map<String, Integer> columnIndex,
                             int lineNumberColumn, int fieldCountColumn) {
            this(file, delimiter, linesBeforeData, columnCount, columnIndex, lineNumberColumn, fieldCountColumn, 0);
        }

        /** The columns of the delivered file's header (the columns read, less those the landing step put in front). */
        int headerColumns() {
            return columnCount - (lineNumberColumn > 0 ? 1 : 0) - (fieldCountColumn > 0 ? 1 : 0) - (startLineColumn > 0 ? 1 : 0);
        }
    }

    /** Where the rows came from. */
    public record Lineage(String loadId, String sourceFile, String sourceUri, String sha256, String fileFormat, String encoding,
                          String sheetName) {

        public Lineage(String loadId, String sourceFile, String sourceUri, String sha256, String fileFormat, String encoding) {
            this(loadId, sourceFile, sourceUri, sha256, fileFormat, encoding, null);
        }

        /** The same file, one of its workbook sheets, read under its own load id. */
        public Lineage sheet(String sheetLoadId, String sheet) {
            return new Lineage(sheetLoadId, sourceFile, sourceUri, sha256, fileFormat, encoding, sheet);
        }
    }

    /**
     * What became of a file: {@code LOADED} (read now), {@code UNCHANGED} (same name, bytes and arrival as the last run
     * recorded: nothing to do), {@code REACTIVATED} (bytes an earlier load holds, under a new name or a new arrival:
     * counted from that load without reading the file again), {@code FILE_REJECTED} (not readable at all).
     */
    public enum Status { LOADED, UNCHANGED, REACTIVATED, FILE_REJECTED }

    /** Row accounting of one file: rowsRead = rowsLoaded + rowsRejected. */
    public record Result(String loadId, Status status, long rowsRead, long rowsLoaded, long rowsRejected,
                         List<Partition> partitions, String message) {
    }

    public record Partition(String departmentCode, int year, long rows) {
    }

    /** The load holding the rows of a file with this content, if any: the latest complete read of these bytes. */
    public Optional<String> previousLoadOf(String source, String sha256) {
        return Optional.ofNullable(previousLoadsOf(source, List.of(sha256)).get(sha256));
    }

    /** How many {@code read_csv} scans the last batch took (one per layout when no file had a malformed line). */
    public int lastBatchScans() {
        return lastBatchScans;
    }

    /** For each of these sha256s that an earlier load of the source holds, that load's id (the latest complete read). */
    public Map<String, String> previousLoadsOf(String source, Collection<String> sha256s) {
        Map<String, String> earlier = new HashMap<>();
        if (sha256s.isEmpty()) {
            return earlier;
        }
        StringJoiner in = new StringJoiner(", ");
        sha256s.forEach(s -> in.add(Warehouse.quoteLiteral(s)));
        warehouse.query("SELECT source_sha256, arg_max(load_id, finished_at) FROM raw.load WHERE source = ? AND status = 'loaded'"
                + " AND part_of_load_id IS NULL AND source_sha256 IN (" + in + ") GROUP BY source_sha256",
                rs -> earlier.put(rs.getString(1), rs.getString(2)), source);
        return earlier;
    }


    /** Records a file that cannot be read at all (no header, unreadable workbook, ...), with the reason. */
    public Result rejectFile(Spec spec, Lineage lineage, Long line, String reason) {
        return loadBatch(spec, List.of(new Unreadable(lineage, line, reason)), null).get(0);
    }

    /** Loads one file in one transaction. */
    public Result load(Spec spec, DelimitedFile input, Lineage lineage) {
        return load(spec, input, lineage, null);
    }

    /**
     * Loads one file in one transaction; with {@code only} set, just that (department, year) partition of the file is
     * taken: its rows replace the partition (or, for history sources, this file's earlier rows in it), rows of other
     * partitions are left alone and not counted. A steward's rerun of one partition uses this.
     */
    public Result load(Spec spec, DelimitedFile input, Lineage lineage, Partition only) {
        return loadBatch(spec, List.of(new Read(input, lineage)), only, null).get(0);
    }

    /** One delivered file of a batch: to be read, bytes an earlier load holds, or unreadable as a whole. */
    public sealed interface Item permits Read, Reuse, Unreadable {
        Lineage lineage();
    }

    /** A file to read. */
    /**
     * A file to read; {@code partOf} names the load of the delivered file when this is one more of its parts (a further
     * sheet of a workbook): the part's rows count as that file's ({@code raw.load.part_of_load_id}).
     */
    public record Read(DelimitedFile file, Lineage lineage, String partOf) implements Item {

        public Read(DelimitedFile file, Lineage lineage) {
            this(file, lineage, null);
        }
    }

    /**
     * A file whose bytes an earlier load holds: nothing is read, the load log names that load. {@code unchanged}: the
     * same name, bytes and arrival as the last run recorded; otherwise the rows of that load count again (a new name, or
     * earlier bytes put back).
     */
    public record Reuse(Lineage lineage, String earlierLoadId, boolean unchanged) implements Item {
    }

    /** A file that cannot be read at all, with the reason (and line, when one is to blame). */
    public record Unreadable(Lineage lineage, Long line, String reason) implements Item {
    }

    /**
     * Lands a batch of files in one transaction, every file's valid rows under its own load id, with per-file
     * accounting in {@code raw.load}; which rows count is decided by the landing folder, not by the order of loading. Each file is one
     * {@code read_csv} statement into a temporary table; validation, rejects and the staging write are one query each
     * for the whole batch, so the cost per file is one statement rather than a round of them. Results come back in
     * item order.
     */
    public List<Result> loadBatch(Spec spec, List<? extends Item> items, Partition only) {
        return loadBatch(spec, items, only, null);
    }

    /**
     * As {@link #loadBatch(Spec, List, Partition)}; with {@code only} and {@code ownerLoadId} (a steward's rerun of one
     * partition of a file the warehouse has loaded as that load), the new rows replace that load's rows of the partition
     * and belong to it ({@code raw.load.part_of_load_id}), so the file keeps supplying the partition.
     */
    public List<Result> loadBatch(Spec spec, List<? extends Item> items, Partition only, String ownerLoadId) {
        long start = System.nanoTime();
        List<Read> reads = items.stream().filter(Read.class::isInstance).map(Read.class::cast).toList();
        lastBatchScans = 0;
        Staged staged = reads.isEmpty() ? null : stage(warehouse, spec, reads);
        Map<String, Result> results = warehouse.inTransaction(w -> {
            Map<String, Result> byLoad = new HashMap<>();
            List<LoadRow> loads = new ArrayList<>();
            for (Item item : items) {
                Lineage l = item.lineage();
                if (item instanceof Reuse d) {
                    String message = d.unchanged()
                            ? "unchanged since the last run (sha256 " + l.sha256() + ", rows in load " + d.earlierLoadId() + ")"
                            : "same content (sha256 " + l.sha256() + ") as load " + d.earlierLoadId() + ": its rows count again, not read again";
                    Status status = d.unchanged() ? Status.UNCHANGED : Status.REACTIVATED;
                    loads.add(new LoadRow(l, status.name().toLowerCase(), 0, 0, 0, message, null));
                    List<Partition> ps = w.query("SELECT department_code, year, rows_loaded FROM raw.load_partition WHERE load_id IN ("
                                    + "SELECT load_id FROM raw.load WHERE coalesce(part_of_load_id, load_id) = ?) ORDER BY ALL",
                            rs -> new Partition(rs.getString(1), rs.getInt(2), rs.getLong(3)), d.earlierLoadId());
                    byLoad.put(l.loadId(), new Result(l.loadId(), status, 0, 0, 0, ps, message));
                } else if (item instanceof Unreadable u) {
                    w.update("""
                            INSERT INTO raw.reject (load_id, source, source_file, source_sha256, line_no, column_name, value_raw, reason)
                            VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)""",
                            l.loadId(), spec.source(), l.sourceFile(), l.sha256(), u.line(), u.reason());
                    loads.add(new LoadRow(l, "file_rejected", 0, 0, 0, u.reason(), null));
                    byLoad.put(l.loadId(), new Result(l.loadId(), Status.FILE_REJECTED, 0, 0, 0, List.of(), u.reason()));
                }
            }
            if (!reads.isEmpty()) {
                byLoad.putAll(validateAndWrite(w, spec, reads, only, ownerLoadId, loads, staged));
            }
            insertLoads(w, spec, loads);
            return byLoad;
        });
        // Logged once committed: a line saying a file is loaded must be true even if the process dies right after.
        for (Read r : reads) {
            log.info("Loaded {} ({}): {}", r.lineage().sourceFile(), r.lineage().loadId(), results.get(r.lineage().loadId()).message());
        }
        if (reads.size() > 1) {
            long rows = reads.stream().mapToLong(r -> results.get(r.lineage().loadId()).rowsRead()).sum();
            log.info("Loaded {} {} files ({} rows) in one batch in {} ms", reads.size(), spec.source(), rows,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return items.stream().map(i -> results.get(i.lineage().loadId())).toList();
    }

    /** A row of the load log. */
    private record LoadRow(Lineage lineage, String status, long read, long loaded, long rejected, String message, String partOf) {
    }

    /** What reading a batch into temporary tables found: malformed lines per load id, and the time it took. */
    private record Staged(Map<String, Long> formatRejects, long readNanos) {
    }

    /**
     * Reads a batch's files into the temporary table {@code load_raw} and defines the view {@code load_lines} over it
     * (lineage joined on, line numbers derived). Runs before the batch's transaction, in statements of their own: a
     * strict multi-file read that fails must not abort the transaction, and temporary tables are never persisted.
     */
    private Staged stage(Warehouse w, Spec spec, List<Read> reads) {
        long tRead = System.nanoTime();
        w.execute("DROP VIEW IF EXISTS load_lines; DROP TABLE IF EXISTS load_files; DROP TABLE IF EXISTS load_raw;"
                + " DROP TABLE IF EXISTS load_line_fix; DROP TABLE IF EXISTS load_validated;"
                + " DROP TABLE IF EXISTS load_reject_errors; DROP TABLE IF EXISTS load_reject_scans;");
        StringJoiner files = new StringJoiner(", ");
        for (int i = 0; i < reads.size(); i++) {
            Read r = reads.get(i);
            files.add("(" + i + ", " + Warehouse.quoteLiteral(r.lineage().loadId()) + ", " + Warehouse.quoteLiteral(r.lineage().sourceFile())
                    + ", " + Warehouse.quoteLiteral(r.lineage().sha256()) + ", " + Warehouse.quoteLiteral(path(r.file()))
                    + ", " + r.file().linesBeforeData() + ", " + (r.file().lineNumberColumn() > 0)
                    + ", " + Warehouse.quoteLiteral(String.valueOf(r.file().delimiter())) + ", " + r.file().headerColumns()
                    + ", " + (r.file().fieldCountColumn() > 0) + ", " + Warehouse.quoteLiteral(r.partOf() == null ? r.lineage().loadId() : r.partOf())
                    + ", " + q(r.lineage().sheetName()) + ")");
        }
        w.execute("CREATE TEMP TABLE load_files (file_no INTEGER, load_id VARCHAR, source_file VARCHAR, source_sha256 VARCHAR,"
                + " path VARCHAR, lines_before BIGINT, numbered BOOLEAN, delimiter VARCHAR, column_count INTEGER, counted BOOLEAN,"
                + " file_load_id VARCHAR, sheet_name VARCHAR, first_row BIGINT)");
        w.execute("INSERT INTO load_files (file_no, load_id, source_file, source_sha256, path, lines_before, numbered, delimiter, column_count,"
                + " counted, file_load_id, sheet_name)"
                + " VALUES " + files);
        StringJoiner rawColumns = new StringJoiner(", ");
        spec.rawColumns().forEach(c -> rawColumns.add(c + " VARCHAR"));
        w.execute("CREATE TEMP TABLE load_raw (path VARCHAR, line_cell VARCHAR, field_count VARCHAR, start_line VARCHAR, " + rawColumns + ")");

        // Straight from the files into one temporary table, in line order: a row's position among its file's rows
        // (rowid from the file's first row) gives its line, so the reader needs no row numbering.
        Map<Layout, List<Read>> layouts = new LinkedHashMap<>();
        reads.forEach(r -> layouts.computeIfAbsent(Layout.of(r.file()), k -> new ArrayList<>()).add(r));
        boolean oneByOne = false;
        boolean together = false;
        Map<String, Long> firstRows = new LinkedHashMap<>();
        for (List<Read> group : layouts.values()) {
            if (group.size() > 1 && readTogether(w, spec, group)) {
                lastBatchScans++;
                together = true;
                continue;
            }
            for (Read r : group) {
                // a file read alone starts right after the rows already there
                firstRows.put(path(r.file()), w.queryLong("SELECT count(*) FROM load_raw"));
                readOne(w, spec, r);
                lastBatchScans++;
                oneByOne = true;
            }
        }
        if (together) {
            w.execute("UPDATE load_files SET first_row = m.first_row FROM (SELECT path, min(rowid) AS first_row FROM load_raw GROUP BY path) AS m"
                    + " WHERE load_files.path = m.path");
        }
        if (!firstRows.isEmpty()) {
            StringJoiner values = new StringJoiner(", ");
            firstRows.forEach((path, first) -> values.add("(" + Warehouse.quoteLiteral(path) + ", " + first + ")"));
            w.execute("UPDATE load_files SET first_row = v.first_row FROM (VALUES " + values + ") AS v(path, first_row)"
                    + " WHERE load_files.path = v.path");
        }

        // Lines the reader could not split are kept by DuckDB per file and line; the rows after them move up a line.
        Map<String, Long> formatRejects = new HashMap<>();
        if (oneByOne) w.query("""
                SELECT f.load_id, count(DISTINCT e.line) FROM load_reject_errors AS e
                JOIN load_reject_scans AS s ON s.scan_id = e.scan_id AND s.file_id = e.file_id
                JOIN load_files AS f ON f.path = s.file_path
                GROUP BY ALL""", rs -> formatRejects.put(rs.getString(1), rs.getLong(2)));
        boolean fixLines = false;
        for (Read r : reads) {
            if (formatRejects.containsKey(r.lineage().loadId()) && r.file().lineNumberColumn() == 0) {
                numberGoodLines(w, r, formatRejects.get(r.lineage().loadId()), !fixLines);
                fixLines = true;
            }
        }
        String position = "f.lines_before + r.rowid - f.first_row + 1";
        w.execute("CREATE TEMP VIEW load_lines AS SELECT f.load_id, f.source_file, f.source_sha256, "
                + "CASE WHEN f.numbered THEN CAST(r.line_cell AS BIGINT) ELSE "
                + (fixLines ? "coalesce(x.line_no, " + position + ")" : position) + " END AS line_no, "
                + "CAST(r.field_count AS INTEGER) AS field_count, f.column_count AS header_columns, CAST(r.start_line AS BIGINT) AS start_line, "
                + String.join(", ", spec.rawColumns().stream().map(c -> "r." + c).toList())
                + " FROM load_raw AS r JOIN load_files AS f ON f.path = r.path"
                + (fixLines ? " LEFT JOIN load_line_fix AS x ON x.path = r.path AND x.ordinal = r.rowid - f.first_row + 1" : ""));
        return new Staged(formatRejects, System.nanoTime() - tRead);
    }

    private Map<String, Result> validateAndWrite(Warehouse w, Spec spec, List<Read> reads, Partition only, String ownerLoadId,
                                                 List<LoadRow> loads, Staged staged) {
        Map<String, Long> formatRejects = staged.formatRejects();
        long readNanos = staged.readNanos();

        long tValidate = System.nanoTime();
        String validateSql = ModelRunner.stripTrailingSemicolon(warehouse.sqlFile(spec.validateSql()));
        w.execute("CREATE TEMP TABLE load_validated AS SELECT *, coalesce(len(rejects), 0) = 0 AS is_valid FROM (" + validateSql + "\n)");
        // A record with more or fewer fields than the header has one reason, not the column errors of shifted values.
        w.execute("""
                UPDATE load_validated AS v SET is_valid = false,
                    rejects = [{'column_name': NULL, 'value_raw': NULL, 'reason': m.reason}]
                FROM (SELECT load_id, line_no, 'malformed line: ' || field_count || CASE WHEN field_count = 1 THEN ' field' ELSE ' fields' END
                             || ' where the header has ' || header_columns AS reason
                      FROM load_lines WHERE field_count <> header_columns) AS m
                WHERE v.load_id = m.load_id AND v.line_no = m.line_no""");
        long rawRows = w.queryLong("SELECT count(*) FROM load_raw");
        boolean warned = w.queryLong("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'load_validated' AND column_name = 'warning'"
                + " AND database_name = 'temp'") > 0;
        Map<String, String> warnings = new HashMap<>();
        if (warned) {
            w.query("""
                    SELECT load_id, string_agg(warning || ' (' || lines || CASE WHEN lines = 1 THEN ' line)' ELSE ' lines)' END, '; '
                                               ORDER BY warning)
                    FROM (SELECT load_id, warning, count(*) AS lines FROM load_validated WHERE is_valid AND warning IS NOT NULL GROUP BY ALL)
                    GROUP BY load_id""", rs -> warnings.put(rs.getString(1), rs.getString(2)));
        }
        long validatedRows = w.queryLong("SELECT count(*) FROM load_validated");
        if (validatedRows != rawRows) {
            throw new WarehouseException(spec.validateSql() + " returned " + validatedRows
                    + " rows for " + rawRows + " raw rows; it must return exactly one row per raw row");
        }
        if (only != null) {
            w.update("DELETE FROM load_validated WHERE department_code IS DISTINCT FROM ? OR year IS DISTINCT FROM ?",
                    only.departmentCode(), only.year());
        }
        long validateNanos = System.nanoTime() - tValidate;

        long tWrite = System.nanoTime();
        Map<String, long[]> counts = new HashMap<>();
        w.query("SELECT load_id, count(*), count(*) FILTER (WHERE is_valid) FROM load_validated GROUP BY load_id",
                rs -> counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));
        Map<String, List<Partition>> partitions = new HashMap<>();
        w.query("SELECT load_id, department_code, year, count(*) FROM load_validated WHERE is_valid GROUP BY ALL ORDER BY ALL",
                rs -> partitions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Partition(rs.getString(2), rs.getInt(3), rs.getLong(4))));
        w.update("""
                INSERT INTO raw.reject (load_id, source, source_file, source_sha256, line_no, column_name, value_raw, reason, sheet_name,
                                        start_line)
                -- A further sheet's rejects are the workbook's: recorded under the file's load, with the sheet named.
                -- A typed value is shown as the file holds it, without the mark of sql/macros/20_numbers.sql.
                SELECT f.file_load_id, ?, v.source_file, v.source_sha256, v.line_no, r.column_name, typed_text(r.value_raw),
                       typed_text(r.reason), f.sheet_name,
                       s.start_line
                FROM load_validated AS v JOIN load_files AS f ON f.load_id = v.load_id
                LEFT JOIN (SELECT load_id, line_no, start_line FROM load_lines WHERE start_line IS NOT NULL) AS s
                    ON s.load_id = v.load_id AND s.line_no = v.line_no,
                unnest(v.rejects) AS u(r)
                WHERE NOT v.is_valid""", spec.source());
        if (only == null && !formatRejects.isEmpty()) {
            w.update("""
                    INSERT INTO raw.reject (load_id, source, source_file, source_sha256, line_no, column_name, value_raw, reason, sheet_name)
                    WITH bad_lines AS (
                        -- One reason per line: DuckDB lists a line's column errors once per attempt, with different counts.
                        SELECT f.file_load_id AS load_id, f.sheet_name, f.source_file, f.source_sha256, e.line,
                               any_value(f.numbered) AS numbered, any_value(f.counted) AS counted, any_value(f.delimiter) AS delimiter,
                               any_value(f.column_count) AS header_columns, any_value(e.csv_line) AS csv_line,
                               min(e.column_name) AS column_name,
                               bool_or(contains(e.csv_line, chr(0))) AS has_nul,
                               bool_and(lower(e.error_type) IN ('too many columns', 'missing columns')) AS field_count_only,
                               string_agg(DISTINCT lower(e.error_type) || ' (' || e.error_message || ')', '; '
                                   ORDER BY lower(e.error_type) || ' (' || e.error_message || ')') AS errors
                        FROM load_reject_errors AS e
                        JOIN load_reject_scans AS s ON s.scan_id = e.scan_id AND s.file_id = e.file_id
                        JOIN load_files AS f ON f.path = s.file_path
                        GROUP BY f.file_load_id, f.sheet_name, f.source_file, f.source_sha256, e.line
                    ),
                    counted AS (
                        SELECT *,
                               -- A copied file starts each record with its physical line (a workbook's with its Excel row)
                               -- and its field count in the delivered file.
                               CASE WHEN numbered THEN coalesce(TRY_CAST(split_part(csv_line, delimiter, 1) AS BIGINT), line) ELSE line END AS line_no,
                               CASE WHEN counted THEN TRY_CAST(split_part(csv_line, delimiter, 2) AS INTEGER)
                                    ELSE length(csv_line) - length(replace(csv_line, delimiter, '')) + 1 END AS fields
                        FROM bad_lines
                    )
                    SELECT load_id, ?, source_file, source_sha256, line_no, column_name, left(csv_line, 500),
                           CASE
                               WHEN has_nul THEN 'line contains NUL bytes'
                               WHEN field_count_only AND fields IS NOT NULL
                                   THEN 'malformed line: ' || fields || CASE WHEN fields = 1 THEN ' field' ELSE ' fields' END
                                        || ' where the header has ' || header_columns
                               ELSE 'malformed line: ' || errors
                           END,
                           sheet_name
                    FROM counted""", spec.source());
        }
        StringJoiner partitionRows = new StringJoiner(", ");
        partitions.forEach((loadId, ps) -> ps.forEach(p ->
            partitionRows.add("(" + Warehouse.quoteLiteral(loadId) + ", " + Warehouse.quoteLiteral(spec.source()) + ", "
                    + Warehouse.quoteLiteral(p.departmentCode()) + ", " + p.year() + ", " + p.rows() + ")")));
        if (partitionRows.length() > 0) {
            w.execute("INSERT INTO raw.load_partition (load_id, source, department_code, year, rows_loaded) VALUES " + partitionRows);
        }
        String staging = spec.stagingTable();
        if (only != null && ownerLoadId != null) {
            // A rerun of one partition of a loaded file: its new rows replace that file's rows of the partition.
            String ofOwner = "SELECT load_id FROM raw.load WHERE coalesce(part_of_load_id, load_id) = " + Warehouse.quoteLiteral(ownerLoadId);
            w.update("DELETE FROM " + staging + " WHERE department_code = ? AND year = ? AND load_id IN (" + ofOwner + ")",
                    only.departmentCode(), only.year());
            w.update("DELETE FROM raw.load_partition WHERE department_code = ? AND year = ? AND load_id IN (" + ofOwner + ")"
                            + " AND load_id NOT IN (SELECT load_id FROM load_files)", only.departmentCode(), only.year());
        }
        // Every load's valid rows are kept under its load id; which of them count follows from the landing folder.
        String validRows = "SELECT * EXCLUDE (rejects, is_valid" + (warned ? ", warning" : "") + ") FROM load_validated WHERE is_valid";
        w.execute("INSERT INTO " + staging + " BY NAME " + validRows);

        Map<String, Result> results = new LinkedHashMap<>();
        for (Read r : reads) {
            String loadId = r.lineage().loadId();
            long[] c = counts.getOrDefault(loadId, new long[2]);
            long format = only == null ? formatRejects.getOrDefault(loadId, 0L) : 0;
            long read = c[0] + format;
            long valid = c[1];
            long rejected = c[0] - c[1] + format;
            String message = read + " rows read, " + valid + " loaded, " + rejected + " rejected"
                    + (only == null ? "" : " (partition " + only.departmentCode() + " " + only.year() + " only)")
                    + (warnings.containsKey(loadId) ? "; WARNING " + warnings.get(loadId) : "");
            loads.add(new LoadRow(r.lineage(), "loaded", read, valid, rejected, message,
                    only != null && ownerLoadId != null ? ownerLoadId : r.partOf()));
            results.put(loadId, new Result(loadId, Status.LOADED, read, valid, rejected, partitions.getOrDefault(loadId, List.of()), message));
        }
        w.execute("DROP VIEW load_lines; DROP TABLE load_validated; DROP TABLE load_raw; DROP TABLE load_files;"
                + " DROP TABLE IF EXISTS load_line_fix; DROP TABLE IF EXISTS load_reject_errors; DROP TABLE IF EXISTS load_reject_scans;");
        long writeNanos = System.nanoTime() - tWrite;
        log.info("{} {} file(s), {} rows: read {} ms, validate {} ms, write {} ms", spec.source(), reads.size(), rawRows,
                readNanos / 1_000_000, validateNanos / 1_000_000, writeNanos / 1_000_000);
        return results;
    }

    private static String path(DelimitedFile f) {
        return f.file().toAbsolutePath().toString();
    }

    /** Lines in a file, estimated from its size and the lines in its first 64 KB (for progress reports only). */
    static long estimateLines(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1 << 16);
            long newlines = 0;
            for (byte b : head) {
                if (b == '\n') {
                    newlines++;
                }
            }
            return newlines == 0 ? 1 : Math.round((double) java.nio.file.Files.size(file) * newlines / head.length);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Files that a single {@code read_csv} call can read: same delimiter, header position and columns. */
    private record Layout(char delimiter, int linesBeforeData, int columnCount, Map<String, Integer> columnIndex, int lineNumberColumn,
                          int fieldCountColumn, int startLineColumn) {
        static Layout of(DelimitedFile f) {
            return new Layout(f.delimiter(), f.linesBeforeData(), f.columnCount(), f.columnIndex(), f.lineNumberColumn(), f.fieldCountColumn(),
                    f.startLineColumn());
        }
    }

    /**
     * Reads files of one layout with one strict {@code read_csv} call; false when any of them has a line the reader
     * cannot split, and then nothing was read (the files are read one by one, keeping DuckDB's record of each bad
     * line: DuckDB 2.0 lists a multi-file scan's bad lines unreliably, measured: a file's unterminated quote went
     * unreported once six files preceded it, so a multi-file scan is only used when there is nothing to list).
     */
    private static boolean readTogether(Warehouse w, Spec spec, List<Read> group) {
        DelimitedFile first = group.get(0).file();
        StringJoiner paths = new StringJoiner(", ", "[", "]");
        group.forEach(r -> paths.add(Warehouse.quoteLiteral(path(r.file()))));
        try {
            w.execute("INSERT INTO load_raw SELECT filename, " + lineCell(first) + ", " + fieldCountCell(first) + ", " + startLineCell(first)
                    + ", " + sourceColumns(spec, first)
                    + " FROM " + readCsv(first, paths.toString(), false));
            return true;
        } catch (WarehouseException e) {
            log.info("{} {} files read one by one: {}", group.size(), spec.source(), e.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    private static void readOne(Warehouse w, Spec spec, Read r) {
        DelimitedFile input = r.file();
        String sql = "INSERT INTO load_raw SELECT " + Warehouse.quoteLiteral(path(input)) + ", " + lineCell(input) + ", " + fieldCountCell(input)
                + ", " + startLineCell(input) + ", "
                + sourceColumns(spec, input) + " FROM " + readCsv(input, Warehouse.quoteLiteral(path(input)), true);
        if (sizeOf(input.file()) < PROGRESS_MIN_BYTES) {
            w.execute(sql);
            return;
        }
        long estimatedLines = estimateLines(input.file());
        long t = System.nanoTime();
        w.executeWithProgress(sql,
                p -> {
                    // DuckDB reports progress through the file's bytes; rows are estimated from the line length at its top.
                    long rows = Math.round(p.getPercentage() / 100 * estimatedLines);
                    log.info("Reading {}: {}% of the file, about {} rows, about {} rows/s", r.lineage().sourceFile(),
                            Math.round(p.getPercentage()), rows, Math.round(rows / Math.max(1e-9, (System.nanoTime() - t) / 1e9)));
                },
                PROGRESS_INTERVAL_MILLIS);
    }

    private static String sourceColumns(Spec spec, DelimitedFile input) {
        StringJoiner sourceCols = new StringJoiner(", ");
        for (String column : spec.rawColumns()) {
            Integer idx = input.columnIndex().get(column);
            sourceCols.add(idx == null ? "NULL" : "c" + idx);
        }
        return sourceCols.toString();
    }

    private static String startLineCell(DelimitedFile input) {
        return input.startLineColumn() > 0 ? "c" + input.startLineColumn() : "NULL";
    }

    private static String fieldCountCell(DelimitedFile input) {
        return input.fieldCountColumn() > 0 ? "c" + input.fieldCountColumn() : "NULL";
    }

    private static String lineCell(DelimitedFile input) {
        return input.lineNumberColumn() > 0 ? "c" + input.lineNumberColumn() : "NULL";
    }

    private static String readCsv(DelimitedFile input, String files, boolean storeRejects) {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int i = 1; i <= input.columnCount(); i++) {
            columns.add("'c" + i + "': 'VARCHAR'");
        }
        return "read_csv(" + files + ", auto_detect = false, header = false" + (storeRejects ? "" : ", filename = true")
                + ", skip = " + input.linesBeforeData()
                + ", delim = " + Warehouse.quoteLiteral(String.valueOf(input.delimiter()))
                + ", quote = '\"', escape = '\"'"
                + ", columns = " + columns
                + ", max_line_size = 16777216"
                // A converted workbook leaves out empty trailing cells of a row: pad them instead of rejecting the row.
                + (input.lineNumberColumn() > 0 && input.fieldCountColumn() == 0 ? ", null_padding = true, parallel = false" : "")
                + (storeRejects ? ", store_rejects = true, rejects_table = 'load_reject_errors', rejects_scan = 'load_reject_scans'" : "")
                + ")";
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * DuckDB numbers good records 1..n and reports rejected ones by line; a good record's line is its position
     * among all records once the rejected lines are counted back in.
     */
    private static void numberGoodLines(Warehouse w, Read read, long formatRejects, boolean create) {
        long before = read.file().linesBeforeData();
        String path = Warehouse.quoteLiteral(path(read.file()));
        long goodRows = w.queryLong("SELECT count(*) FROM load_raw WHERE path = " + path);
        if (create) {
            w.execute("CREATE TEMP TABLE load_line_fix (path VARCHAR, ordinal BIGINT, line_no BIGINT)");
        }
        w.execute("""
                INSERT INTO load_line_fix
                SELECT %s, row_number() OVER (ORDER BY line_no), line_no
                FROM (SELECT range + 1 AS line_no FROM range(%d, %d + %d + %d))
                WHERE line_no NOT IN (
                    SELECT e.line FROM load_reject_errors AS e
                    JOIN load_reject_scans AS s ON s.scan_id = e.scan_id AND s.file_id = e.file_id
                    WHERE s.file_path = %s)
                """.formatted(path, before, before, goodRows, formatRejects, path));
    }

    private static void insertLoads(Warehouse w, Spec spec, List<LoadRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringJoiner values = new StringJoiner(",\n");
        for (LoadRow r : rows) {
            Lineage l = r.lineage();
            values.add("(" + String.join(", ", q(l.loadId()), q(spec.source()), q(l.sourceFile()), q(l.sourceUri()), q(l.sha256()),
                    q(l.fileFormat()), q(l.encoding()), q(r.status()), String.valueOf(r.read()), String.valueOf(r.loaded()),
                    String.valueOf(r.rejected()), q(r.message()), q(r.partOf()), q(l.sheetName())) + ", current_timestamp)");
        }
        w.execute("""
                INSERT INTO raw.load (load_id, source, source_file, source_uri, source_sha256, file_format, encoding,
                                      status, rows_read, rows_loaded, rows_rejected, message, part_of_load_id, sheet_name, finished_at)
                VALUES """ + values);
    }

    private static String q(String s) {
        return s == null ? "NULL" : Warehouse.quoteLiteral(s);
    }

    /** Rejects recorded for one load (a workbook's with the sheet of each), in line order (for stewards and tests). */
    public List<Map<String, Object>> rejectsOf(String loadId) {
        return warehouse.query("""
                SELECT line_no, column_name, value_raw, reason, sheet_name, start_line FROM raw.reject WHERE load_id = ?
                ORDER BY sheet_name NULLS FIRST, line_no NULLS FIRST, column_name""",
                rs -> {
                    java.util.LinkedHashMap<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("line_no", rs.getObject(1));
                    row.put("column_name", rs.getString(2));
                    row.put("value_raw", rs.getString(3));
                    row.put("reason", rs.getString(4));
                    row.put("sheet_name", rs.getString(5));
                    row.put("start_line", rs.getObject(6));
                    return row;
                }, loadId);
    }

}
