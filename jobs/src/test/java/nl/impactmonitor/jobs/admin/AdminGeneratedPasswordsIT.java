package nl.impactmonitor.jobs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.impactmonitor.jobs.JobTestSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without configured users (default and demo profiles) the service makes its own and says so once, on standard output. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminGeneratedPasswordsIT {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.register(registry, home, home.resolve("inbox/spend"));
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @LocalServerPort
    int port;

    @Test
    void generatedStewardAndViewerPasswordsArePrintedOnceAndWork(CapturedOutput output) {
        Matcher steward = Pattern.compile("steward / (\\S+)").matcher(output.getOut());
        Matcher viewer = Pattern.compile("viewer  / (\\S+)").matcher(output.getOut());
        assertThat(steward.find()).as(output.getOut()).isTrue();
        assertThat(viewer.find()).isTrue();
        String stewardPassword = steward.group(1);
        String viewerPassword = viewer.group(1);
        assertThat(steward.find()).as("printed once").isFalse();
        assertThat(output.getErr()).doesNotContain(stewardPassword);

        AdminHttp http = new AdminHttp(port);
        assertThat(http.get("/admin/api/executions", "steward:" + stewardPassword).statusCode()).isEqualTo(200);
        assertThat(http.get("/admin/api/executions", "viewer:" + viewerPassword).statusCode()).isEqualTo(200);
        assertThat(http.post("/admin/api/nightly", "viewer:" + viewerPassword).statusCode()).isEqualTo(403);
        assertThat(http.get("/admin/api/executions", "steward:" + viewerPassword).statusCode()).isEqualTo(401);
        // Before the first publication the publication component knows nothing yet; health as a whole stays UP.
        var health = AdminHttp.json(http.get("/actuator/health", "steward:" + stewardPassword));
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("publication").path("status").asString()).isEqualTo("UNKNOWN");
    }
}
