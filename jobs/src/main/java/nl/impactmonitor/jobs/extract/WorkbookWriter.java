package nl.impactmonitor.jobs.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the publication's Excel workbooks (departments/&lt;DEPT&gt;/voortgang.xlsx, the yearly accountability export)
 * with Apache POI, the same way for all: a bold frozen header row with Dutch names, typed cells (numbers as numbers
 * with a format Excel shows in the reader's locale, so 1.234,5 in a Dutch Excel; dates as dates; never a number as
 * text), an autofilter, and byte-identical files for identical content: the document properties carry a fixed
 * date (the data date the caller passes) and the zip entries that POI stamps with the current time are rewritten
 * with that date.
 */
public final class WorkbookWriter implements AutoCloseable {

    /** How a column's values are written. */
    public enum Kind {
        TEXT("@"), INTEGER("#,##0"), DECIMAL("#,##0.0##"), AMOUNT("#,##0"), PERCENT("0.0"), YEAR("0"), DATE("dd-mm-yyyy"), DATETIME("dd-mm-yyyy hh:mm:ss"), YES_NO("@");

        final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    /** A column: Dutch header, kind and width in characters. */
    public record Column(String header, Kind kind, int width) {
        public static Column text(String header, int width) {
            return new Column(header, Kind.TEXT, width);
        }

        public static Column of(String header, Kind kind) {
            return new Column(header, kind, Math.max(12, header.length() + 2));
        }
    }

    /**
     * Streaming: rows beyond the window go to a temporary file. The national accountability export (116,000 goal rows)
     * held in an in-memory XSSFWorkbook filled a 1 GB heap and failed the nightly (measured 2026-12-02).
     */
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
    private static final int ROW_WINDOW = 500;
    private final LocalDate dataDate;
    private final CellStyle header;
    private final CellStyle wrap;
    private final java.util.Map<Kind, CellStyle> styles = new java.util.EnumMap<>(Kind.class);

    /** @param dataDate the date the workbook is of: creation and modification date in its properties and zip entries */
    public WorkbookWriter(LocalDate dataDate) {
        this.dataDate = dataDate;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        for (Kind kind : Kind.values()) {
            CellStyle style = workbook.createCellStyle();
            if (kind != Kind.TEXT && kind != Kind.YES_NO) {
                style.setDataFormat(workbook.createDataFormat().getFormat(kind.format));
            }
            styles.put(kind, style);
        }
    }

    /**
     * A sheet with a frozen header row and one row per entry of {@code rows}; each row's values follow the columns
     * (String, Number, LocalDate, Boolean or null for an empty cell).
     */
    public Sheet table(String name, List<Column> columns, List<List<Object>> rows) {
        return table(name, columns, rows, null);
    }

    private Sheet table(String name, List<Column> columns, List<List<Object>> rows, CellStyle rowStyle) {
        Sheet sheet = workbook.createSheet(name);
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
        }
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = row.createCell(c);
                set(cell, columns.get(c).kind(), c < values.size() ? values.get(c) : null);
                if (rowStyle != null) {
                    cell.setCellStyle(rowStyle);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        if (!columns.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.size()), 0, columns.size() - 1));
        }
        return sheet;
    }

    /** A sheet of text lines in one wide column (explanations), the first line bold and frozen. */
    public Sheet notes(String name, List<String> lines) {
        List<List<Object>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(List.of(line));
        }
        return table(name, List.of(Column.text(lines.get(0), 140)), rows, wrap);
    }

    /** The document title (shown by Excel under File, Info). */
    public void title(String title) {
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
    }

    private void set(Cell cell, Kind kind, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
        } else if (value instanceof LocalDateTime d) {
            cell.setCellValue(d);
        } else if (value instanceof java.sql.Date d) {
            cell.setCellValue(d.toLocalDate());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b ? "ja" : "nee");
        } else {
            cell.setCellValue(value.toString());
        }
        if (value instanceof Number) {
            cell.setCellStyle(styles.get(kind == Kind.TEXT || kind == Kind.YES_NO ? Kind.DECIMAL : kind));
        } else if (value instanceof LocalDateTime) {
            cell.setCellStyle(styles.get(Kind.DATETIME));
        } else if (value instanceof LocalDate || value instanceof java.sql.Date) {
            cell.setCellStyle(styles.get(Kind.DATE));
        }
    }

    /** Writes the workbook to {@code file}: the same content gives the same bytes. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Date fixed = Date.from(dataDate.atStartOfDay().toInstant(ZoneOffset.UTC));
        var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.setCreator("Impactmonitor");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        workbook.write(raw);
        try (OutputStream out = Files.newOutputStream(file)) {
            withFixedEntryTimes(raw.toByteArray(), dataDate.atStartOfDay(), out);
        }
    }

    /** Copies a zip, giving every entry the same local time and no extra fields (POI stamps them with the clock). */
    static void withFixedEntryTimes(byte[] zip, LocalDateTime time, OutputStream target) throws IOException {
        // Read through the central directory (java.util.zip.ZipFile): the streaming workbook writes its entries with
        // data descriptors, which ZipInputStream rejects ("invalid entry size").
        Path file = Files.createTempFile("impactmonitor-workbook-", ".zip");
        try {
            Files.write(file, zip);
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(target)) {
                out.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTimeLocal(time);
                    out.putNextEntry(copy);
                    try (java.io.InputStream entry = in.getInputStream(e)) {
                        entry.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
        workbook.dispose(); // its temporary files
    }
}
