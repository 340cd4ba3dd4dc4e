package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed values stay typed: XLSX numeric cells by their value, JSON numbers by the JSON grammar, never re-guessed as text. */
class TypedValuesTest {

    @TempDir
    Path dir;
    Warehouse warehouse;
    SourceFileLoader loader;

    @BeforeEach
    void open() {
        warehouse = TestProject.warehouse(dir);
        loader = new SourceFileLoader(warehouse, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()), dir.resolve("work"));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void typedValuesAreMarkedInPlainFormAndTextNeverCarriesTheMark() {
        assertThat(TypedValues.number(0.5)).isEqualTo(TypedValues.MARK + "0.5");
        assertThat(TypedValues.number(12.345)).isEqualTo(TypedValues.MARK + "12.345");
        assertThat(TypedValues.plain(BigDecimal.valueOf(-999.001))).isEqualTo("-999.001");
        assertThat(TypedValues.plain(BigDecimal.valueOf(1234.567))).isEqualTo("1234.567");
        assertThat(TypedValues.plain(BigDecimal.valueOf(0.001))).isEqualTo("0.001");
        assertThat(TypedValues.plain(BigDecimal.valueOf(2023.0))).isEqualTo("2023");
        assertThat(TypedValues.plain(BigDecimal.valueOf(1.25e6))).isEqualTo("1250000");
        assertThat(TypedValues.plain(BigDecimal.valueOf(1.5e-7))).isEqualTo("0.00000015");
        assertThat(TypedValues.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(TypedValues.date(java.time.LocalDate.of(2023, 3, 31))).isEqualTo(TypedValues.MARK + "2023-03-31");
        assertThat(TypedValues.text(TypedValues.MARK + "1.500")).isEqualTo("1.500");
        assertThat(TypedValues.text("1.500")).isEqualTo("1.500");
        assertThat(TypedValues.isPercentFormat("0.0%")).isTrue();
        assertThat(TypedValues.isPercentFormat("0.0\" %\"")).isFalse();
    }

    @Test
    void theMacrosTakeAMarkedValueAsTypedAndNeverAsEvidenceOrAmbiguous() {
        String m = String.valueOf(TypedValues.MARK);
        List<String> read = warehouse.query("""
                SELECT number_notation(? || '12.345') || ' ' || CAST(parse_quantity(? || '12.345') AS VARCHAR) || ' '
                       || CAST(parse_quantity('12.345', notation := 'dutch') AS VARCHAR) || ' '
                       || CAST(parse_date(? || '2023-03-31') AS VARCHAR) || ' ' || coalesce(CAST(parse_date(? || '45016') AS VARCHAR), 'no date')
                       || ' ' || coalesce(CAST(parse_amount(? || '2023-03-31') AS VARCHAR), 'no number') || ' ' || typed_text(? || '-3.25')""",
                rs -> rs.getString(1), m, m, m, m, m, m);
        assertThat(read).containsExactly("typed 12.345000 12345.000000 2023-03-31 no date no number -3.25");
    }

    /**
     * Typed cells of a column give no evidence of the notation of its text cells: with only typed cells beside it, the
     * text cell 1.500 is ambiguous and rejected; once a text cell 1,5 shows Dutch notation, 1.500 is 1500.
     */
    @Test
    void typedWorkbookCellsGiveNoEvidenceForTheTextCellsOfTheirColumn() throws IOException {
        Path noEvidence = workbook("zonder.xlsx", "1.500");
        RawLoader.Result result = loader.load(noEvidence, null, "zonder");
        assertThat(List.of(result.rowsRead(), result.rowsLoaded(), result.rowsRejected())).as(result.message()).containsExactly(5L, 3L, 2L);
        assertThat(values("zonder")).containsExactly("T-1 0.5", "T-2 12.345", "T-3 1500");
        assertThat(warehouse.rawLoader().rejectsOf("zonder")).extracting(r -> r.get("line_no") + " " + r.get("value_raw") + ": " + r.get("reason"))
                .containsExactly("5 -3.25: negative value -3.25 for electricity_use is not plausible",
                        "6 1.500: ambiguous number '1.500': write 1500 or 1,5");

        Path dutch = workbook("dutch.xlsx", "1.500", "1,5");
        result = loader.load(dutch, null, "dutch");
        assertThat(List.of(result.rowsRead(), result.rowsLoaded())).as("%s", warehouse.rawLoader().rejectsOf("dutch")).containsExactly(6L, 5L);
        assertThat(values("dutch")).containsExactly("T-1 0.5", "T-2 12.345", "T-3 1500", "T-5 1500", "T-6 1.5");
    }

    /** Typed cells 0.5 and 12.345 (format 0.000), 1500, -3.25, then the given text cells, all in the Waarde column. */
    private Path workbook(String name, String... texts) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Resultaten");
            row(s, 0, "Contractnummer", "Leverancier", "Ministerie", "Jaar", "Indicator", "Waarde", "Eenheid");
            CellStyle threeDecimals = style(wb, "0.000");
            value(row(s, 1, "T-1", "Cel B.V.", "AZ", 2023, "electricity_use"), 5, 0.5, threeDecimals);
            value(row(s, 2, "T-2", "Cel B.V.", "AZ", 2023, "electricity_use"), 5, 12.345, threeDecimals);
            row(s, 3, "T-3", "Cel B.V.", "AZ", 2023, "electricity_use", 1500);
            row(s, 4, "T-4", "Cel B.V.", "AZ", 2023, "electricity_use", -3.25);
            for (int i = 0; i < texts.length; i++) {
                row(s, 5 + i, "T-" + (5 + i), "Cel B.V.", "AZ", 2023, "electricity_use", texts[i]);
            }
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                s.getRow(r).createCell(6).setCellValue("MWh");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    /**
     * Round trip: 600 seeded random numbers (scales 0 to 6, negatives among them) written as XLSX numeric cells in
     * several number formats and as JSON numbers load as exactly those numbers (negatives as energy-label scores, the
     * one metric that takes them; the others as MWh).
     */
    @Test
    void randomTypedNumbersLoadAsExactlyTheirValue() throws IOException {
        java.util.Random random = new java.util.Random(16);
        List<BigDecimal> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int scale = random.nextInt(7);
            BigDecimal v = i % 5 == 0
                    // a label score between -3 and 0
                    ? BigDecimal.valueOf(-random.nextInt(3_000_001), 6).setScale(scale, java.math.RoundingMode.DOWN)
                    // up to 9 digits before the point: exact as a double
                    : BigDecimal.valueOf(random.nextLong(1_000_000_000L * (long) Math.pow(10, scale)), scale);
            numbers.add(v);
        }
        numbers.set(1, new BigDecimal("12.345"));
        numbers.set(2, new BigDecimal("1.500"));
        numbers.set(3, new BigDecimal("0.001"));
        numbers.set(5, new BigDecimal("-1.5"));
        Path xlsx = dir.resolve("rond.xlsx");
        StringBuilder json = new StringBuilder("[\n");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Resultaten");
            row(s, 0, "Contractnummer", "Leverancier", "Ministerie", "Jaar", "Indicator", "Waarde", "Eenheid");
            List<CellStyle> formats = List.of(style(wb, "0.000"), style(wb, "#,##0"), style(wb, "General"), style(wb, "#,##0.00"), style(wb, "0.000000"));
            for (int i = 0; i < numbers.size(); i++) {
                BigDecimal v = numbers.get(i);
                String metric = v.signum() < 0 ? "offices_average_label_score" : "electricity_use";
                String unit = v.signum() < 0 ? "label score" : "MWh";
                Row r = value(row(s, i + 1, "R-" + i, "Rond B.V.", "AZ", 2023, metric), 5, v.doubleValue(), formats.get(i % formats.size()));
                r.createCell(6).setCellValue(unit);
                json.append(i == 0 ? "" : ",\n").append("{\"Contractnummer\": \"R-").append(i).append("\", \"Leverancier\": \"Rond B.V.\",")
                        .append(" \"Ministerie\": \"AZ\", \"Jaar\": 2023, \"Indicator\": \"").append(metric).append("\", \"Waarde\": ")
                        .append(v.toPlainString()).append(", \"Eenheid\": \"").append(unit).append("\"}");
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
        }
        Path jsonFile = dir.resolve("rond.json");
        Files.writeString(jsonFile, json.append("\n]\n"), StandardCharsets.UTF_8);
        for (String load : List.of("rond-xlsx", "rond-json")) {
            RawLoader.Result result = loader.load(load.endsWith("xlsx") ? xlsx : jsonFile, null, load);
            assertThat(result.rowsLoaded()).as("%s", warehouse.rawLoader().rejectsOf(load)).isEqualTo(numbers.size());
            List<BigDecimal> loaded = warehouse.query("SELECT value_reported FROM staging.supplier_result WHERE load_id = ? ORDER BY line_no",
                    rs -> rs.getBigDecimal(1), load);
            assertThat(loaded).hasSize(numbers.size());
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(loaded.get(i)).as("%s row %d", load, i).isEqualByComparingTo(numbers.get(i));
            }
        }
    }

    @Test
    void workbookNumericCellsAreTakenByValueNotByTheirDisplayedText() throws IOException {
        Path file = dir.resolve("resultaten.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Resultaten");
            row(s, 0, "Contractnummer", "Leverancier", "Ministerie", "Jaar", "Indicator", "Waarde", "Eenheid");
            CellStyle threeDecimals = style(wb, "0.000");
            value(row(s, 1, "X-1", "Cel B.V.", "AZ", 2023, "electricity_use"), 5, 0.5, threeDecimals);
            value(row(s, 2, "X-2", "Cel B.V.", "AZ", 2023, "gas_use"), 5, 12.345, threeDecimals);
            value(row(s, 3, "X-3", "Cel B.V.", "AZ", 2023, "fuel_diesel"), 5, 1250000, style(wb, "#,##0"));
            value(row(s, 4, "X-4", "Cel B.V.", "AZ", 2023, "fuel_petrol"), 5, 0.001, threeDecimals);
            value(row(s, 5, "X-5", "Cel B.V.", "AZ", 2023.0, "co2_emissions"), 5, 1500.5, style(wb, "#,##0.0"));
            s.getRow(1).createCell(6).setCellValue("MWh");
            s.getRow(2).createCell(6).setCellValue("m3");
            s.getRow(3).createCell(6).setCellValue("l");
            s.getRow(4).createCell(6).setCellValue("l");
            s.getRow(5).createCell(6).setCellValue("kg CO2");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        RawLoader.Result result = loader.load(file, null, "xlsx");
        assertThat(List.of(result.rowsRead(), result.rowsLoaded())).as("%s", warehouse.rawLoader().rejectsOf("xlsx")).containsExactly(5L, 5L);
        assertThat(values("xlsx")).containsExactly("X-1 0.5", "X-2 12.345", "X-3 1250000", "X-4 0.001", "X-5 1500.5");
    }

    @Test
    void jsonNumbersFollowTheJsonGrammarAndAWholeYearWithPointZeroIsAYear() throws IOException {
        Path file = dir.resolve("resultaten.json");
        Files.writeString(file, """
                [
                  {"Contractnummer": "J-1", "Leverancier": "Json B.V.", "Ministerie": "AZ", "Jaar": 2023,
                   "Indicator": "electricity_use", "Waarde": 12.345, "Eenheid": "MWh"},
                  {"Contractnummer": "J-2", "Leverancier": "Json B.V.", "Ministerie": "AZ", "Jaar": 2023.0,
                   "Indicator": "gas_use", "Waarde": 0.001, "Eenheid": "m3"},
                  {"Contractnummer": "J-3", "Leverancier": "Json B.V.", "Ministerie": "AZ", "Jaar": 2023.5,
                   "Indicator": "fuel_diesel", "Waarde": 1, "Eenheid": "l"},
                  {"Contractnummer": "J-4", "Leverancier": "Json B.V.", "Ministerie": "AZ", "Jaar": "2023",
                   "Indicator": "fuel_petrol", "Waarde": 1E+3, "Eenheid": "l"}
                ]
                """, StandardCharsets.UTF_8);
        RawLoader.Result result = loader.load(file, null, "json");
        assertThat(List.of(result.rowsRead(), result.rowsLoaded(), result.rowsRejected())).as(result.message()).containsExactly(4L, 3L, 1L);
        assertThat(values("json")).containsExactly("J-1 12.345", "J-2 0.001", "J-4 1000");
        assertThat(warehouse.rawLoader().rejectsOf("json")).singleElement()
                .satisfies(r -> assertThat(r.get("line_no") + " " + r.get("value_raw") + ": " + r.get("reason"))
                        .isEqualTo("3 2023.5: year '2023.5' is not a year"));
    }

    private List<String> values(String loadId) {
        return warehouse.query("SELECT contract_id || ' ' || CAST(CAST(value_reported AS DOUBLE) AS VARCHAR) FROM staging.result_record"
                + " WHERE load_id = ? ORDER BY line_no", rs -> rs.getString(1).replaceAll("\\.0$", ""), loadId);
    }

    private static CellStyle style(XSSFWorkbook wb, String format) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    private static Row value(Row row, int column, double value, CellStyle style) {
        row.createCell(column).setCellValue(value);
        row.getCell(column).setCellStyle(style);
        return row;
    }

    private static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
        return row;
    }
}
