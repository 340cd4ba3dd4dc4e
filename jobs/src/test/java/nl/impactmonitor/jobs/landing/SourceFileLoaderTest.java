package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection of encoding, delimiter, workbook layout and department aliases on small files written here. */
class SourceFileLoaderTest {

    @TempDir
    Path dir;
    Warehouse warehouse;
    SourceFileLoader loader;
    int loads;

    @BeforeEach
    void open() {
        warehouse = TestProject.warehouse(dir);
        loader = new SourceFileLoader(warehouse, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private RawLoader.Result load(Path file) throws IOException {
        return loader.load(file, null, "test-" + (++loads));
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, charset);
        return file;
    }

    private List<String> suppliers(String department) {
        return warehouse.query("SELECT supplier_name FROM staging.spend_line WHERE department_code = ? AND NOT is_category_total ORDER BY line_no",
                rs -> rs.getString(1), department);
    }

    @Test
    void costCategoryMatchesItsReferenceNameIgnoringPunctuation() throws IOException {
        // cost_categories.csv spells it 'Grond- weg- en waterbouw'; files write the comma too.
        Path file = write("bzk.csv", """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                BZK;2023;Grond-, weg- en waterbouw;Wegenbouw B.V.;5
                BZK;2023;GROND WEG EN WATERBOUW;Dijkwerk B.V.;4
                """, StandardCharsets.UTF_8);
        assertThat(load(file).rowsLoaded()).isEqualTo(2);
        warehouse.models().buildAll();
        assertThat(warehouse.query("SELECT supplier_name || ' ' || spend_class FROM core.fct_spend_line WHERE department_code = 'BZK' ORDER BY line_no",
                rs -> rs.getString(1))).containsExactly("Wegenbouw B.V. specific", "Dijkwerk B.V. specific");
    }

    @Test
    void windows1252FileKeepsAccentedLetters() throws IOException {
        Path file = write("fin.csv", """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                Ministerie van Financiën;2023;Catering;Café Brûlée Coöperatie;2
                Ministerie van Financiën;2023;Catering;Drieëndertig B.V.;1
                """, Charset.forName("windows-1252"));
        RawLoader.Result result = load(file);
        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(suppliers("FIN")).containsExactly("Café Brûlée Coöperatie", "Drieëndertig B.V.");
        assertThat(warehouse.queryLong("SELECT count(*) FROM raw.load WHERE encoding = 'windows-1252'")).isEqualTo(1);
    }

    @Test
    void utf8WithBomAndCommaDelimiterAndQuotedSeparators() throws IOException {
        Path file = write("az.csv", "\uFEFFDepartement,Boekjaar,Categorie,Leverancier,Staffelcode\r\n"
                + "AZ,2023,ICT,\"Jansen, de Vries & Zn.\",3\r\n"
                + "AZ,2023,ICT,Müller; Schmidt GmbH,1\r\n", StandardCharsets.UTF_8);
        RawLoader.Result result = load(file);
        assertThat(result.rowsRead()).isEqualTo(2);
        assertThat(suppliers("AZ")).containsExactly("Jansen, de Vries & Zn.", "Müller; Schmidt GmbH");
        assertThat(warehouse.queryLong("SELECT count(*) FROM raw.load WHERE encoding = 'UTF-8 (BOM)'")).isEqualTo(1);
    }

    @Test
    void utf16FileIsRead() throws IOException {
        Path file = write("bz.csv", "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\nBZ;2023;ICT;Señor Ñandú;4\n",
                StandardCharsets.UTF_16);
        assertThat(load(file).rowsLoaded()).isEqualTo(1);
        assertThat(suppliers("BZ")).containsExactly("Señor Ñandú");
    }

    @Test
    void departmentAliasesMapToOneCode() throws IOException {
        Path file = write("ienw.csv", """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                I & W;2023;Energie;Leverancier A;5
                I&W;2023;Energie;Leverancier B;5
                IenW;2023;Energie;Leverancier C;5
                Ministerie van Infrastructuur en Waterstaat;2023;Energie;Leverancier D;5
                i & m;2023;Energie;Leverancier E;5
                """, StandardCharsets.UTF_8);
        assertThat(load(file).rowsLoaded()).isEqualTo(5);
        assertThat(suppliers("IenW")).hasSize(5);
    }

    @Test
    void headerNamesAreMatchedThroughAliasesInAnyOrder() throws IOException {
        Path file = write("ocw.csv", """
                LEVERANCIER;Staffel code;Kostensoort;Boekjaar;Departement;Opmerking
                Boekhandel Ödön;2;Communicatie;2022;OCW;extra column is ignored
                """, StandardCharsets.UTF_8);
        assertThat(load(file).rowsLoaded()).isEqualTo(1);
        assertThat(warehouse.query("SELECT hoofdkostensoort || '/' || year || '/' || staffel FROM staging.spend_line",
                rs -> rs.getString(1))).containsExactly("Communicatie/2022/2");
    }

    @Test
    void workbookHeaderBelowTitleRowsAndRejectsNameTheExcelRow() throws IOException {
        Path file = dir.resolve("jenv.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("Inkoopdata");
            sheet.createRow(0).createCell(0).setCellValue("Inkoopdata Ministerie van Justitie en Veiligheid 2023");
            String[] header = {"Ministerie", "Jaar", "Hoofdkostensoort", "Leverancier", "Staffel"};
            XSSFRow h = sheet.createRow(2);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Object[][] rows = {
                    {"Ministerie van Justitie en Veiligheid", 2023, "ICT", "Totaal", 9},
                    {"Ministerie van Justitie en Veiligheid", 2023, "ICT", "Leverancier Één", 8},
                    {"Ministerie van Justitie en Veiligheid", 2023, "ICT", "Leverancier Twee", 15},
            };
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(3 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            wb.write(out);
        }
        RawLoader.Result result = load(file);
        assertThat(result.rowsRead()).isEqualTo(3);
        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId()))
                .extracting(r -> r.get("line_no") + ": " + r.get("reason"))
                .containsExactly("6: staffel '15' is not a band code 0-13");
        assertThat(warehouse.query("SELECT line_no FROM staging.spend_line ORDER BY line_no", rs -> rs.getLong(1))).containsExactly(4L, 5L);
    }

    @Test
    void fileWithoutRecognisableHeaderIsRejectedWithReason() throws IOException {
        Path file = write("wrong.csv", "Naam;Bedrag\nX;100\n", StandardCharsets.UTF_8);
        RawLoader.Result result = load(file);
        assertThat(result.status()).isEqualTo(RawLoader.Status.FILE_REJECTED);
        assertThat(result.message()).startsWith("no header row found in the first 30 lines")
                .contains("no column for 'department'");
    }

    @Test
    void sameContentUnderAnotherNameIsReactivatedWithoutReadingItAgain() throws IOException {
        String text = "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\nAZ;2023;ICT;A;3\nAZ;2023;ICT;B;4\n";
        assertThat(load(write("a.csv", text, StandardCharsets.UTF_8)).status()).isEqualTo(RawLoader.Status.LOADED);
        RawLoader.Result again = load(write("a-copy.csv", text, StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(RawLoader.Status.REACTIVATED);
        assertThat(again.rowsRead()).as("not read again").isZero();
        assertThat(warehouse.queryLong("SELECT count(*) FROM staging.spend_line")).isEqualTo(2);
        assertThat(warehouse.queryLong("SELECT count(*) FROM raw.load WHERE status = 'reactivated'")).isEqualTo(1);
    }

    @Test
    void aLaterArrivalReplacesOnlyThePartitionsItHolds() throws IOException {
        load(write("both.csv", """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                AZ;2023;ICT;A;3
                AZ;2023;ICT;B;4
                AZ;2022;ICT;C;5
                BZ;2023;ICT;D;6
                """, StandardCharsets.UTF_8));
        Path later = write("az-2023-corrected.csv", """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                AZ;2023;ICT;A;2
                """, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(later, java.nio.file.attribute.FileTime.from(
                Files.getLastModifiedTime(dir.resolve("both.csv")).toInstant().plusSeconds(60)));
        RawLoader.Result corrected = load(later);
        assertThat(corrected.partitions()).containsExactly(new RawLoader.Partition("AZ", 2023, 1));
        warehouse.models().buildAll();
        assertThat(warehouse.query("SELECT department_code || ' ' || year || ' ' || supplier_name || ' ' || staffel FROM core.fct_spend_line ORDER BY ALL",
                rs -> rs.getString(1)))
                .containsExactly("AZ 2022 C 5", "AZ 2023 A 2", "BZ 2023 D 6");
    }

    @Test
    void malformedLinesAreRejectedAndLaterLinesKeepTheirNumbers() throws IOException {
        Path file = write("broken.csv", """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                AZ;2023;ICT;A;3
                AZ;2023;ICT;B;4;extra
                AZ;2023;ICT
                AZ;2023;ICT;C;5
                """, StandardCharsets.UTF_8);
        RawLoader.Result result = load(file);
        assertThat(result.rowsRead()).isEqualTo(4);
        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(result.rowsRejected()).isEqualTo(2);
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId())).extracting(r -> r.get("line_no") + ": " + r.get("reason"))
                .containsExactly("3: malformed line: 6 fields where the header has 5", "4: malformed line: 3 fields where the header has 5");
        assertThat(warehouse.query("SELECT line_no FROM staging.spend_line ORDER BY line_no", rs -> rs.getLong(1))).containsExactly(2L, 5L);
    }

    @Test
    void utf8ByteOrderMarkInFrontOfWindows1252TextIsDropped() throws IOException {
        Path file = dir.resolve("bom-cp1252.csv");
        byte[] body = "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\nFIN;2023;Catering;Café Noël;2\n"
                .getBytes(Charset.forName("windows-1252"));
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(file, bytes);
        assertThat(load(file).rowsLoaded()).isEqualTo(1);
        assertThat(suppliers("FIN")).containsExactly("Café Noël");
    }

    @Test
    void workbookRowsWithEmptyTrailingCellsLoad() throws IOException {
        Path file = dir.resolve("short-rows.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("Inkoopdata");
            String[] header = {"Ministerie", "Jaar", "Hoofdkostensoort", "Leverancier", "Staffel", "Opmerking"};
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("AZ");
            row.createCell(1).setCellValue(2023);
            row.createCell(2).setCellValue("ICT");
            row.createCell(3).setCellValue("Leverancier A");
            row.createCell(4).setCellValue(3);
            wb.write(out);
        }
        RawLoader.Result result = load(file);
        assertThat(result.rowsLoaded()).as(result.message()).isEqualTo(1);
        assertThat(result.rowsRejected()).isZero();
    }
}
