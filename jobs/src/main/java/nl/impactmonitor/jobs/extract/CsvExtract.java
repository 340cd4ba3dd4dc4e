package nl.impactmonitor.jobs.extract;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

import nl.impactmonitor.warehouse.Warehouse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a query result as CSV for Dutch Excel: {@code ;} separator, UTF-8 with BOM, CRLF line ends, decimal
 * comma and no thousands separator (24,8; 1500000), dates as yyyy-mm-dd, empty cell for a missing value. A text
 * cell that Excel would run as a formula (starting with {@code = + - @}, tab or CR) gets a leading apostrophe,
 * so it stays text.
 */
public final class CsvExtract {

    public static final CSVFormat DUTCH_EXCEL = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n").get();

    private CsvExtract() {
    }

    public static void write(Warehouse warehouse, String sql, Path target, Object... params) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path partial = target.resolveSibling("." + target.getFileName() + ".part");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(out, DUTCH_EXCEL)) {
                out.write('\uFEFF');
                boolean[] headerWritten = {false};
                warehouse.forEachRow(sql, rs -> {
                    ResultSetMetaData md = rs.getMetaData();
                    if (!headerWritten[0]) {
                        List<String> header = new ArrayList<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            header.add(md.getColumnLabel(i));
                        }
                        printer.printRecord(header);
                        headerWritten[0] = true;
                    }
                    List<String> row = new ArrayList<>(md.getColumnCount());
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.add(cell(value));
                    }
                    printer.printRecord(row);
                }, params);
            }
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a query's result as one CSV file per value of its leading key columns, in one pass: the query must be
     * ordered by the key first; the key columns are not written. Returns the files written, in key order.
     */
    public static List<Path> writePerKey(Warehouse warehouse, String sql, int keyColumns, java.util.function.Function<List<String>, Path> target) {
        List<Path> written = new ArrayList<>();
        Object[] current = {null, null, null, null};   // key, writer, printer, target
        try {
            warehouse.forEachRow(sql, rs -> {
                ResultSetMetaData md = rs.getMetaData();
                List<String> key = new ArrayList<>(keyColumns);
                for (int i = 1; i <= keyColumns; i++) {
                    key.add(rs.getString(i));
                }
                try {
                    if (!key.equals(current[0])) {
                        closePart(current, written);
                        Path file = target.apply(key);
                        Files.createDirectories(file.toAbsolutePath().getParent());
                        Writer out = Files.newBufferedWriter(file.resolveSibling("." + file.getFileName() + ".part"), StandardCharsets.UTF_8);
                        out.write('\uFEFF');
                        CSVPrinter printer = new CSVPrinter(out, DUTCH_EXCEL);
                        List<String> header = new ArrayList<>();
                        for (int i = keyColumns + 1; i <= md.getColumnCount(); i++) {
                            header.add(md.getColumnLabel(i));
                        }
                        printer.printRecord(header);
                        current[0] = key;
                        current[1] = out;
                        current[2] = printer;
                        current[3] = file;
                    }
                    List<String> row = new ArrayList<>(md.getColumnCount());
                    for (int i = keyColumns + 1; i <= md.getColumnCount(); i++) {
                        row.add(cell(rs.getObject(i)));
                    }
                    ((CSVPrinter) current[2]).printRecord(row);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            closePart(current, written);
        } catch (IOException | RuntimeException e) {
            throw new java.io.UncheckedIOException("Cannot write CSV extracts: " + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        return written;
    }

    private static void closePart(Object[] current, List<Path> written) throws IOException {
        if (current[2] == null) {
            return;
        }
        ((CSVPrinter) current[2]).close();
        Path file = (Path) current[3];
        Files.move(file.resolveSibling("." + file.getFileName() + ".part"), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        written.add(file);
        current[2] = null;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return neutraliseFormula(s);
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString().replace('.', ',');
        }
        if (value instanceof Double || value instanceof Float) {
            return java.math.BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString().replace('.', ',');
        }
        return value.toString();
    }

    static String neutraliseFormula(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
