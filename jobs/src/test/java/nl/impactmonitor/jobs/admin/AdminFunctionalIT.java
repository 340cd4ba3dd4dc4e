package nl.impactmonitor.jobs.admin;

import static nl.impactmonitor.jobs.admin.AdminHttp.json;
import static nl.impactmonitor.jobs.admin.AdminHttp.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.impactmonitor.jobs.JobTestSupport;
import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The admin layer over real HTTP on a random port, with the real H2 job repository and DuckDB warehouse in a temp
 * folder and the bundled samples as landing folders. The samples are loaded once through the API (nightly), then
 * each test reruns, restarts or stops what it needs and waits for it through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminFunctionalIT {

    static final String STEWARD = "steward:steward-pw";
    static final String VIEWER = "viewer:viewer-pw";
    /** Configured with a plain password, which the service hashes at start-up. */
    static final String AUDITOR = "auditor:auditor-pw";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.register(registry, home, TestProject.SAMPLES, TestProject.TENDER_SAMPLES, TestProject.RESULT_SAMPLES);
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("impactmonitor.security.users[0].name", () -> "steward");
        registry.add("impactmonitor.security.users[0].password", () -> "{noop}steward-pw");
        registry.add("impactmonitor.security.users[0].roles[0]", () -> "STEWARD");
        registry.add("impactmonitor.security.users[1].name", () -> "viewer");
        registry.add("impactmonitor.security.users[1].password", () -> "{noop}viewer-pw");
        registry.add("impactmonitor.security.users[1].roles[0]", () -> "VIEWER");
        registry.add("impactmonitor.security.users[2].name", () -> "auditor");
        registry.add("impactmonitor.security.users[2].password", () -> "auditor-pw");
        registry.add("impactmonitor.security.users[2].roles[0]", () -> "VIEWER");
    }

    @LocalServerPort
    int port;
    @Autowired
    Warehouse warehouse;

    AdminHttp http;
    /** The nightly run that loaded the samples, shared by all tests of the (one) context. */
    static long nightlyId;
    static HttpResponse<String> nightlyStart;
    static HttpResponse<String> secondNightlyWhileRunning;

    @BeforeEach
    void loadTheSamplesThroughTheApiOnce() {
        http = new AdminHttp(port);
        if (nightlyStart != null) {
            return;
        }
        nightlyStart = http.post("/admin/api/nightly", STEWARD);
        secondNightlyWhileRunning = http.post("/admin/api/nightly", STEWARD);
        assertThat(nightlyStart.statusCode()).as(nightlyStart.body()).isEqualTo(202);
        nightlyId = json(nightlyStart).path("executionId").asLong();
        assertThat(awaitEnd(nightlyId).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void nightlyStartsWith202AndLocationAndASecondWhileItRunsGets409() {
        assertThat(nightlyStart.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/admin/api/executions/" + nightlyId);
        assertThat(json(nightlyStart).path("jobName").asString()).isEqualTo("nightly");
        assertThat(secondNightlyWhileRunning.statusCode()).isEqualTo(409);
        assertThat(json(secondNightlyWhileRunning).path("error").asString()).contains("nightly").contains("running");
    }

    @Test
    void viewerReadsExecutionsNewestFirstWithParametersAndStepCounts() {
        HttpResponse<String> list = http.get("/admin/api/executions?page=0&size=50", VIEWER);
        assertThat(list.statusCode()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(list).path("executions").forEach(e -> ids.add(e.path("id").asLong()));
        assertThat(ids).contains(nightlyId).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(json(list).path("total").asLong()).isGreaterThanOrEqualTo(ids.size());

        HttpResponse<String> one = http.get("/admin/api/executions/" + nightlyId, AUDITOR);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode nightly = json(one);
        assertThat(nightly.path("jobName").asString()).isEqualTo("nightly");
        assertThat(nightly.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(nightly.path("exitCode").asString()).isEqualTo("COMPLETED");
        assertThat(nightly.path("startTime").isMissingNode()).isFalse();
        assertThat(nightly.path("identifyingParameters").has("run.id")).isTrue();
        assertThat(nightly.path("otherParameters").path("trigger").asString()).isEqualTo("admin API");
        JsonNode vws = step(nightly, "spend-file:inkoopdata-2023-VWS.csv");
        assertThat(vws.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(vws.path("exitCode").asString()).isEqualTo("LOADED");
        assertThat(vws.path("exitDescription").asString()).startsWith("inkoopdata-2023-VWS.csv");
        assertThat(vws.path("skipCount").asLong()).isEqualTo(5);
        assertThat(vws.path("readCount").asLong()).isEqualTo(vws.path("writeCount").asLong() + 5);
        assertThat(vws.path("filterCount").isNumber()).isTrue();
        assertThat(nightly.path("totals").path("rejected").asLong()).isEqualTo(19); // 7 spend, 5 MVI-ZET, 7 results (samples/README.md)

        HttpResponse<String> missing = http.get("/admin/api/executions/999999", VIEWER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asString()).contains("999999");
        assertThat(http.get("/admin/api/executions?size=0", VIEWER).statusCode()).isEqualTo(400);
        assertThat(http.get("/admin/api/executions", null).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsOfAnExecutionGiveFileLineColumnAndReason() {
        HttpResponse<String> r = http.get("/admin/api/executions/" + nightlyId + "/rejects?page=0&size=100", VIEWER);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode rejects = json(r);
        assertThat(rejects.path("total").asLong()).isEqualTo(19);
        List<String> vws = new ArrayList<>();
        rejects.path("rejects").forEach(x -> {
            if (x.path("file").asString().equals("inkoopdata-2023-VWS.csv")) {
                vws.add(x.path("line").asLong() + " " + x.path("column").asString() + " - " + x.path("reason").asString());
            }
        });
        assertThat(vws).containsExactly(
                "162 staffel - staffel '7a' is not a band code 0-13",
                "163 staffel - staffel '14' is not a band code 0-13",
                "164 department - unknown department 'Ministerie van Toverkunst'"
                        + " (a new spelling belongs in config/reference/department_aliases.csv)",
                "165 supplier - supplier is missing",
                "166 year - year '20x3' is not a year");

        JsonNode page = json(http.get("/admin/api/executions/" + nightlyId + "/rejects?page=1&size=5", VIEWER));
        assertThat(page.path("total").asLong()).isEqualTo(19);
        assertThat(page.path("rejects").size()).isEqualTo(5);
        assertThat(http.get("/admin/api/executions/999999/rejects", VIEWER).statusCode()).isEqualTo(404);
    }

    @Test
    void rerunOfOneDepartmentYearReplacesExactlyThatPartition() {
        Map<String, Long> before = partitions();
        assertThat(before.keySet()).filteredOn(k -> k.startsWith("IenW|2023|")).hasSize(1);

        HttpResponse<String> started = http.postJson("/admin/api/reruns", STEWARD,
                "{\"source\": \"spend\", \"department\": \"IenW\", \"year\": 2023}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json(started).path("executionId").asLong();
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/api/executions/" + id));
        JsonNode rerun = awaitEnd(id);
        assertThat(rerun.path("status").asString()).as(rerun.toString()).isEqualTo("COMPLETED");
        assertThat(rerun.path("identifyingParameters").path("file").asString()).isEqualTo("inkoopdata-2023-IenW.csv");

        Map<String, Long> after = partitions();
        String oldKey = before.keySet().stream().filter(k -> k.startsWith("IenW|2023|")).findFirst().orElseThrow();
        List<String> newKeys = after.keySet().stream().filter(k -> k.startsWith("IenW|2023|")).toList();
        assertThat(newKeys).hasSize(1);
        assertThat(newKeys.get(0)).as("IenW 2023 has a new load id").isNotEqualTo(oldKey);
        assertThat(after.get(newKeys.get(0))).as("same rows").isEqualTo(before.get(oldKey));
        assertThat(newKeys.get(0)).endsWith("|" + step(rerun, "partition-reload").path("loadId").asString());
        Map<String, Long> othersBefore = new LinkedHashMap<>(before);
        othersBefore.remove(oldKey);
        Map<String, Long> othersAfter = new LinkedHashMap<>(after);
        othersAfter.remove(newKeys.get(0));
        assertThat(othersAfter).as("every other partition keeps its rows and load id").isEqualTo(othersBefore);
        assertThat(after.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void twoRerunsOfOnePartitionAtOnceGiveOne202AndOne409() {
        String body = "{\"source\": \"spend\", \"department\": \"BZK\", \"year\": 2023}";
        var first = http.postJsonAsync("/admin/api/reruns", STEWARD, body);
        var second = http.postJsonAsync("/admin/api/reruns", STEWARD, body);
        List<HttpResponse<String>> responses = List.of(first.join(), second.join());

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 409);
        HttpResponse<String> accepted = responses.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow();
        HttpResponse<String> conflict = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(json(conflict).path("error").asString()).contains("spend BZK 2023").contains("already being rerun");
        assertThat(awaitEnd(json(accepted).path("executionId").asLong()).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void badRerunRequestsGet400WithTheReason() {
        assertBadRerun("{\"source\": \"energy\", \"department\": \"IenW\", \"year\": 2023}", "unknown source 'energy'");
        assertBadRerun("{\"source\": \"spend\", \"department\": \"XYZ\", \"year\": 2023}", "unknown department 'XYZ'");
        assertBadRerun("{\"source\": \"spend\", \"department\": \"IenW\", \"year\": 1999}", "year must be between");
        assertBadRerun("{\"source\": \"spend\", \"department\": \"IenW\", \"year\": \"twenty\"}", "not valid JSON");
        assertBadRerun("{\"source\": \"spend\", \"department\": \"IenW\", \"year\": 2023, \"file\": \"../../etc/passwd\"}", "../../etc/passwd");
        assertBadRerun("{\"source\": \"spend\", \"department\": \"IenW\", \"year\": 2023, \"file\": \"sub/inkoopdata-2023-IenW.csv\"}", "without a path");
        assertBadRerun("{\"source\": \"spend\", \"department\": \"IenW\", \"year\": 2023, \"file\": \"..\"}", "landing folder");
        assertBadRerun("{\"source\": \"spend\", \"department\": \"IenW\", \"year\": 2023, \"file\": \"inkoopdata-2031-IenW.csv\"}", "is not in the spend landing folder");
        assertBadRerun("not json", "not valid JSON");
        // A file whose rows belong to another department and year cannot mean anything for AZ 2023.
        assertBadRerun("{\"source\": \"spend\", \"department\": \"AZ\", \"year\": 2023, \"file\": \"inkoopdata-2022-BZ.csv\"}",
                "is not the current file for spend AZ 2023 (that is inkoopdata-2023-AZ.csv");
    }

    @Test
    void restartOfAFailedRerunCompletesItFromWhereItFailed() throws Exception {
        // The publication folder is a file for a moment, so the rerun fails at its publish step.
        Path out = home.resolve("var/out");
        Path aside = home.resolve("var/out-aside");
        Files.move(out, aside);
        Files.writeString(out, "not a folder");
        long failedId;
        try {
            HttpResponse<String> started = http.postJson("/admin/api/reruns", STEWARD,
                    "{\"source\": \"spend\", \"department\": \"FIN\", \"year\": 2022, \"file\": \"inkoopdata-2022-FIN.csv\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            failedId = json(started).path("executionId").asLong();
            JsonNode failed = awaitEnd(failedId);
            assertThat(failed.path("status").asString()).isEqualTo("FAILED");
            assertThat(step(failed, "partition-reload").path("status").asString()).isEqualTo("COMPLETED");
            assertThat(step(failed, "publish").path("status").asString()).isEqualTo("FAILED");
            assertThat(failed.path("restartable").asBoolean()).isTrue();
            // The steward sees the restart button for it.
            assertThat(http.browser().login("steward", "steward-pw").get("/admin").body())
                    .contains("/admin/executions/" + failedId + "/restart");
        } finally {
            Files.delete(out);
            Files.move(aside, out);
        }

        HttpResponse<String> restart = http.post("/admin/api/executions/" + failedId + "/restart", STEWARD);
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
        long restartedId = json(restart).path("executionId").asLong();
        assertThat(restartedId).isNotEqualTo(failedId);
        JsonNode restarted = awaitEnd(restartedId);
        assertThat(restarted.path("status").asString()).isEqualTo("COMPLETED");
        List<String> steps = new ArrayList<>();
        restarted.path("steps").forEach(s -> steps.add(s.path("name").asString()));
        assertThat(steps).as("the loaded partition is not loaded again").doesNotContain("partition-reload").contains("publish");
        assertThat(json(http.get("/admin/api/executions/" + failedId, VIEWER)).path("restartable").asBoolean()).isFalse();
        assertThat(http.post("/admin/api/executions/" + restartedId + "/restart", STEWARD).statusCode()).as("completed").isEqualTo(400);
    }

    @Test
    void stewardStopsARunningRerun() {
        HttpResponse<String> started = http.postJson("/admin/api/reruns", STEWARD, "{\"source\": \"spend\", \"department\": \"AZ\", \"year\": 2023}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json(started).path("executionId").asLong();
        HttpResponse<String> stop = http.post("/admin/api/executions/" + id + "/stop", STEWARD);
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
        assertThat(awaitEnd(id).path("status").asString()).isEqualTo("STOPPED");
        HttpResponse<String> again = http.post("/admin/api/executions/" + id + "/stop", STEWARD);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("error").asString()).contains("not running");
        assertThat(http.post("/admin/api/executions/999999/stop", STEWARD).statusCode()).isEqualTo(404);
    }

    @Test
    void everyStateChangingApiEndpointNeedsASteward() {
        String rerun = "{\"source\": \"spend\", \"department\": \"IenW\", \"year\": 2023}";
        for (String path : List.of("/admin/api/reruns", "/admin/api/executions/" + nightlyId + "/restart",
                "/admin/api/executions/" + nightlyId + "/stop", "/admin/api/nightly")) {
            HttpResponse<String> anonymous = http.postJson(path, null, rerun);
            assertThat(anonymous.statusCode()).as("anonymous %s", path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
            assertThat(http.postJson(path, "steward:wrong", rerun).statusCode()).as("wrong password %s", path).isEqualTo(401);
            HttpResponse<String> viewer = http.postJson(path, VIEWER, rerun);
            assertThat(viewer.statusCode()).as("viewer %s", path).isEqualTo(403);
            assertThat(json(viewer).path("error").asString()).contains("STEWARD");
            assertThat(http.postJson(path, AUDITOR, rerun).statusCode()).as("auditor %s", path).isEqualTo(403);
        }
        // A browser's cross-site post with cached Basic credentials is refused even for a steward.
        HttpResponse<String> crossSite = http.send(http.request("/admin/api/nightly", STEWARD).header("Sec-Fetch-Site", "cross-site")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(crossSite.statusCode()).isEqualTo(403);
    }

    @Test
    void everyFormPostOfTheAdminPageNeedsAStewardAndACsrfToken() {
        List<String> forms = List.of("/admin/reruns", "/admin/executions/" + nightlyId + "/restart",
                "/admin/executions/" + nightlyId + "/stop", "/admin/nightly");
        Map<String, String> rerun = Map.of("source", "spend", "department", "IenW", "year", "2023");
        AdminHttp.Browser anonymous = http.browser();
        assertThat(anonymous.get("/admin").statusCode()).isEqualTo(302);
        anonymous.get("/admin/login");
        AdminHttp.Browser viewer = http.browser().login("viewer", "viewer-pw");
        AdminHttp.Browser steward = http.browser().login("steward", "steward-pw");
        for (String form : forms) {
            HttpResponse<String> anonymousWithToken = anonymous.post(form, rerun, true);
            assertThat(anonymousWithToken.statusCode()).as("anonymous %s", form).isEqualTo(302);
            assertThat(anonymousWithToken.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
            assertThat(anonymous.post(form, rerun, false).statusCode()).as("anonymous without token %s", form).isEqualTo(403);
            assertThat(viewer.post(form, rerun, true).statusCode()).as("viewer %s", form).isEqualTo(403);
            assertThat(steward.post(form, rerun, false).statusCode()).as("steward without token %s", form).isEqualTo(403);
        }
        // Basic credentials do not replace the page's CSRF token.
        HttpResponse<String> basicOnPage = http.send(http.request("/admin/nightly", STEWARD).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(basicOnPage.statusCode()).isEqualTo(403);
    }

    @Test
    void thePageShowsRunsToViewersAndFormsToStewardsWithWhyARunDidNotStart() {
        String viewerPage = http.browser().login("viewer", "viewer-pw").get("/admin").body();
        assertThat(viewerPage).contains("Recente runs").contains("voltooid").contains("nightly").doesNotContain("Opnieuw laden")
                .doesNotContain("/admin/nightly");
        AdminHttp.Browser steward = http.browser().login("steward", "steward-pw");
        String stewardPage = steward.get("/admin").body();
        assertThat(stewardPage).contains("Opnieuw laden").contains("Nachtelijke run nu starten").contains("name=\"_csrf\"");

        HttpResponse<String> restart = steward.post("/admin/executions/" + nightlyId + "/restart", Map.of(), true);
        assertThat(restart.statusCode()).isEqualTo(302);
        assertThat(restart.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(steward.get("/admin").body()).contains("Niet gestart, ongeldig verzoek: execution " + nightlyId
                + " completed; start a new run instead");
        steward.post("/admin/reruns", Map.of("source", "spend", "department", "XYZ", "year", "2023"), true);
        assertThat(steward.get("/admin").body()).contains("unknown department &#39;XYZ&#39;");
        steward.post("/admin/reruns", Map.of("source", "spend", "department", "IenW", "year", "2023", "file", "../../etc/passwd"), true);
        assertThat(steward.get("/admin").body()).contains("is not a file name inside the spend landing folder");

        String detail = steward.get("/admin/executions/" + nightlyId).body();
        assertThat(detail).contains("spend-file:inkoopdata-2023-VWS.csv").contains("Afgewezen regels").contains("inkoopdata-2023-VWS.csv");
    }

    @Test
    void healthIsPublicWithWarehouseAndPublicationDetailsForStewards() {
        HttpResponse<String> anonymous = http.get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json(anonymous).path("status").asString()).isEqualTo("UP");
        assertThat(json(anonymous).has("components")).isFalse();

        JsonNode health = json(http.get("/actuator/health", STEWARD));
        assertThat(health.path("components").path("warehouse").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("warehouse").path("details").path("folderWritable").asBoolean()).isTrue();
        assertThat(health.path("components").path("publication").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("publication").path("details").path("publishedAt").asString()).isNotBlank();
    }

    @Test
    void prometheusNeedsAViewerAndCountsRowsRunsAndTheLastNightly() {
        assertThat(http.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = http.get("/actuator/prometheus", VIEWER);
        assertThat(scrape.statusCode()).isEqualTo(200);
        String text = scrape.body();
        assertThat(sample(text, "impactmonitor_rows_loaded_total{source=\"spend\"}")).isPositive();
        assertThat(sample(text, "impactmonitor_rows_rejected_total{source=\"spend\"}")).isGreaterThanOrEqualTo(7);
        assertThat(sample(text, "impactmonitor_rows_rejected_total{source=\"tender\"}")).isGreaterThanOrEqualTo(5);
        assertThat(sample(text, "impactmonitor_run_duration_seconds_count{job=\"nightly\"}")).isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "impactmonitor_nightly_last_success_timestamp_seconds")).isGreaterThan(1.7e9);
    }

    @Test
    void apiDocsDescribeTheApiForViewers() {
        assertThat(http.get("/admin/api-docs", null).statusCode()).isEqualTo(401);
        HttpResponse<String> docs = http.get("/admin/api-docs", VIEWER);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs).path("paths");
        assertThat(paths.has("/admin/api/reruns")).isTrue();
        assertThat(paths.has("/admin/api/executions/{id}/rejects")).isTrue();
        assertThat(paths.has("/admin")).as("the page is not part of the API").isFalse();
        HttpResponse<String> ui = http.get("/admin/swagger-ui/index.html", VIEWER);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(http.get("/admin/swagger-ui/index.html", null).statusCode()).isEqualTo(401);
    }

    // --- helpers

    private void assertBadRerun(String body, String reason) {
        HttpResponse<String> r = http.postJson("/admin/api/reruns", STEWARD, body);
        assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
        assertThat(json(r).path("error").asString()).as(body).contains(reason);
    }

    private JsonNode awaitEnd(long id) {
        return http.awaitEnd(id, VIEWER);
    }

    /** Rows of staging.spend_line per department|year|load_id. */
    private Map<String, Long> partitions() {
        Map<String, Long> rows = new LinkedHashMap<>();
        warehouse.query("SELECT department_code, year, load_id, count(*) FROM staging.spend_line GROUP BY ALL ORDER BY ALL",
                rs -> rows.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3), rs.getLong(4)));
        return rows;
    }

    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("%s in the scrape", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
