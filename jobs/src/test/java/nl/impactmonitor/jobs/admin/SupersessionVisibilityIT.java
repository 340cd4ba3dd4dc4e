package nl.impactmonitor.jobs.admin;

import static nl.impactmonitor.jobs.admin.AdminHttp.json;
import static nl.impactmonitor.jobs.admin.AdminHttp.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.impactmonitor.jobs.JobTestSupport;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17's "conflicts are visible", over real HTTP: two files for DEF 2022 in the spend landing folder, the later
 * arrival current. The run table, {@code GET /admin/api/inputs}, the admin page and the manifest say which file is
 * current and which it superseded; retiring the current file through the API makes the other one count again.
 * Figures to check by hand (config/reference/staffel_bands.csv): staffel 5 has mid EUR 375,001, staffel 7 EUR 3,000,001.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupersessionVisibilityIT {

    static final String STEWARD = "steward:steward-pw";
    static final String VIEWER = "viewer:viewer-pw";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path spend = home.resolve("inbox/spend");
        try {
            Files.createDirectories(spend);
            deliver(spend.resolve("inkoopdata-DEF-2022.csv"), 5, Instant.parse("2026-03-03T09:00:00Z"));
            deliver(spend.resolve("inkoopdata-DEF-2022-v2.csv"), 7, Instant.parse("2026-03-10T09:00:00Z"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JobTestSupport.register(registry, home, spend);
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("impactmonitor.security.users[0].name", () -> "steward");
        registry.add("impactmonitor.security.users[0].password", () -> "{noop}steward-pw");
        registry.add("impactmonitor.security.users[0].roles[0]", () -> "STEWARD");
        registry.add("impactmonitor.security.users[1].name", () -> "viewer");
        registry.add("impactmonitor.security.users[1].password", () -> "{noop}viewer-pw");
        registry.add("impactmonitor.security.users[1].roles[0]", () -> "VIEWER");
    }

    static void deliver(Path file, int staffel, Instant arrival) throws IOException {
        Files.writeString(file, "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\nDEF;2022;ICT;Totaal;" + staffel
                + "\nDEF;2022;ICT;Leverancier A;" + staffel + "\n");
        Files.setLastModifiedTime(file, FileTime.from(arrival));
    }

    @LocalServerPort
    int port;
    @Autowired
    Warehouse warehouse;

    @Test
    void theCurrentFileAndWhatItSupersededShowInRunTableApiPageAndManifestAndRetireFallsBack() throws IOException {
        AdminHttp http = new AdminHttp(port);
        JsonNode nightly = runNightly(http);
        assertThat(step(nightly, "spend-file:inkoopdata-DEF-2022-v2.csv").path("exitDescription").asString())
                .contains("current for DEF 2022 (supersedes inkoopdata-DEF-2022.csv)");
        // Files load in arrival order, so the run table reads as the deliveries happened: the original first.
        assertThat(step(nightly, "spend-file:inkoopdata-DEF-2022.csv").path("id").asLong())
                .isLessThan(step(nightly, "spend-file:inkoopdata-DEF-2022-v2.csv").path("id").asLong());
        assertThat(mid()).isEqualTo(3_000_001L);

        JsonNode inputs = json(http.get("/admin/api/inputs", VIEWER));
        List<String> partitions = new ArrayList<>();
        inputs.path("partitions").forEach(p -> partitions.add(p.path("departmentCode").asString() + " " + p.path("year").asInt() + " "
                + p.path("file").asString() + " current=" + p.path("current").asBoolean() + " by=" + (p.path("supersededBy").isNull() || p.path("supersededBy").isMissingNode() ? "" : p.path("supersededBy").asString())));
        assertThat(partitions).containsExactly("DEF 2022 inkoopdata-DEF-2022-v2.csv current=true by=",
                "DEF 2022 inkoopdata-DEF-2022.csv current=false by=inkoopdata-DEF-2022-v2.csv");

        String page = http.browser().login("viewer", "viewer-pw").get("/admin").body();
        assertThat(page).contains("Aanlevering", "Vervangt", "inkoopdata-DEF-2022-v2.csv", "inkoopdata-DEF-2022.csv");
        // The cockpit's grid (issue 23): the cell is loaded, with the superseded file still present, and says which.
        assertThat(page).contains("data-department=\"DEF\" data-year=\"2022\" data-state=\"superseded_file_present\"");
        JsonNode history = json(http.get("/admin/api/partitions/spend/DEF/2022", VIEWER));
        assertThat(history.path("cell").path("state").asString()).isEqualTo("superseded_file_present");
        assertThat(history.path("cell").path("reason").asString()).isEqualTo("inkoopdata-DEF-2022.csv replaced by inkoopdata-DEF-2022-v2.csv");
        assertThat(history.path("loads")).extracting(l -> l.path("file").asString() + " current=" + l.path("current").asBoolean())
                .containsExactlyInAnyOrder("inkoopdata-DEF-2022-v2.csv current=true", "inkoopdata-DEF-2022.csv current=false");

        String manifest = Files.readString(home.resolve("var/out/latest/manifest.json"));
        JsonNode m = AdminHttp.JSON.readTree(manifest);
        assertThat(m.path("inputs")).extracting(i -> i.path("file").asString()).containsExactly("inkoopdata-DEF-2022-v2.csv");
        assertThat(m.path("superseded")).extracting(i -> i.path("file").asString() + " " + i.path("partitions").toString())
                .containsExactly("inkoopdata-DEF-2022.csv [\"DEF 2022 -> inkoopdata-DEF-2022-v2.csv\"]");

        // Retire v2 (it stays on disk): a viewer may not, a steward may, once.
        String body = "{\"source\": \"spend\", \"file\": \"inkoopdata-DEF-2022-v2.csv\", \"note\": \"wrong export\"}";
        assertThat(http.postJson("/admin/api/retirements", VIEWER, body).statusCode()).isEqualTo(403);
        HttpResponse<String> retired = http.postJson("/admin/api/retirements", STEWARD, body);
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertThat(json(retired).path("fellBack").toString()).contains("DEF 2022 -> inkoopdata-DEF-2022.csv");
        HttpResponse<String> again = http.postJson("/admin/api/retirements", STEWARD, body);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("error").asString()).contains("retired already");
        assertThat(home.resolve("inbox/spend/inkoopdata-DEF-2022-v2.csv")).exists();

        runNightly(http);
        assertThat(mid()).as("the original counts again").isEqualTo(375_001L);
        JsonNode afterRetiring = json(http.get("/admin/api/partitions/spend/DEF/2022", VIEWER));
        assertThat(afterRetiring.path("cell").path("state").asString()).isEqualTo("loaded");
        assertThat(afterRetiring.path("loads")).extracting(l -> l.path("file").asString() + " " + l.path("inboxState").asString()
                + " current=" + l.path("current").asBoolean())
                .containsExactlyInAnyOrder("inkoopdata-DEF-2022-v2.csv retired current=false", "inkoopdata-DEF-2022.csv present current=true");
        JsonNode after = AdminHttp.JSON.readTree(Files.readString(home.resolve("var/out/latest/manifest.json")));
        assertThat(after.path("inputs")).extracting(i -> i.path("file").asString()).containsExactly("inkoopdata-DEF-2022.csv");
        assertThat(after.path("superseded")).extracting(i -> i.path("file").asString() + " " + i.path("reason").asString())
                .containsExactly("inkoopdata-DEF-2022-v2.csv retired: wrong export");
    }

    private long mid() {
        return warehouse.queryLong("SELECT spend_mid_eur FROM marts.spend_by_department_year WHERE department_code = 'DEF' AND year = 2022"
                + " AND spend_class = 'total'");
    }

    private static JsonNode runNightly(AdminHttp http) {
        HttpResponse<String> started = http.post("/admin/api/nightly", STEWARD);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode e = http.awaitEnd(json(started).path("executionId").asLong(), VIEWER);
        assertThat(e.path("status").asString()).as(e.toString()).isEqualTo("COMPLETED");
        return e;
    }
}
