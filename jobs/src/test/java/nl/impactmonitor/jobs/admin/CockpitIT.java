package nl.impactmonitor.jobs.admin;

import static nl.impactmonitor.jobs.admin.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.impactmonitor.jobs.JobTestSupport;
import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.cli.CommandLine;
import nl.impactmonitor.jobs.cli.GridText;
import nl.impactmonitor.jobs.operations.RunService;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.jobs.system.WarehouseWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The stewards' cockpit (issue 23) on the bundled samples, loaded once by a nightly run through the API: the partition
 * grid (page, API and command line alike), a partition's history, the run's data tests with the WARN one's failing rows,
 * the rejects browser and its CSV in the Dutch Excel dialect, and the schedule and publication panel. Real HTTP on a
 * random port, real H2 job repository and DuckDB warehouse in a temp folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CockpitIT {

    static final String VIEWER = "viewer:viewer-pw";
    static final String STEWARD = "steward:steward-pw";

    @TempDir
    static Path home;

    /** The cost category this test leaves out of the reference data, so that the WARN data test fires on the samples. */
    static final String UNMAPPED = "Bedrijfskleding";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        JobTestSupport.register(registry, home, TestProject.SAMPLES, TestProject.TENDER_SAMPLES, TestProject.RESULT_SAMPLES);
        // The project's reference data less one cost category: data test spend_cost_category_is_mapped (severity warn) then
        // finds it unmapped wherever the samples use it; the publication goes ahead.
        Path reference = Files.createDirectories(home.resolve("reference"));
        try (var files = Files.list(TestProject.REFERENCE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, reference.resolve(f.getFileName()));
            }
        }
        Path categories = reference.resolve("cost_categories.csv");
        Files.write(categories, Files.readAllLines(categories).stream().filter(l -> !l.startsWith(UNMAPPED + ",")).toList());
        registry.add("impactmonitor.reference-dir", reference::toString);
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("impactmonitor.security.users[0].name", () -> "steward");
        registry.add("impactmonitor.security.users[0].password", () -> "{noop}steward-pw");
        registry.add("impactmonitor.security.users[0].roles[0]", () -> "STEWARD");
        registry.add("impactmonitor.security.users[1].name", () -> "viewer");
        registry.add("impactmonitor.security.users[1].password", () -> "{noop}viewer-pw");
        registry.add("impactmonitor.security.users[1].roles[0]", () -> "VIEWER");
    }

    @LocalServerPort
    int port;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    List<Job> jobs;
    @Autowired
    ImpactmonitorProperties props;
    @Autowired
    RunService runService;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    WarehouseWriter writer;
    @Autowired
    CockpitQueries cockpit;
    @Autowired
    nl.impactmonitor.jobs.reference.ReferenceData referenceData;
    @Autowired
    nl.impactmonitor.warehouse.Warehouse warehouse;
    @Autowired
    JdbcTemplate jdbc;

    AdminHttp http;
    static long nightlyId;

    @BeforeEach
    void loadTheSamplesOnce() {
        http = new AdminHttp(port);
        if (nightlyId != 0) {
            return;
        }
        HttpResponse<String> start = http.post("/admin/api/nightly", STEWARD);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
        long id = json(start).path("executionId").asLong();
        // The nightly on all samples takes about 3 minutes on a busy 2-core machine: allow 10.
        assertThat(http.awaitEnd(id, VIEWER, Duration.ofMinutes(10)).path("status").asString()).isEqualTo("COMPLETED");
        nightlyId = id;
    }

    /** (source department year) -> state, from the API's grid. */
    private Map<String, String> apiGrid() {
        HttpResponse<String> r = http.get("/admin/api/partitions", VIEWER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, String> states = new TreeMap<>();
        for (JsonNode source : json(r).path("sources")) {
            for (JsonNode row : source.path("rows")) {
                for (JsonNode cell : row.path("cells")) {
                    states.put(cell.path("source").asString() + " " + cell.path("department").asString() + " " + cell.path("year").asInt(),
                            cell.path("state").asString());
                }
            }
        }
        return states;
    }

    private static List<String> withState(Map<String, String> grid, String state) {
        return grid.entrySet().stream().filter(e -> e.getValue().equals(state)).map(Map.Entry::getKey).toList();
    }

    /** The twelve ministries of the samples (evaluation Appendix 1). */
    static final List<String> MINISTRIES = List.of("AZ", "BZ", "BZK", "DEF", "EZK", "FIN", "IenW", "JenV", "LNV", "OCW", "SZW", "VWS");

    @Test
    void theGridShowsExactlyTheUndeliveredPartitionsAsMissingAndTheSeededRejects() {
        Map<String, String> grid = apiGrid();

        // samples/README.md: no MVI-ZET export for SZW 2022 and LNV 2023; no supplier results for AZ 2021 and OCW 2021-2023;
        // spend for 2019 (Figure 1's year), 2022 and 2023 only, so 2020 and 2021 are missing for every ministry.
        List<String> expectedMissing = new ArrayList<>(List.of("tender SZW 2022", "tender LNV 2023",
                "result AZ 2021", "result OCW 2021", "result OCW 2022", "result OCW 2023"));
        for (String ministry : MINISTRIES) {
            expectedMissing.add("spend " + ministry + " 2020");
            expectedMissing.add("spend " + ministry + " 2021");
        }
        assertThat(withState(grid, CockpitQueries.MISSING)).containsExactlyInAnyOrderElementsOf(expectedMissing);
        // Bad rows are seeded in spend 2023 VWS (5) and 2022 SZW (2), tender 2023 VWS (5) and results 2023 VWS (7).
        assertThat(withState(grid, CockpitQueries.WITH_REJECTS)).containsExactlyInAnyOrder(
                "spend VWS 2023", "spend SZW 2022", "tender VWS 2023", "result VWS 2023");
        assertThat(withState(grid, CockpitQueries.FAILED)).isEmpty();
        // KGG and VRO exist from 2024 only: not rows of a grid that ends in 2023.
        assertThat(grid.keySet()).noneMatch(k -> k.contains(" KGG ") || k.contains(" VRO "));
        // Spend 2019-2023 (2020 and 2021 missing) and tenders 2022-2023 for the 12 departments; results 2021-2023.
        assertThat(grid.keySet().stream().filter(k -> k.startsWith("spend "))).hasSize(60);
        assertThat(grid.keySet().stream().filter(k -> k.startsWith("result "))).hasSize(36);

        CockpitQueries.Grid g = cockpit.grid();
        CockpitQueries.Cell vws = g.cell("spend", "VWS", 2023).orElseThrow();
        assertThat(vws.rowsRejected()).isEqualTo(5);
        assertThat(vws.files()).isEqualTo("inkoopdata-2023-VWS.csv");
        assertThat(g.cell("spend", "SZW", 2022).orElseThrow().rowsRejected()).isEqualTo(2);
        assertThat(g.cell("tender", "VWS", 2023).orElseThrow().rowsRejected()).isEqualTo(5);
        assertThat(g.cell("result", "VWS", 2023).orElseThrow().rowsRejected()).isEqualTo(7);
        // Two current tender files for IenW 2023: the export and its rectification (both count).
        assertThat(g.cell("tender", "IenW", 2023).orElseThrow().current()).extracting(CockpitQueries.Supplier::file)
                .containsExactlyInAnyOrder("mvi-zet-2023-IenW.csv", "mvi-zet-2023-IenW-rectificatie.csv");
        CockpitQueries.Cell missing = g.cell("tender", "SZW", 2022).orElseThrow();
        assertThat(missing.reason()).isEqualTo("no tender file in the landing folder supplies SZW 2022");
        assertThat(missing.rowsLoaded()).isZero();
    }

    @Test
    void apiCommandLineAndPageShowTheSameGrid() throws Exception {
        Map<String, String> api = apiGrid();

        // The page: every cell carries data-department, data-year and data-state inside its source's table.
        String page = http.browser().login("viewer", "viewer-pw").get("/admin").body();
        Map<String, String> onPage = new TreeMap<>();
        Matcher table = Pattern.compile("<table class=\"grid\" data-source=\"([a-z]+)\">(.*?)</table>", Pattern.DOTALL).matcher(page);
        while (table.find()) {
            Matcher cell = Pattern.compile("data-department=\"([A-Za-z]+)\" data-year=\"(\\d{4})\" data-state=\"([a-z_]+)\"")
                    .matcher(table.group(2));
            while (cell.find()) {
                onPage.put(table.group(1) + " " + cell.group(1) + " " + cell.group(2), cell.group(3));
            }
        }
        assertThat(onPage).isEqualTo(api);

        // The command line's status: per source a line of years, then one mark per department and year.
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new CommandLine(jobOperator, jobs, props, runService, jobRepository, writer, cockpit, referenceData, warehouse,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run(new DefaultApplicationArguments("status"));
        String status = printed.toString(StandardCharsets.UTF_8);
        Map<String, String> expectedMarks = new TreeMap<>();
        for (CockpitQueries.SourceGrid g : cockpit.grid().sources()) {
            for (CockpitQueries.Row r : g.rows()) {
                for (CockpitQueries.Cell c : r.cells()) {
                    assertThat(c.state()).isEqualTo(api.get(c.source() + " " + c.department() + " " + c.year()));
                    expectedMarks.put(c.source() + " " + c.department() + " " + c.year(), GridText.mark(c));
                }
            }
        }
        Map<String, String> marks = new TreeMap<>();
        String source = null;
        List<Integer> years = new ArrayList<>();
        String grid = status.substring(status.indexOf("Partitions (department x year):"));
        for (String line : grid.lines().skip(1).toList()) {
            if (line.startsWith("ok = loaded")) {
                break;
            }
            String[] parts = line.trim().split("\\s+");
            if (!line.startsWith(" ")) {
                source = parts[0];
                years.clear();
                for (int i = 1; i < parts.length; i++) {
                    years.add(Integer.valueOf(parts[i]));
                }
            } else {
                for (int i = 1; i < parts.length; i++) {
                    marks.put(source + " " + parts[0] + " " + years.get(i - 1), parts[i]);
                }
            }
        }
        assertThat(marks).isEqualTo(expectedMarks);
        assertThat(marks).containsEntry("tender SZW 2022", "MISSING").containsEntry("spend VWS 2023", "r5");
        assertThat(status).contains("missing tender LNV 2023: no tender file in the landing folder supplies LNV 2023");
    }

    @Test
    void aPartitionsHistoryListsItsFileAndRunsAndOffersStewardsARerun() {
        HttpResponse<String> r = http.get("/admin/api/partitions/spend/VWS/2023", VIEWER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode history = json(r);
        assertThat(history.path("cell").path("state").asString()).isEqualTo(CockpitQueries.WITH_REJECTS);
        assertThat(history.path("loads")).hasSize(1);
        assertThat(history.path("loads").get(0).path("file").asString()).isEqualTo("inkoopdata-2023-VWS.csv");
        assertThat(history.path("loads").get(0).path("current").asBoolean()).isTrue();
        assertThat(history.path("loads").get(0).path("inboxState").asString()).isEqualTo("present");
        List<Long> runs = new ArrayList<>();
        history.path("executions").forEach(e -> runs.add(e.path("id").asLong()));
        assertThat(runs).contains(nightlyId);
        assertThat(http.get("/admin/api/partitions/spend/XYZ/2023", VIEWER).statusCode()).isEqualTo(404);

        String viewerPage = http.browser().login("viewer", "viewer-pw").get("/admin/partitions/spend/VWS/2023").body();
        assertThat(viewerPage).contains("inkoopdata-2023-VWS.csv").contains("Toverkunst").doesNotContain("Opnieuw laden uit het huidige bestand");
        String stewardPage = http.browser().login("steward", "steward-pw").get("/admin/partitions/spend/VWS/2023").body();
        assertThat(stewardPage).contains("Opnieuw laden uit het huidige bestand").contains("name=\"_csrf\"")
                .contains("/admin/executions/" + nightlyId);
        // The missing cell's page says so and offers no rerun (there is no file).
        String missing = http.browser().login("steward", "steward-pw").get("/admin/partitions/tender/SZW/2022").body();
        assertThat(missing).contains("no tender file in the landing folder supplies SZW 2022").contains("disabled");
    }

    @Test
    void theRunPageShowsTheWarnDataTestWithItsFailingRows() {
        HttpResponse<String> r = http.get("/admin/api/executions/" + nightlyId + "/data-tests", VIEWER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode warn = null;
        for (JsonNode t : json(r)) {
            if (t.path("name").asString().equals("spend_cost_category_is_mapped")) {
                warn = t;
            }
        }
        assertThat(warn).as(r.body()).isNotNull();
        assertThat(warn.path("severity").asString()).isEqualTo("warn");
        // grep -c Bedrijfskleding samples/spend/*: IenW, JenV, OCW, SZW and VWS 2019, OCW 2022, BZK, DEF, EZK and LNV 2023
        // (none of the xlsx files): ten failing rows, of which the first five are kept as the sample.
        assertThat(warn.path("failingRows").asLong()).isEqualTo(10);
        assertThat(warn.path("sqlFile").asString()).isEqualTo("tests/spend_cost_category_is_mapped.sql");
        List<String> sample = new ArrayList<>();
        warn.path("sampleRows").forEach(x -> sample.add(x.path("hoofdkostensoort").asString() + " " + x.path("department_code").asString()
                + " " + x.path("year").asString()));
        assertThat(sample).hasSize(5).doesNotHaveDuplicates().isSubsetOf(UNMAPPED + " IenW 2019", UNMAPPED + " JenV 2019",
                UNMAPPED + " OCW 2019", UNMAPPED + " SZW 2019", UNMAPPED + " VWS 2019", UNMAPPED + " OCW 2022",
                UNMAPPED + " BZK 2023", UNMAPPED + " DEF 2023", UNMAPPED + " EZK 2023", UNMAPPED + " LNV 2023");
        String category = UNMAPPED;
        // One result per file in sql/tests plus the uniqueness tests generated from the models' unique_key headers.
        List<String> names = new ArrayList<>();
        json(r).forEach(t -> names.add(t.path("name").asString()));
        assertThat(names.stream().filter(n -> !n.startsWith("unique_key__")).count()).isEqualTo(countFiles(TestProject.SQL.resolve("tests")));
        assertThat(names).contains("unique_key__marts_effect_goal_department_year");

        String page = http.browser().login("viewer", "viewer-pw").get("/admin/executions/" + nightlyId).body();
        assertThat(page).contains("Datatests van deze run").contains("spend_cost_category_is_mapped").contains("WARN")
                .contains("sql/tests/spend_cost_category_is_mapped.sql").contains(">" + category + "<");
        String start = http.browser().login("viewer", "viewer-pw").get("/admin").body();
        assertThat(start).contains("Datatests (laatste uitslag per test)").contains("spend_cost_category_is_mapped");
    }

    @Test
    void theRejectsCsvIsInTheDutchExcelDialectWithTheFilteredRows() throws Exception {
        AdminHttp.Browser browser = http.browser().login("viewer", "viewer-pw");
        HttpResponse<String> csv = browser.get("/admin/rejects.csv?execution=" + nightlyId + "&file=inkoopdata-2023-VWS.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv").contains("UTF-8"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        String body = csv.body();
        assertThat(body).startsWith("\uFEFFbron;bestand;regel;kolom;waarde;reden;load_id;blad;beginregel\r\n");
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body.substring(1))).getRecords();
        // samples/README.md: lines 162-166 of inkoopdata-2023-VWS.csv, one bad value each.
        assertThat(records).extracting(x -> x.get("regel")).containsExactly("162", "163", "164", "165", "166");
        assertThat(records).extracting(x -> x.get("kolom")).containsExactly("staffel", "staffel", "department", "supplier", "year");
        assertThat(records.get(0).get("waarde")).isEqualTo("7a");
        assertThat(records.get(2).get("waarde")).isEqualTo("Ministerie van Toverkunst");
        assertThat(records).allSatisfy(x -> assertThat(x.get("bestand")).isEqualTo("inkoopdata-2023-VWS.csv"));

        // Filtering by reason and paging on the page and in the API.
        JsonNode all = json(http.get("/admin/api/rejects?execution=" + nightlyId + "&size=500", VIEWER));
        long spendVws = 5, spendSzw = 2, tenderVws = 5, resultsVws = 7;
        assertThat(all.path("total").asLong()).isEqualTo(spendVws + spendSzw + tenderVws + resultsVws);
        JsonNode partition = json(http.get("/admin/api/rejects?source=tender&department=VWS&year=2023", VIEWER));
        assertThat(partition.path("total").asLong()).isEqualTo(tenderVws);
        JsonNode paged = json(http.get("/admin/api/rejects?execution=" + nightlyId + "&page=1&size=5", VIEWER));
        assertThat(paged.path("rows")).hasSize(5);
        String reason = records.get(0).get("reden");
        JsonNode byReason = json(http.get("/admin/api/rejects?reason=" + java.net.URLEncoder.encode(reason.toUpperCase(), StandardCharsets.UTF_8),
                VIEWER));
        assertThat(byReason.path("total").asLong()).isPositive();
        byReason.path("rows").forEach(x -> assertThat(x.path("reason").asString()).containsIgnoringCase(reason));
        String page = browser.get("/admin/rejects?execution=" + nightlyId + "&file=mvi-zet-2023-VWS.csv").body();
        assertThat(page).contains("Afgewezen regels").contains("(5)").contains("/admin/rejects.csv?execution=" + nightlyId);
    }

    @Test
    void theCockpitsApiIsInTheOpenApiDescription() {
        HttpResponse<String> docs = http.get("/admin/api-docs", VIEWER);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs).path("paths");
        for (String path : List.of("/admin/api/partitions", "/admin/api/partitions/{source}/{department}/{year}",
                "/admin/api/executions/{id}/data-tests", "/admin/api/data-tests/latest", "/admin/api/rejects", "/admin/api/schedule")) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.path(path).path("get").path("tags").toString()).as(path).contains("cockpit");
        }
    }

    @Test
    void theScheduleAndPublicationPanelWarnsWhenThePublicationIsTooOld() {
        JsonNode panel = json(http.get("/admin/api/schedule", VIEWER));
        assertThat(panel.path("timeZone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(panel.path("nextNightly").asString()).contains("T02:30");
        assertThat(panel.path("lastSuccessfulNightly").path("executionId").asLong()).isGreaterThanOrEqualTo(nightlyId);
        assertThat(panel.path("publication").path("runId").asString()).endsWith("-e" + nightlyId);
        assertThat(panel.path("warnings")).isEmpty();

        ScheduleAndPublication strict = new ScheduleAndPublication(jdbc, props, "BATCH_", "0 30 2 * * ?", "Europe/Amsterdam", Duration.ZERO);
        assertThat(strict.panel().warnings()).singleElement().asString().startsWith("De publicatie is 0u 0").contains("ouder dan de drempel");

        String page = http.browser().login("viewer", "viewer-pw").get("/admin").body();
        assertThat(page).contains("Volgende nachtelijke run").contains("(Europe/Amsterdam)").doesNotContain("class=\"banner\" role=\"alert\"")
                .contains("/admin/publication/report/index.html");
        HttpResponse<String> report = http.browser().login("viewer", "viewer-pw").get("/admin/publication/report/index.html");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Inkopen met Impact");
        assertThat(http.browser().login("viewer", "viewer-pw").get("/admin/publication/report/..%2Fmanifest.json").statusCode())
                .isIn(400, 404);
    }

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/cockpit-screenshots");

    /**
     * Accessibility basics (axe-core is not available as a Maven package; see the issue note): the document's language,
     * one h1 and no skipped heading level, a label for every form control, text on every button and link, and a contrast
     * of at least 4.5:1 for the text of every visible element that holds text. Returns the problems found.
     */
    static final String ACCESSIBILITY_BASICS = """
            const problems = [];
            if (!document.documentElement.lang) problems.push('html has no lang');
            const visible = e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed';
            const hs = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(visible);
            if (hs.filter(h => h.tagName === 'H1').length !== 1) problems.push('not exactly one h1');
            let level = 0;
            for (const h of hs) { const l = +h.tagName[1]; if (l > level + 1) problems.push('heading level skipped at ' + h.textContent.trim()); level = l; }
            for (const c of document.querySelectorAll('input:not([type=hidden]),select,textarea')) {
              const labelled = (c.id && document.querySelector('label[for="' + c.id + '"]')) || c.closest('label') || c.getAttribute('aria-label');
              if (!labelled) problems.push('no label for ' + c.outerHTML.slice(0, 80));
            }
            for (const b of [...document.querySelectorAll('button,a')].filter(visible)) {
              if (!b.textContent.trim() && !b.getAttribute('aria-label')) problems.push('empty ' + b.outerHTML.slice(0, 80));
            }
            const rgb = s => { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
            const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                               return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }
                                      return {r: 255, g: 255, b: 255, a: 1}; };
            for (const e of [...document.body.querySelectorAll('*')].filter(visible)) {
              const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
              if (!own) continue;
              const fg = lum(rgb(getComputedStyle(e).color)), bg = lum(background(e));
              const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
              if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ' of ' + e.tagName + ' "' + e.textContent.trim().slice(0, 40) + '"');
            }
            return problems;""";

    @Test
    void theGridAndTheRunPageInChromiumWithoutConsoleErrorsAndWithTheAccessibilityBasics() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(message);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, message);
        }
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.SEVERE);
        java.util.logging.Logger.getLogger("org.openqa.selenium.chromium").setLevel(java.util.logging.Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        org.openqa.selenium.chrome.ChromeOptions options = new org.openqa.selenium.chrome.ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(home, "chromium-profile"), "--window-size=1280,1600");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        org.openqa.selenium.chrome.ChromeDriver driver = new org.openqa.selenium.chrome.ChromeDriver(
                new org.openqa.selenium.chrome.ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        try {
            Files.createDirectories(SCREENSHOTS);
            String base = "http://localhost:" + port;
            driver.get(base + "/admin/login");
            driver.findElement(org.openqa.selenium.By.id("username")).sendKeys("steward");
            driver.findElement(org.openqa.selenium.By.id("password")).sendKeys("steward-pw");
            driver.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
            assertThat(driver.getCurrentUrl()).endsWith("/admin");

            var missing = driver.findElements(org.openqa.selenium.By.cssSelector("table.grid td[data-state='missing']"));
            assertThat(missing).hasSize(6 + 2 * MINISTRIES.size());
            assertThat(missing).allSatisfy(c -> assertThat(c.isDisplayed()).isTrue());
            assertThat(missing.get(0).getText()).contains("ONTBREEKT");
            assertThat((List<?>) driver.executeScript(ACCESSIBILITY_BASICS)).as("accessibility basics of the start page").isEmpty();
            assertNoSevereLogEntries(driver);
            screenshot(driver, "admin-grid.png");

            // The English switch without JavaScript: the checkbox, reached with the keyboard, toggled with the space bar.
            var heading = driver.findElement(org.openqa.selenium.By.cssSelector("#grid-title .en"));
            assertThat(heading.isDisplayed()).isFalse();
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            assertThat(driver.switchTo().activeElement().getAttribute("id")).as("the first stop of the Tab key").isEqualTo("lang-en");
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.SPACE).perform();
            assertThat(heading.isDisplayed()).isTrue();
            assertThat(heading.getText()).isEqualTo("Deliveries per department and year");
            assertThat(missing.get(0).getText()).contains("MISSING");
            screenshot(driver, "admin-grid-en.png");

            // One click from a cell to its history.
            driver.findElement(org.openqa.selenium.By.cssSelector(
                    "table.grid[data-source='spend'] td[data-department='VWS'][data-year='2023'] a")).click();
            assertThat(driver.getCurrentUrl()).endsWith("/admin/partitions/spend/VWS/2023");
            assertThat(driver.findElement(org.openqa.selenium.By.cssSelector("[data-role=state]")).getText())
                    .isEqualTo(CockpitQueries.WITH_REJECTS);
            assertThat((List<?>) driver.executeScript(ACCESSIBILITY_BASICS)).as("accessibility basics of the partition page").isEmpty();
            assertNoSevereLogEntries(driver);
            screenshot(driver, "admin-partition.png");

            driver.get(base + "/admin/executions/" + nightlyId);
            var warn = driver.findElement(org.openqa.selenium.By.cssSelector("tr[data-test='spend_cost_category_is_mapped']"));
            assertThat(warn.getText()).contains("WARN").contains("sql/tests/spend_cost_category_is_mapped.sql");
            assertThat(warn.findElements(org.openqa.selenium.By.cssSelector("table.sample tbody tr"))).hasSize(5);
            assertThat(warn.findElement(org.openqa.selenium.By.cssSelector("table.sample tbody")).getText())
                    .matches("(?s)(" + UNMAPPED + " (IenW|JenV|OCW|SZW|VWS) 2019|" + UNMAPPED + " OCW 2022|" + UNMAPPED
                            + " (BZK|DEF|EZK|LNV) 2023)(\\R.*)*");
            assertThat((List<?>) driver.executeScript(ACCESSIBILITY_BASICS)).as("accessibility basics of the run page").isEmpty();
            assertNoSevereLogEntries(driver);
            screenshot(driver, "admin-run.png");
        } finally {
            driver.quit();
        }
    }

    private static void assertNoSevereLogEntries(org.openqa.selenium.chrome.ChromeDriver driver) {
        var severe = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertThat(severe).as("SEVERE browser log entries").isEmpty();
    }

    private static void screenshot(org.openqa.selenium.chrome.ChromeDriver driver, String name) throws java.io.IOException {
        var original = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(Math.max(height, 600), 12_000)));
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        driver.manage().window().setSize(original);
    }

    private static long countFiles(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).count();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
