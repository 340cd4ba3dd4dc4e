package nl.impactmonitor.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.warehouse.Warehouse;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publication's workbooks read back with POI: departments/&lt;DEPT&gt;/voortgang.xlsx (Dutch headers, typed cells,
 * frozen header, byte-identical for identical inputs) and the yearly accountability export (every goal and theme
 * once per scope, the audit sheet equal to the manifest's inputs, the data version following the inputs).
 */
class WorkbooksIT {

    @TempDir
    static Path dir;

    static Warehouse first;
    static Warehouse second;
    static Publisher.Publication a;
    static Publisher.Publication b;

    static final List<String> SPEND = List.of("inkoopdata-2023-AZ.csv", "inkoopdata-2023-FIN.csv", "inkoopdata-2023-JenV.xlsx");
    static final List<String> TENDERS = List.of("mvi-zet-2023-AZ.csv", "mvi-zet-2023-IenW.csv", "mvi-zet-2023-IenW-rectificatie.csv");
    static final List<String> RESULTS = List.of("results-2023-JenV.csv", "results-2023-VWS.csv");

    /** A warehouse built from a few sample files of each source, as a run would build it. */
    static Warehouse warehouse(String name) throws IOException {
        Warehouse w = TestProject.warehouse(Files.createDirectories(dir.resolve(name)));
        SourceFileLoader spend = new SourceFileLoader(w, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"));
        SourceFileLoader tenders = new SourceFileLoader(w, Source.TENDER.spec(), TestProject.columns(Source.TENDER.token()), dir.resolve("work"));
        SourceFileLoader results = new SourceFileLoader(w, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()), dir.resolve("work"));
        int n = 0;
        for (String f : SPEND) {
            spend.load(TestProject.SAMPLES.resolve(f), null, name + "-" + (++n));
        }
        for (String f : TENDERS) {
            tenders.load(TestProject.TENDER_SAMPLES.resolve(f), null, name + "-" + (++n));
        }
        for (String f : RESULTS) {
            results.load(TestProject.RESULT_SAMPLES.resolve(f), null, name + "-" + (++n));
        }
        w.models().buildAll();
        return w;
    }

    @BeforeAll
    static void publishTwice() throws IOException {
        Publisher publisher = new Publisher(PublisherIT.SIMPLE_REPORT, 5, "test");
        first = warehouse("first");
        a = publisher.publish(first, dir.resolve("out-a"), "20261127T010000-e1");
        second = warehouse("second");
        b = publisher.publish(second, dir.resolve("out-b"), "20261127T020000-e2");
    }

    @AfterAll
    static void close() {
        first.close();
        second.close();
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> headers(Sheet sheet) {
        List<String> names = new ArrayList<>();
        for (Cell c : sheet.getRow(0)) {
            names.add(c.getStringCellValue());
        }
        return names;
    }

    /** The sheet's rows as header name to cell, the header row left out. */
    static List<Map<String, Cell>> rows(Sheet sheet) {
        List<String> headers = headers(sheet);
        List<Map<String, Cell>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<String, Cell> cells = new HashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                cells.put(headers.get(c), row.getCell(c));
            }
            rows.add(cells);
        }
        return rows;
    }

    static String text(Cell c) {
        return c == null ? "" : c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue()) : c.getStringCellValue();
    }

    @Test
    void voortgangHasDutchHeadersTypedCellsAndAFrozenHeaderRow() throws IOException {
        Path file = a.dir().resolve("departments/IenW/voortgang.xlsx");
        assertThat(file).exists();
        assertThat(a.dir().resolve("rijk/voortgang.xlsx")).exists();
        try (XSSFWorkbook wb = open(file)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Toelichting");
            assertThat(List.of(wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4)))
                    .containsExactly("Effectdoelen", "Inspanningsdoelen", "Uitgaven", "Voetafdruk");
            assertThat(headers(wb.getSheet("Effectdoelen"))).startsWith("Jaar", "Doel-id", "Doel", "Thema", "Maatstaf", "Eenheid", "Status",
                    "Toelichting status", "Waarde", "Nulmeting jaar", "Nulmeting", "Traject", "Doeljaar", "Doelwaarde");
            assertThat(headers(wb.getSheet("Inspanningsdoelen"))).startsWith("Jaar", "Doel-id", "Doel", "Thema", "Status",
                    "Toelichting status", "Aandeel %", "Streefwaarde %");
            assertThat(headers(wb.getSheet("Uitgaven"))).containsExactly("Jaar", "Soort inkoop", "Minimum (EUR)", "Middenwaarde (EUR)",
                    "Maximum (EUR)", "Status", "Toelichting status");
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                assertThat(sheet.getPaneInformation()).as(sheet.getSheetName() + " pane").isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 1);
                // no number written as text anywhere
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING) {
                            assertThat(c.getStringCellValue()).as(sheet.getSheetName() + " " + c.getAddress())
                                    .doesNotMatch("\\s*-?[0-9][0-9.,]*\\s*");
                        }
                    }
                }
            }
            // IenW's input goal I in 2023 (tenders loaded): a number cell with the share; the year a number too
            List<Map<String, Cell>> input = rows(wb.getSheet("Inspanningsdoelen"));
            assertThat(input).isNotEmpty();
            Map<String, Cell> goalI = input.stream().filter(r -> text(r.get("Doel-id")).equals("input_I")).findFirst().orElseThrow();
            assertThat(goalI.get("Jaar").getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(goalI.get("Jaar").getNumericCellValue()).isEqualTo(2023.0);
            assertThat(goalI.get("Aandeel %").getCellType()).isEqualTo(CellType.NUMERIC);
            BigDecimalRow expected = share(first, "IenW", "input_I", 2023);
            assertThat(goalI.get("Aandeel %").getNumericCellValue()).isEqualTo(expected.value());
            assertThat(goalI.get("Aandeel %").getCellStyle().getDataFormatString()).isEqualTo("0.0");
            // the explanation names the sample data and carries the data date as a date cell? it is text; the audit has dates
            String explanation = text(wb.getSheet("Toelichting").getRow(1).getCell(0));
            assertThat(explanation).startsWith("LET OP: VOORBEELDGEGEVENS");
            assertThat(wb.getProperties().getCoreProperties().getTitle()).startsWith("VOORBEELDGEGEVENS");
            assertThat(wb.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(DepartmentWorkbooks.dataDate(first).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
        }
        // spend: AZ 2023 total as number cells, min <= mid <= max
        try (XSSFWorkbook wb = open(a.dir().resolve("departments/AZ/voortgang.xlsx"))) {
            List<Map<String, Cell>> spend = rows(wb.getSheet("Uitgaven"));
            assertThat(spend).isNotEmpty();
            for (Map<String, Cell> r : spend) {
                assertThat(r.get("Minimum (EUR)").getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(r.get("Middenwaarde (EUR)").getNumericCellValue()).isGreaterThanOrEqualTo(r.get("Minimum (EUR)").getNumericCellValue());
            }
            assertThat(spend.get(0).get("Minimum (EUR)").getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }
    }

    record BigDecimalRow(double value) {
    }

    static BigDecimalRow share(Warehouse w, String department, String goal, int year) {
        return w.query("SELECT CAST(actual_value AS DOUBLE) FROM marts.rpt_department_progress WHERE department_code = ? AND goal_id = ? AND year = ?",
                rs -> new BigDecimalRow(rs.getDouble(1)), department, goal, year).get(0);
    }

    @Test
    void identicalInputsGiveByteIdenticalWorkbooksWithFixedZipTimes() throws IOException {
        Map<String, byte[]> filesA = workbooks(a.dir());
        Map<String, byte[]> filesB = workbooks(b.dir());
        assertThat(filesA.keySet()).isEqualTo(filesB.keySet()).contains("departments/IenW/voortgang.xlsx", "rijk/voortgang.xlsx");
        for (String f : filesA.keySet()) {
            assertThat(filesB.get(f)).as(f).isEqualTo(filesA.get(f));
        }
        LocalDate dataDate = DepartmentWorkbooks.dataDate(first);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(a.dir().resolve("departments/IenW/voortgang.xlsx")))) {
            int entries = 0;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(dataDate.atStartOfDay());
                entries++;
            }
            assertThat(entries).isGreaterThan(5);
        }
        // the export differs between the runs only by the run id: same data version
        assertThat(a.dataVersion()).isEqualTo(b.dataVersion());
    }

    static Map<String, byte[]> workbooks(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals(DepartmentWorkbooks.FILE)).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void yearlyExportHasEveryGoalAndThemeOncePerScope() throws IOException {
        Path xlsx = a.dir().resolve("verantwoording/verantwoording-2023.xlsx");
        assertThat(xlsx).exists();
        assertThat(a.dir().resolve("verantwoording/verantwoording-2023.html")).exists();
        List<String> catalogue = first.query("SELECT goal_id FROM ref.goal UNION ALL SELECT 'input_' || goal_id FROM ref.input_goal ORDER BY 1",
                rs -> rs.getString(1));
        List<String> themes = first.query("SELECT DISTINCT theme_strategy FROM ref.theme_crosswalk ORDER BY 1", rs -> rs.getString(1));
        List<String> scopes = first.query("SELECT DISTINCT department_code FROM marts.rpt_department_progress ORDER BY 1", rs -> rs.getString(1));
        assertThat(themes).contains("living_environment", "wellbeing_health", "innovation").hasSize(7);
        assertThat(scopes).contains("RIJK", "IenW", "AZ");
        try (XSSFWorkbook wb = open(xlsx)) {
            Map<String, List<String>> goalsPerScope = new TreeMap<>();
            for (Map<String, Cell> r : rows(wb.getSheet("Doelen"))) {
                goalsPerScope.computeIfAbsent(text(r.get("Bestuursniveau")), k -> new ArrayList<>()).add(text(r.get("Doel-id")));
                assertThat(r.get("Jaar").getNumericCellValue()).isEqualTo(2023.0);
                assertThat(text(r.get("Statusregel"))).isNotBlank();
                assertThat(text(r.get("Run"))).isEqualTo("20261127T010000-e1");
                assertThat(text(r.get("Gegevensversie"))).isEqualTo(a.dataVersion());
            }
            assertThat(goalsPerScope.keySet()).containsExactlyInAnyOrderElementsOf(scopes);
            goalsPerScope.forEach((scope, goals) -> assertThat(goals).as(scope).containsExactlyInAnyOrderElementsOf(catalogue));
            Map<String, List<String>> themesPerScope = new TreeMap<>();
            for (Map<String, Cell> r : rows(wb.getSheet("Thema's"))) {
                themesPerScope.computeIfAbsent(text(r.get("Bestuursniveau")), k -> new ArrayList<>()).add(text(r.get("Thema-code")));
            }
            List<String> expectedThemes = new ArrayList<>(themes);
            expectedThemes.add("all");
            assertThat(themesPerScope.keySet()).containsExactlyInAnyOrderElementsOf(scopes);
            themesPerScope.forEach((scope, t) -> assertThat(t).as(scope).containsExactlyInAnyOrderElementsOf(expectedThemes));
            // leefomgeving has no goal at all: geen meetbaar doel, for RIJK as for every ministry
            Map<String, Cell> living = rows(wb.getSheet("Thema's")).stream()
                    .filter(r -> text(r.get("Bestuursniveau")).equals("RIJK") && text(r.get("Thema-code")).equals("living_environment"))
                    .findFirst().orElseThrow();
            assertThat(living.get("Doelen").getNumericCellValue()).isZero();
            assertThat(text(living.get("Toelichting"))).startsWith("geen meetbaar doel");
            // a qualitative goal shows as geen meetbaar doel
            Map<String, Cell> innovation = rows(wb.getSheet("Doelen")).stream()
                    .filter(r -> text(r.get("Bestuursniveau")).equals("IenW") && text(r.get("Doel-id")).equals("innovation_launching_customer"))
                    .findFirst().orElseThrow();
            assertThat(text(innovation.get("Status"))).isEqualTo("geen meetbaar doel");
            // IenW's input goal I: lineage names the two IenW tender files that count (the rectification supersedes per partition)
            Map<String, Cell> inputI = rows(wb.getSheet("Doelen")).stream()
                    .filter(r -> text(r.get("Bestuursniveau")).equals("IenW") && text(r.get("Doel-id")).equals("input_I"))
                    .findFirst().orElseThrow();
            assertThat(text(inputI.get("Invoerbron"))).isEqualTo("tender");
            assertThat(text(inputI.get("Invoerbestanden"))).contains("mvi-zet-2023-IenW").doesNotContain("AZ");
            assertThat(inputI.get("Waarde").getNumericCellValue()).isEqualTo(share(first, "IenW", "input_I", 2023).value());
        }
        String html = Files.readString(a.dir().resolve("verantwoording/verantwoording-2023.html"));
        for (String scope : scopes) {
            assertThat(html).contains("<section class=\"scope\" id=\"" + scope + "\">");
        }
        assertThat(html).contains("@page", "counter(page)", "Leefomgeving", "geen meetbaar doel", a.dataVersion())
                .doesNotContain("http://", "https://", "<script", "<link", "<img");
    }

    @Test
    void auditSheetListsTheManifestsInputsAndAChangedInputChangesTheDataVersion() throws IOException {
        JsonNode manifest = JsonMapper.builder().build().readTree(a.dir().resolve("manifest.json").toFile());
        Set<String> manifestInputs = new HashSet<>();
        for (JsonNode i : manifest.path("inputs")) {
            manifestInputs.add(i.path("source").asString() + " " + i.path("file").asString() + " " + i.path("sha256").asString() + " " + i.path("rows_supplied").asLong());
        }
        assertThat(manifestInputs).hasSizeGreaterThanOrEqualTo(SPEND.size() + RESULTS.size() + 1);
        try (XSSFWorkbook wb = open(a.dir().resolve("verantwoording/verantwoording-2023.xlsx"))) {
            Set<String> audit = new HashSet<>();
            for (Map<String, Cell> r : rows(wb.getSheet("Audit"))) {
                audit.add(text(r.get("Bron")) + " " + text(r.get("Bestand")) + " " + text(r.get("sha256")) + " " + (long) r.get("Rijen gebruikt").getNumericCellValue());
                assertThat(text(r.get("Run"))).isEqualTo(manifest.path("run_id").asString());
                assertThat(text(r.get("Gegevensversie"))).isEqualTo(manifest.path("data_version").asString());
                assertThat(text(r.get("Codeversie"))).isEqualTo("test");
                assertThat(r.get("Aangekomen").getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(r.get("Aangekomen"))).isTrue();
            }
            assertThat(audit).isEqualTo(manifestInputs);
        }
        // one more spend file: a new data version, in the manifest, the workbook and the print page alike
        SourceFileLoader spend = new SourceFileLoader(second, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"));
        spend.load(TestProject.SAMPLES.resolve("inkoopdata-2023-AZ.csv").resolveSibling(firstOtherSpendFile()), null, "second-extra");
        second.models().buildAll();
        Publisher.Publication c = new Publisher(PublisherIT.SIMPLE_REPORT, 5, "test").publish(second, dir.resolve("out-b"), "20261127T030000-e3");
        assertThat(c.dataVersion()).isNotEqualTo(a.dataVersion());
        JsonNode changed = JsonMapper.builder().build().readTree(c.dir().resolve("manifest.json").toFile());
        assertThat(changed.path("data_version").asString()).isEqualTo(c.dataVersion());
        try (XSSFWorkbook wb = open(c.dir().resolve("verantwoording/verantwoording-2023.xlsx"))) {
            for (Map<String, Cell> r : rows(wb.getSheet("Audit"))) {
                assertThat(text(r.get("Gegevensversie"))).isEqualTo(c.dataVersion());
            }
            assertThat(rows(wb.getSheet("Audit"))).hasSize(manifestInputs.size() + 1);
        }
        String html = Files.readString(c.dir().resolve("verantwoording/verantwoording-2023.html"));
        assertThat(html).contains(c.dataVersion()).doesNotContain(a.dataVersion());
    }

    /** A 2023 spend sample not loaded yet. */
    static String firstOtherSpendFile() throws IOException {
        try (Stream<Path> s = Files.list(TestProject.SAMPLES)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("inkoopdata-2023-") && !SPEND.contains(n)).sorted()
                    .findFirst().orElseThrow();
        }
    }
}
