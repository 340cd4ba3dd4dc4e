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
    void plainFormIsExactAndNeverLooksLikeAThousandsGroup() {
        assertThat(TypedValues.number(0.5)).isEqualTo("0.5");
        assertThat(TypedValues.number(12.345)).isEqualTo("12.3450");
        assertThat(TypedValues.number(-999.001)).isEqualTo("-999.0010");
        assertThat(TypedValues.number(1234.567)).isEqualTo("1234.567");
        assertThat(TypedValues.number(0.001)).isEqualTo("0.001");
        assertThat(TypedValues.number(2023.0)).isEqualTo("2023");
        assertThat(TypedValues.number(1.25e6)).isEqualTo("1250000");
        assertThat(TypedValues.number(1.5e-7)).isEqualTo("0.00000015");
        assertThat(TypedValues.number(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(TypedValues.isPercentFormat("0.0%")).isTrue();
        assertThat(TypedValues.isPercentFormat("0.0\" %\"")).isFalse();
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
                .satisfies(r -> assertThat(r.get("line_no") + " " + r.get("reason")).isEqualTo("3 year '2023.5' is not a year"));
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
