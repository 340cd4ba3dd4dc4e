package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Turns every data sheet of a workbook (every sheet with a recognisable header; other sheets holding rows are
 * listed as not loaded, with their row counts) into a UTF-8 CSV per sheet that DuckDB can read, streaming (POI's SAX reader,
 * so large sheets do not fill the heap). Each CSV row starts with its Excel row number, so rejects name the
 * row a steward sees in Excel; empty rows are left out. Typed cells stay typed: a numeric cell (or formula result)
 * is written marked as typed ({@link TypedValues}) with its stored value (never the text its number format shows,
 * so 0.5 formatted {@code 0.000} is {@code 0.5}, not {@code 0,500}), a percentage as Excel shows it (0.25 as 25), a
 * date cell as a typed ISO date; text cells as written (never marked). Merged cells have their value in the top-left
 * cell only.
 */
public final class XlsxToCsv {

    /** The CSV column holding the Excel row number. */
    public static final int ROW_NUMBER_COLUMN = 1;

    private XlsxToCsv() {
    }

    /** A converted sheet and the header found on it (column indexes count the row-number column). */
    public record Sheet(Path csv, String sheetName, HeaderLocator.Header header, long rows) {
    }

    /**
     * The sheets with a header, in workbook order, and every other sheet that holds rows, with its row count: those
     * are not loaded, and the run says so.
     */
    public record Converted(List<Sheet> sheets, List<String> ignoredSheets) {
    }

    public static Converted convert(Path xlsx, Path workDir, SourceColumns columns) throws IOException, HeaderLocator.NoHeaderException {
        List<String> problems = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            // Without a styles part POI would hand numeric cells over as their raw XML text; default styles make every
            // number go through TypedCellFormatter.
            StylesTable styles = reader.getStylesTable() != null ? reader.getStylesTable() : new StylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            int sheetNo = 0;
            List<Sheet> found = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            while (sheets.hasNext()) {
                sheetNo++;
                Path csv = workDir.resolve(xlsx.getFileName() + ".sheet" + sheetNo + ".csv");
                String sheetName;
                RowWriter rows;
                try (InputStream sheet = sheets.next()) {
                    sheetName = sheets.getSheetName();
                    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                         CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                        TypedCellFormatter formatter = new TypedCellFormatter();
                        rows = new RowWriter(printer, formatter);
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, formatter, false));
                        parser.parse(new InputSource(sheet));
                    }
                } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
                    throw new IOException("sheet " + sheetNo + " cannot be read: " + e.getMessage(), e);
                }
                HeaderLocator.Header header = null;
                try {
                    header = HeaderLocator.locate(csv, columns);
                } catch (HeaderLocator.NoHeaderException e) {
                    problems.add("sheet '" + sheetName + "': " + e.getMessage());
                }
                if (header != null) {
                    found.add(new Sheet(csv, sheetName, header, rows.written - header.linesBeforeData()));
                    continue;
                }
                // A sheet without a header is not loaded; if it holds rows it is named, never dropped silently.
                if (rows.written > 0) {
                    ignored.add("sheet '" + sheetName + "' (" + rows.written + " rows, no header)");
                }
                Files.deleteIfExists(csv);
            }
            if (!found.isEmpty()) {
                return new Converted(found, ignored);
            }
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException | RuntimeException e) {
            throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
        }
        throw new HeaderLocator.NoHeaderException(problems.isEmpty() ? "the workbook has no sheets" : String.join("; ", problems));
    }

    /**
     * Writes numeric cells by value, marked as typed: dates as typed ISO dates (2023-03-31, so no day/month order is
     * guessed downstream), percentages as Excel shows them (0.25 as 25), other numbers as typed numbers. POI calls it
     * for numeric cells only, right before it hands the cell to the {@link RowWriter}, which thus knows the cell was
     * typed.
     */
    static final class TypedCellFormatter extends DataFormatter {
        private boolean typed;

        TypedCellFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            typed = true;
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return TypedValues.date(DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate());
            }
            java.math.BigDecimal number = java.math.BigDecimal.valueOf(value);
            return TypedValues.number(TypedValues.isPercentFormat(formatString) ? number.movePointRight(2) : number);
        }

        /** Whether the cell handed over last was typed (and forget it). */
        boolean takeTyped() {
            boolean t = typed;
            typed = false;
            return t;
        }
    }

    /** Writes each non-empty sheet row as a CSV record: Excel row number, then the cells by column. */
    private static final class RowWriter implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final CSVPrinter printer;
        private final TypedCellFormatter formatter;
        private final List<String> cells = new ArrayList<>();
        private int nextColumn;
        private long written;

        RowWriter(CSVPrinter printer, TypedCellFormatter formatter) {
            this.printer = printer;
            this.formatter = formatter;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            cells.add(Integer.toString(rowNum + 1));
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().skip(1).allMatch(String::isBlank)) {
                return;
            }
            try {
                printer.printRecord(cells);
                written++;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            while (cells.size() - 1 < column) {
                cells.add("");
            }
            // a text cell is never taken as typed, whatever it holds
            boolean typed = formatter.takeTyped();
            cells.add(formattedValue == null ? "" : typed ? formattedValue : TypedValues.text(formattedValue));
            nextColumn = column + 1;
        }
    }
}
