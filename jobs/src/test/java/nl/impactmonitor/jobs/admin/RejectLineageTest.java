package nl.impactmonitor.jobs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.warehouse.Warehouse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The rejects views (API rows, CSV columns, the cockpit's rejects table) name the workbook sheet of a rejected Excel row
 * and the line where a rejected JSON record starts (raw.reject.sheet_name and start_line), so a steward finds the row.
 */
class RejectLineageTest {

    @TempDir
    Path dir;

    @Test
    void rejectsNameTheSheetOfAWorkbookRowAndTheStartLineOfAJsonRecord() throws IOException {
        try (Warehouse warehouse = TestProject.warehouse(dir)) {
            SourceFileLoader loader = new SourceFileLoader(warehouse, Source.RESULT.spec(),
                    TestProject.columns(Source.RESULT.token()), dir.resolve("work"));
            Path xlsx = dir.resolve("resultaten.xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                sheet(wb, "Resultaten 2022", "2022", "10");
                sheet(wb, "Resultaten 2023", "2023", "veel");
                try (OutputStream out = Files.newOutputStream(xlsx)) {
                    wb.write(out);
                }
            }
            loader.load(xlsx, null, "wb");
            Path json = dir.resolve("resultaten.json");
            Files.writeString(json, """
                    [
                      {"Contractnummer": "J-1", "Leverancier": "Json B.V.", "Ministerie": "AZ", "Jaar": 2023,
                       "Indicator": "electricity_use", "Waarde": 1, "Eenheid": "MWh"},

                      {"Contractnummer": "J-2", "Leverancier": "Json B.V.", "Ministerie": "AZ", "Jaar": 2023,
                       "Indicator": "electricity_use", "Waarde": "veel", "Eenheid": "MWh"}
                    ]
                    """, StandardCharsets.UTF_8);
            loader.load(json, null, "js");

            CockpitQueries cockpit = new CockpitQueries(warehouse, null, null, null, "BATCH_");
            CockpitQueries.Rejects rejects = cockpit.rejects(new CockpitQueries.RejectFilter(null, "result", null, null, null, null), 0, 50);
            assertThat(rejects.rows()).extracting(r -> r.file() + " " + r.sheet() + " " + r.line() + " " + r.startLine() + " " + r.reason())
                    .containsExactly("resultaten.json null 2 5 value 'veel' is not a number",
                            "resultaten.xlsx Resultaten 2023 3 null value 'veel' is not a number");

            ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/");
            resolver.setSuffix(".html");
            resolver.setTemplateMode(TemplateMode.HTML);
            SpringTemplateEngine engine = new SpringTemplateEngine();
            engine.setTemplateResolver(resolver);
            Context context = new Context();
            context.setVariables(Map.of("rejects", rejects, "links", new CockpitPageController.RejectLinks("/admin/rejects", "/admin/rejects.csv", null, null)));
            String html = engine.process("admin/cockpit", Set.of("rejects"), context).replaceAll("\\s+", " ");
            assertThat(html).contains("<span>resultaten.xlsx</span><br><span class=\"muted small\"><span class=\"nl\">blad</span>"
                    + "<span class=\"en\" lang=\"en\">sheet</span> <span>Resultaten 2023</span>");
            assertThat(html).contains("<span>2</span><br><span class=\"muted small\"><span class=\"nl\">begint op regel</span>"
                    + "<span class=\"en\" lang=\"en\">starts on line</span> <span>5</span>");
        }
    }

    /** A sheet of supplier results for AZ: a header and two rows, the second with the given value. */
    private static void sheet(XSSFWorkbook wb, String name, String year, String value) {
        Sheet s = wb.createSheet(name);
        row(s, 0, "Contractnummer", "Leverancier", "Ministerie", "Jaar", "Indicator", "Waarde", "Eenheid");
        row(s, 1, "X-1", "Cel B.V.", "AZ", year, "electricity_use", "5", "MWh");
        row(s, 2, "X-2", "Cel B.V.", "AZ", year, "electricity_use", value, "MWh");
    }

    private static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
        return row;
    }
}
