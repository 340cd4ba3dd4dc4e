package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format equivalence: one logical data set per source, written here in every accepted shape (CSV {@code ;} Dutch in
 * Windows-1252, CSV {@code ,} English in UTF-8, TSV in UTF-16, XLSX with numeric and date cells in several number
 * formats, XLSX with every cell as Dutch text, and JSON for results), loads to the same staging rows and the same
 * rejects. Values include decimals, thousands, a value that is ambiguous on its own (1500 written {@code 1.500} or
 * {@code 1,500}; 12.345 written {@code 12,345} or {@code 12.345}), negative values and dates.
 */
class FormatEquivalenceTest {

    enum Shape { CSV_DUTCH_1252, CSV_ENGLISH_UTF8, TSV_UTF16, XLSX_TYPED, XLSX_TEXT, JSON }

    @TempDir
    Path dir;
    Warehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = TestProject.warehouse(dir);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** A data set: header names and rows of String, Integer (whole numbers), BigDecimal, LocalDate or null. */
    record DataSet(List<String> header, List<List<Object>> rows) {
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void spendLoadsTheSameFromEveryShape() throws IOException {
        DataSet spend = new DataSet(List.of("Ministerie", "Jaar", "Hoofdkostensoort", "Leverancier", "Staffel"), List.of(
                row("Ministerie van Financiën", 2023, "Catering", "Café Brûlée B.V.", 3),
                row("FIN", 2023, "ICT", "Jansen, de Vries & Zn.", 13),
                row("FIN", 2023, "Grond-, weg- en waterbouw", "Totaal", 0),
                row("FIN", 2023, "ICT", "Te hoog B.V.", 14)));
        Map<Shape, Loaded> loaded = loadEveryShape(Source.SPEND.spec(), Source.SPEND.token(), spend, "staging.spend_line",
                List.of(Shape.CSV_DUTCH_1252, Shape.CSV_ENGLISH_UTF8, Shape.TSV_UTF16, Shape.XLSX_TYPED, Shape.XLSX_TEXT));
        assertSame(loaded, 3, List.of("5 staffel"));
    }

    @Test
    void tendersLoadTheSameFromEveryShape() throws IOException {
        DataSet tenders = new DataSet(List.of("TenderNed publicatienummer", "Ministerie", "Type opdracht", "Publicatiedatum",
                "Gunningsdatum", "MVI productgroep", "MVI criteria toegepast", "Geraamde waarde", "Loonsom", "Looptijd (maanden)",
                "Datum mutatie"), List.of(
                row("900001", "IenW", "Diensten", d(2023, 3, 15), d(2023, 6, 1), "Catering", "Ja", n("1234567.89"), n("98765.43"), 24, d(2023, 6, 2)),
                row("900002", "IenW", "Leveringen", d(2023, 12, 31), null, "Kantoormeubilair", "Nee", n("1500"), n("400000"), 6, null),
                row("900003", "Ministerie van Infrastructuur en Waterstaat", "Werken", d(2023, 1, 2), d(2023, 2, 28), "Grond-, weg- en waterbouw",
                        "Ja", n("12.345"), n("0.5"), 36, d(2023, 3, 1)),
                row("900004", "IenW", "Diensten", d(2023, 5, 1), null, "Catering", "Ja", n("-250"), null, 12, null)));
        Map<Shape, Loaded> loaded = loadEveryShape(Source.TENDER.spec(), Source.TENDER.token(), tenders, "staging.tender_record",
                List.of(Shape.CSV_DUTCH_1252, Shape.CSV_ENGLISH_UTF8, Shape.TSV_UTF16, Shape.XLSX_TYPED, Shape.XLSX_TEXT));
        assertSame(loaded, 3, List.of("5 estimated_value"));
        assertThat(warehouse.query("SELECT publication_id || ' ' || estimated_value_eur || ' ' || coalesce(CAST(wage_sum_eur AS VARCHAR), '-')"
                        + " FROM staging.tender_record WHERE load_id = ? ORDER BY line_no", rs -> rs.getString(1), loaded.get(Shape.CSV_DUTCH_1252).loadId()))
                .containsExactly("900001 1234567.89 98765.43", "900002 1500.00 400000.00", "900003 12.35 0.50");
    }

    @Test
    void supplierResultsLoadTheSameFromEveryShape() throws IOException {
        DataSet results = new DataSet(List.of("Contractnummer", "Leverancier", "KvK-nummer", "Ministerie", "Jaar", "Periode van",
                "Periode tot", "Indicator", "Waarde", "Eenheid", "Toelichting", "Rapportagedatum"), List.of(
                row("IenW-2021-0147", "Noordzee Energie B.V.", "01893452", "IenW", 2023, null, null, "electricity_use", n("1234.5"), "MWh",
                        "jaartotaal", d(2024, 3, 8)),
                row("IenW-2021-0147", "Noordzee Energie B.V.", "01893452", "IenW", 2023, null, null, "gas_use", n("1500"), "m3", null, d(2024, 3, 8)),
                row("IenW-2021-0200", "Brandstof & Zn.", "12345678", "IenW", null, d(2023, 1, 1), d(2023, 6, 30), "fuel_diesel", n("12.345"), "l",
                        "eerste helft", d(2023, 7, 15)),
                row("IenW-2021-0300", "Schoonmaak Coöperatie", null, "IenW", 2023, null, null, "participation_jobs", n("0.5"), "FTE", null, null),
                row("IenW-2021-0400", "Negatief B.V.", null, "IenW", 2023, null, null, "co2_emissions", n("-500"), "kg CO2", null, null)));
        Map<Shape, Loaded> loaded = loadEveryShape(Source.RESULT.spec(), Source.RESULT.token(), results, "staging.result_record",
                List.of(Shape.values()));
        assertSame(loaded, 4, List.of("6 value"));
        assertThat(warehouse.query("SELECT metric || ' ' || CAST(CAST(value_reported AS DOUBLE) AS VARCHAR) || ' ' || period_start || ' ' || period_end"
                        + " FROM staging.result_record WHERE load_id = ? ORDER BY line_no", rs -> rs.getString(1), loaded.get(Shape.JSON).loadId()))
                .containsExactly("electricity_use 1234.5 2023-01-01 2023-12-31", "gas_use 1500.0 2023-01-01 2023-12-31",
                        "fuel_diesel 12.345 2023-01-01 2023-06-30", "participation_jobs 0.5 2023-01-01 2023-12-31");
    }

    /** What one shape's load left in staging and raw.reject (lineage columns and line number apart). */
    record Loaded(String loadId, List<String> rows, List<Long> lines, List<String> rejects) {
    }

    /**
     * Every shape loads the same rows (line numbers as the shape counts them: the header is line 1 of a text file and
     * row 1 of a sheet, a JSON record's line is its position) and the same rejects, given as "offset column" with the
     * offset counted from the first data line as 2.
     */
    private void assertSame(Map<Shape, Loaded> loaded, int validRows, List<String> rejects) {
        Loaded first = loaded.values().iterator().next();
        assertThat(first.rows()).as("rows loaded from the first shape").hasSize(validRows);
        loaded.forEach((shape, l) -> {
            assertThat(l.rows()).as("staging rows from %s", shape).isEqualTo(first.rows());
            int offset = shape == Shape.JSON ? -1 : 0;
            assertThat(l.rejects()).as("rejects from %s", shape)
                    .isEqualTo(rejects.stream().map(r -> (Long.parseLong(r.split(" ")[0]) + offset) + " " + r.split(" ", 2)[1]).toList());
            List<Long> expectedLines = new ArrayList<>();
            for (long line = 2; expectedLines.size() < validRows + rejects.size(); line++) {
                expectedLines.add(line + offset);
            }
            List<Long> rejectedLines = l.rejects().stream().map(r -> Long.parseLong(r.split(" ")[0])).toList();
            assertThat(l.lines()).as("line numbers from %s", shape)
                    .isEqualTo(expectedLines.stream().filter(x -> !rejectedLines.contains(x)).toList());
        });
    }

    private Map<Shape, Loaded> loadEveryShape(RawLoader.Spec spec, String source, DataSet data, String staging, List<Shape> shapes)
            throws IOException {
        SourceFileLoader loader = new SourceFileLoader(warehouse, spec, TestProject.columns(source), dir.resolve("work"));
        Map<Shape, Loaded> loaded = new LinkedHashMap<>();
        for (Shape shape : shapes) {
            Path file = write(shape, data, dir.resolve(source + "-" + shape.name().toLowerCase() + extension(shape)));
            String loadId = source + "-" + shape.name().toLowerCase();
            RawLoader.Result result = loader.load(file, null, loadId);
            assertThat(result.status()).as("%s: %s", shape, result.message()).isEqualTo(RawLoader.Status.LOADED);
            // Taken right away: a later shape's load replaces the same spend partitions.
            List<String> rows = warehouse.query("SELECT CAST(s AS VARCHAR) FROM (SELECT * EXCLUDE (load_id, source_file, source_sha256, line_no)"
                    + " FROM " + staging + " WHERE load_id = ? ORDER BY line_no) AS s", rs -> rs.getString(1), loadId);
            List<Long> lines = warehouse.query("SELECT line_no FROM " + staging + " WHERE load_id = ? ORDER BY line_no", rs -> rs.getLong(1), loadId);
            List<String> rejects = warehouse.query("SELECT line_no || ' ' || column_name FROM raw.reject WHERE load_id = ? ORDER BY line_no, column_name",
                    rs -> rs.getString(1), loadId);
            loaded.put(shape, new Loaded(loadId, rows, lines, rejects));
        }
        return loaded;
    }

    private static String extension(Shape shape) {
        return switch (shape) {
            case CSV_DUTCH_1252, CSV_ENGLISH_UTF8 -> ".csv";
            case TSV_UTF16 -> ".tsv";
            case XLSX_TYPED, XLSX_TEXT -> ".xlsx";
            case JSON -> ".json";
        };
    }

    // ---------------------------------------------------------------- writers, one per shape

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter SLASH_DATE = DateTimeFormatter.ofPattern("d/M/yyyy");

    private static Path write(Shape shape, DataSet data, Path file) throws IOException {
        switch (shape) {
            case CSV_DUTCH_1252 -> text(data, file, ';', Charset.forName("windows-1252"), v -> cell(v, dutch(), DUTCH_DATE));
            case CSV_ENGLISH_UTF8 -> text(data, file, ',', StandardCharsets.UTF_8, v -> cell(v, english(), DateTimeFormatter.ISO_LOCAL_DATE));
            case TSV_UTF16 -> text(data, file, '\t', StandardCharsets.UTF_16, v -> cell(v, null, SLASH_DATE));
            case XLSX_TYPED -> workbook(data, file, true);
            case XLSX_TEXT -> workbook(data, file, false);
            case JSON -> json(data, file);
        }
        return file;
    }

    private static DecimalFormat dutch() {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.######", symbols);
    }

    private static DecimalFormat english() {
        return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** A value as text: amounts in the given notation (null: plain), whole numbers plain, dates in the given form. */
    private static String cell(Object value, DecimalFormat numbers, DateTimeFormatter dates) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            return numbers == null ? b.toPlainString() : numbers.format(b);
        }
        if (value instanceof LocalDate date) {
            return dates.format(date);
        }
        return value.toString();
    }

    private static void text(DataSet data, Path file, char delimiter, Charset charset, java.util.function.Function<Object, String> cell)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, charset);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get())) {
            printer.printRecord(data.header());
            for (List<Object> row : data.rows()) {
                printer.printRecord(row.stream().map(cell).toList());
            }
        }
    }

    /** Typed: numbers and dates as numeric cells, amounts in a rotation of number formats; otherwise every cell Dutch text. */
    private static void workbook(DataSet data, Path file, boolean typed) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Data");
            List<CellStyle> amountStyles = new ArrayList<>();
            // Formats that round (#,##0 shows 1234.5 as 1,235; 0.0 shows 12.345 as 12.3): only the typed value is exact.
            for (String format : List.of("#,##0", "0.000", "0.0", "General", "#,##0.00")) {
                CellStyle style = wb.createCellStyle();
                style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(format));
                amountStyles.add(style);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("d-m-yyyy"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < data.header().size(); c++) {
                header.createCell(c).setCellValue(data.header().get(c));
            }
            int amounts = 0;
            for (int r = 0; r < data.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = data.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (!typed) {
                        cell.setCellValue(cell(v, dutch(), DUTCH_DATE));
                    } else if (v instanceof BigDecimal b) {
                        cell.setCellValue(b.doubleValue());
                        cell.setCellStyle(amountStyles.get(amounts++ % amountStyles.size()));
                    } else if (v instanceof Integer i) {
                        cell.setCellValue(i);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** JSON records: numbers as JSON numbers, dates as ISO strings, empty values as null. */
    private static void json(DataSet data, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        for (int r = 0; r < data.rows().size(); r++) {
            sb.append("  {");
            List<Object> values = data.rows().get(r);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                sb.append(c > 0 ? ", " : "").append('"').append(data.header().get(c)).append("\": ");
                if (v == null) {
                    sb.append("null");
                } else if (v instanceof BigDecimal b) {
                    sb.append(b.toPlainString());
                } else if (v instanceof Integer i) {
                    sb.append(i);
                } else {
                    sb.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            sb.append(r < data.rows().size() - 1 ? "},\n" : "}\n");
        }
        Files.writeString(file, sb.append("]\n"), StandardCharsets.UTF_8);
    }
}
