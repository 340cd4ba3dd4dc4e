package nl.impactmonitor.warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ELT load of one delimited UTF-8 file: DuckDB's {@code read_csv} reads it as text into the source's raw
 * table with lineage (file, sha256, line, load id); the source's validation query types every raw row and
 * lists what is wrong with it; valid rows replace their (department, year) partitions of the staging table
 * and the others go to {@code raw.reject} with a reason. All of it happens in one DuckDB transaction, so a
 * crash leaves the warehouse as it was and a rerun of the same file converges.
 *
 * <p>Line numbers follow DuckDB's CSV reader: lines skipped before the data plus the record's position, which
 * is the physical line unless a quoted value spans lines.
 */
public final class RawLoader {

    private static final Logger log = LoggerFactory.getLogger(RawLoader.class);
    /** How often a running read reports its progress; short files finish before the first report. */
    static final long PROGRESS_INTERVAL_MILLIS = 2000;

    private final Warehouse warehouse;

    RawLoader(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * How one source lands in the warehouse.
     *
     * @param source short name stored with every load ({@code spend}, {@code tender}, ...)
     * @param rawTable table of text columns plus lineage
     * @param rawColumns the raw table's data columns, in the order the loader fills them
     * @param validateSql file below {@code sql/} selecting, for the raw rows of {@code :load_id}, the staging
     *                    table's columns plus {@code rejects}: a list of {@code {column_name, value_raw, reason}}
     * @param stagingTable validated, typed rows
     * @param mode how a load's valid rows meet the rows already in staging
     */
    public record Spec(String source, String rawTable, List<String> rawColumns, String validateSql, String stagingTable, Mode mode) {

        public Spec(String source, String rawTable, List<String> rawColumns, String validateSql, String stagingTable) {
            this(source, rawTable, rawColumns, validateSql, stagingTable, Mode.REPLACE_PARTITIONS);
        }
    }

    /**
     * {@code REPLACE_PARTITIONS}: a file is the complete delivery for each (department_code, year) it holds, so its rows
     * replace those partitions whole (spend). {@code APPEND_HISTORY}: a file adds records keyed by their own id, and a
     * model picks each key's latest version; earlier versions stay (tender rectifications, restated results).
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
     * @param lineNumberColumn 1-based column that already holds each row's line number (a converted workbook's
     *                         Excel row), or 0 to number rows as DuckDB's reader counts them
     */
    public record DelimitedFile(Path file, char delimiter, int linesBeforeData, int columnCount, Map<String, Integer> columnIndex,
                                int lineNumberColumn) {

        public DelimitedFile(Path file, char delimiter, int linesBeforeData, int columnCount, Map<String, Integer> columnIndex) {
            this(file, delimiter, linesBeforeData, columnCount, columnIndex, 0);
        }
    }

    /** Where the rows came from. */
    public record Lineage(String loadId, String sourceFile, String sourceUri, String sha256, String fileFormat, String encoding) {
    }

    public enum Status { LOADED, SKIPPED_DUPLICATE, FILE_REJECTED }

    /** Row accounting of one file: rowsRead = rowsLoaded + rowsRejected. */
    public record Result(String loadId, Status status, long rowsRead, long rowsLoaded, long rowsRejected,
                         List<Partition> partitions, String message) {
    }

    public record Partition(String departmentCode, int year, long rows) {
    }

    /** The load id of an earlier successful load of a file with this content, if any. */
    public Optional<String> previousLoadOf(String source, String sha256) {
        return warehouse.query("""
                SELECT load_id FROM raw.load
                WHERE source = ? AND source_sha256 = ? AND status = 'loaded'
                ORDER BY finished_at LIMIT 1""", rs -> rs.getString(1), source, sha256).stream().findFirst();
    }

    /** Records a duplicate delivery: nothing is loaded, the load log says which load already has it. */
    public Result recordDuplicate(Spec spec, Lineage lineage, String earlierLoadId) {
        String message = "same content (sha256 " + lineage.sha256() + ") already loaded by load " + earlierLoadId;
        insertLoad(spec, lineage, "skipped_duplicate", 0, 0, 0, message);
        return new Result(lineage.loadId(), Status.SKIPPED_DUPLICATE, 0, 0, 0, List.of(), message);
    }

    /** Records a file that cannot be read at all (no header, unreadable workbook, ...), with the reason. */
    public Result rejectFile(Spec spec, Lineage lineage, Long line, String reason) {
        warehouse.inTransaction(w -> {
            w.update("""
                    INSERT INTO raw.reject (load_id, source, source_file, source_sha256, line_no, column_name, value_raw, reason)
                    VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)""",
                    lineage.loadId(), spec.source(), lineage.sourceFile(), lineage.sha256(), line, reason);
            insertLoad(spec, lineage, "file_rejected", 0, 0, 0, reason);
            return null;
        });
        return new Result(lineage.loadId(), Status.FILE_REJECTED, 0, 0, 0, List.of(), reason);
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
        long start = System.nanoTime();
        String validateSql = ModelRunner.stripTrailingSemicolon(warehouse.sqlFile(spec.validateSql()))
                .replace(":load_id", Warehouse.quoteLiteral(lineage.loadId()));
        Map<String, Long> phase = new java.util.LinkedHashMap<>();
        Result result = warehouse.inTransaction(w -> {
            w.execute("DROP TABLE IF EXISTS load_reject_errors;"
                    + " DROP TABLE IF EXISTS load_reject_scans; DROP TABLE IF EXISTS load_validated;");
            long tRead = System.nanoTime();
            long estimatedLines = estimateLines(input.file());
            StringJoiner targetCols = new StringJoiner(", ");
            StringJoiner sourceCols = new StringJoiner(", ");
            for (String column : spec.rawColumns()) {
                targetCols.add(column);
                Integer idx = input.columnIndex().get(column);
                sourceCols.add(idx == null ? "NULL" : "c" + idx);
            }
            // Straight from the file into the raw table: no intermediate copy. Line numbers count records after the
            // header; when the reader skipped malformed lines, they are counted back in below.
            String lineNo = input.lineNumberColumn() > 0 ? "CAST(c" + input.lineNumberColumn() + " AS BIGINT)"
                    : "(" + input.linesBeforeData() + " + ordinality)";
            w.executeWithProgress("INSERT INTO " + spec.rawTable() + " (load_id, source_file, source_sha256, line_no, " + targetCols + ")"
                    + " SELECT " + Warehouse.quoteLiteral(lineage.loadId()) + ", " + Warehouse.quoteLiteral(lineage.sourceFile())
                    + ", " + Warehouse.quoteLiteral(lineage.sha256()) + ", " + lineNo + ", " + sourceCols
                    + " FROM " + readCsv(input) + " WITH ORDINALITY",
                    p -> {
                        // DuckDB reports progress through the file's bytes; rows are estimated from the line length at its top.
                        long rows = Math.round(p.getPercentage() / 100 * estimatedLines);
                        log.info("Reading {}: {}% of the file, about {} rows, about {} rows/s", lineage.sourceFile(),
                                Math.round(p.getPercentage()), rows, Math.round(rows / Math.max(1e-9, (System.nanoTime() - tRead) / 1e9)));
                    },
                    PROGRESS_INTERVAL_MILLIS);
            phase.put("read", System.nanoTime() - tRead);
            long formatRejects = w.queryLong("SELECT count(DISTINCT line) FROM load_reject_errors");
            if (formatRejects > 0 && input.lineNumberColumn() == 0) {
                long rows = w.queryLong("SELECT count(*) FROM " + spec.rawTable() + " WHERE load_id = ?", lineage.loadId());
                numberGoodLines(w, input, formatRejects, rows);
                w.update("UPDATE " + spec.rawTable() + " AS r SET line_no = g.line_no FROM load_good_lines AS g"
                        + " WHERE r.load_id = ? AND r.line_no = " + input.linesBeforeData() + " + g.ordinality", lineage.loadId());
            }
            long formatRejectsCounted = only == null ? formatRejects : 0;
            if (only == null) w.update("""
                    INSERT INTO raw.reject (load_id, source, source_file, source_sha256, line_no, column_name, value_raw, reason)
                    SELECT ?, ?, ?, ?, e.line, min(e.column_name), left(any_value(e.csv_line), 500),
                           'malformed line: ' || string_agg(DISTINCT lower(e.error_type) || ' (' || e.error_message || ')', '; '
                               ORDER BY lower(e.error_type) || ' (' || e.error_message || ')')
                    FROM load_reject_errors e
                    GROUP BY e.line""",
                    lineage.loadId(), spec.source(), lineage.sourceFile(), lineage.sha256());

            phase.put("raw", System.nanoTime() - tRead - phase.get("read"));
            long tValidate = System.nanoTime();
            w.execute("CREATE TEMP TABLE load_validated AS " + validateSql);
            phase.put("validate", System.nanoTime() - tValidate);
            long tWrite = System.nanoTime();
            long rawRows = w.queryLong("SELECT count(*) FROM load_validated");
            if (only != null) {
                w.update("DELETE FROM load_validated WHERE department_code IS DISTINCT FROM ? OR year IS DISTINCT FROM ?",
                        only.departmentCode(), only.year());
                rawRows = w.queryLong("SELECT count(*) FROM load_validated");
            }
            long valid = w.queryLong("SELECT count(*) FROM load_validated WHERE len(rejects) = 0");
            long invalid = w.queryLong("SELECT count(*) FROM load_validated WHERE len(rejects) > 0");
            if (valid + invalid != rawRows) {
                throw new WarehouseException(spec.validateSql() + " returned " + (valid + invalid)
                        + " rows for " + rawRows + " raw rows; it must return exactly one row per raw row");
            }
            w.update("""
                    INSERT INTO raw.reject (load_id, source, source_file, source_sha256, line_no, column_name, value_raw, reason)
                    SELECT ?, ?, ?, ?, v.line_no, r.column_name, r.value_raw, r.reason
                    FROM load_validated v, unnest(v.rejects) AS u(r)""",
                    lineage.loadId(), spec.source(), lineage.sourceFile(), lineage.sha256());
            List<Partition> partitions = w.query("""
                    SELECT department_code, year, count(*) FROM load_validated
                    WHERE len(rejects) = 0 GROUP BY ALL ORDER BY ALL""",
                    rs -> new Partition(rs.getString(1), rs.getInt(2), rs.getLong(3)));
            if (spec.mode() == Mode.APPEND_HISTORY && only != null) {
                w.update("DELETE FROM " + spec.stagingTable() + " WHERE department_code = ? AND year = ? AND source_file = ?",
                        only.departmentCode(), only.year(), lineage.sourceFile());
            }
            if (spec.mode() == Mode.REPLACE_PARTITIONS) {
                    w.execute("DELETE FROM " + spec.stagingTable() + " USING (SELECT DISTINCT department_code, year FROM load_validated"
                        + " WHERE len(rejects) = 0) p WHERE " + spec.stagingTable() + ".department_code = p.department_code AND "
                        + spec.stagingTable() + ".year = p.year");
            }
            w.execute("INSERT INTO " + spec.stagingTable() + " BY NAME SELECT * EXCLUDE (rejects) FROM load_validated WHERE len(rejects) = 0");
            for (Partition p : partitions) {
                w.update("INSERT INTO raw.load_partition (load_id, source, department_code, year, rows_loaded) VALUES (?, ?, ?, ?, ?)",
                        lineage.loadId(), spec.source(), p.departmentCode(), p.year(), p.rows());
            }
            long read = rawRows + formatRejectsCounted;
            long rejected = invalid + formatRejectsCounted;
            String message = read + " rows read, " + valid + " loaded, " + rejected + " rejected"
                    + (only == null ? "" : " (partition " + only.departmentCode() + " " + only.year() + " only)");
            insertLoad(spec, lineage, "loaded", read, valid, rejected, message);
            phase.put("write", System.nanoTime() - tWrite);
            w.execute("DROP TABLE load_reject_errors; DROP TABLE load_reject_scans; DROP TABLE load_validated;"
                    + " DROP TABLE IF EXISTS load_good_lines;");
            return new Result(lineage.loadId(), Status.LOADED, read, valid, rejected, partitions, message);
        });
        log.info("Loaded {} ({}): {} in {} ms (read {} ms, raw {} ms, validate {} ms, write {} ms)", lineage.sourceFile(),
                lineage.loadId(), result.message(), (System.nanoTime() - start) / 1_000_000, phase.get("read") / 1_000_000,
                phase.get("raw") / 1_000_000, phase.get("validate") / 1_000_000, phase.get("write") / 1_000_000);
        return result;
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

    private static String readCsv(DelimitedFile input) {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int i = 1; i <= input.columnCount(); i++) {
            columns.add("'c" + i + "': 'VARCHAR'");
        }
        return "read_csv(" + Warehouse.quoteLiteral(input.file().toAbsolutePath().toString())
                + ", auto_detect = false, header = false"
                + ", skip = " + input.linesBeforeData()
                + ", delim = " + Warehouse.quoteLiteral(String.valueOf(input.delimiter()))
                + ", quote = '\"', escape = '\"'"
                + ", columns = " + columns
                + ", max_line_size = 16777216"
                // A converted workbook leaves out empty trailing cells of a row: pad them instead of rejecting the row.
                + (input.lineNumberColumn() > 0 ? ", null_padding = true, parallel = false" : "")
                + ", store_rejects = true, rejects_table = 'load_reject_errors', rejects_scan = 'load_reject_scans')";
    }

    /**
     * DuckDB numbers good records 1..n and reports rejected ones by line; a good record's line is its position
     * among all records once the rejected lines are counted back in.
     */
    private static void numberGoodLines(Warehouse w, DelimitedFile input, long formatRejects, long goodRows) {
        w.execute("""
                CREATE OR REPLACE TEMP TABLE load_good_lines AS
                WITH all_lines AS (
                    SELECT range + 1 AS line_no FROM range(%d, %d + %d + %d)
                )
                SELECT line_no, row_number() OVER (ORDER BY line_no) AS ordinality
                FROM all_lines
                WHERE line_no NOT IN (SELECT DISTINCT line FROM load_reject_errors)
                """.formatted(input.linesBeforeData(), input.linesBeforeData(), goodRows, formatRejects));
    }

    private void insertLoad(Spec spec, Lineage lineage, String status, long read, long loaded, long rejected, String message) {
        warehouse.update("""
                INSERT INTO raw.load (load_id, source, source_file, source_uri, source_sha256, file_format, encoding,
                                      status, rows_read, rows_loaded, rows_rejected, message, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""",
                lineage.loadId(), spec.source(), lineage.sourceFile(), lineage.sourceUri(), lineage.sha256(),
                lineage.fileFormat(), lineage.encoding(), status, read, loaded, rejected, message);
    }

    /** Rejects recorded for one load, in line order (for stewards and tests). */
    public List<Map<String, Object>> rejectsOf(String loadId) {
        return warehouse.query("""
                SELECT line_no, column_name, value_raw, reason FROM raw.reject WHERE load_id = ?
                ORDER BY line_no NULLS FIRST, column_name""",
                rs -> {
                    java.util.LinkedHashMap<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("line_no", rs.getObject(1));
                    row.put("column_name", rs.getString(2));
                    row.put("value_raw", rs.getString(3));
                    row.put("reason", rs.getString(4));
                    return row;
                }, loadId);
    }

}
