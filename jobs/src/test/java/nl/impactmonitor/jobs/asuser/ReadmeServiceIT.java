package nl.impactmonitor.jobs.asuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's service command, run as a new user runs it: the packaged jar in a child process, working directory a
 * copy of the repository root, the README's profiles and nothing else (no home, no paths). The test reads the
 * generated steward password from the console, waits for health, starts the nightly through the API and checks the
 * publication; then it kills the service mid-run (kill -9) and mid-run stops it (SIGTERM), and each time restarts
 * the service and completes the interrupted run from the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeServiceIT {

    static final String PROFILES = "--spring.profiles.active=demo,samples";
    static final Pattern STEWARD = Pattern.compile("^\\s+steward / (\\S+)");
    static final Duration START = Duration.ofSeconds(300);
    static final Duration RUN = Duration.ofSeconds(900);

    @TempDir
    static Path tmp;
    Path checkout;
    /** The README says the service listens on 8080; another port only when this machine has 8080 taken. */
    List<String> portArgs = new ArrayList<>();
    int port = 8080;

    @BeforeAll
    void checkout() throws Exception {
        checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        if (!free(8080)) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            portArgs.add("--server.port=" + port);
            System.out.println("ReadmeServiceIT: port 8080 is taken on this machine; the service gets --server.port=" + port);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private JarProcess startService() throws IOException {
        return startService(checkout);
    }

    private JarProcess startService(Path in) throws IOException {
        List<String> args = new ArrayList<>(List.of(PROFILES));
        args.addAll(portArgs);
        return JarProcess.start(in, args.toArray(String[]::new));
    }

    /** Waits for the generated password and health UP; the steward's API. */
    private ServiceApi awaitUp(JarProcess service) throws Exception {
        String password = service.awaitGroup(STEWARD, START)
                .orElseThrow(() -> new AssertionError("no generated steward password on the console:\n" + service.output()));
        ServiceApi api = new ServiceApi(port, "steward", password);
        assertThat(service.awaitCondition(api::healthUp, START)).as("health UP\n%s", service.output()).isTrue();
        return api;
    }

    @Test
    @Order(1)
    void readmeServiceCommandStartsAndRunsTheNightlyFromTheApi() throws Exception {
        try (JarProcess service = startService()) {
            ServiceApi api = awaitUp(service);
            assertThat(service.lines().stream().filter(l -> STEWARD.matcher(l).find())).as("steward password printed once").hasSize(1);
            assertThat(service.lines().stream().filter(l -> l.matches("^\\s+viewer\\s+/ \\S+.*"))).as("viewer password printed once").hasSize(1);

            HttpResponse<String> started = api.post("/admin/api/nightly");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long id = Long.parseLong(ServiceApi.field(started.body(), "executionId"));
            String done = api.awaitEnd(id, RUN);
            assertThat(ServiceApi.field(done, "status")).as(done).isEqualTo("COMPLETED");
            // Paths a steward reads are absolute and inside the checkout the service was started in.
            assertThat(ServiceApi.field(done, "exitDescription")).startsWith(checkout.resolve("var/out").toString());

            Path latest = checkout.resolve("var/out/latest");
            assertThat(latest.resolve("manifest.json")).isRegularFile();
            assertThat(latest.resolve("departments/IenW/progress.csv")).isRegularFile();
            assertThat(latest.resolve("report/index.html")).isRegularFile();
            assertThat(service.output()).doesNotContain("tomcat-docbase");

            // The command line cannot write beside the service: exit 3 with one line naming why.
            try (JarProcess cli = JarProcess.start(checkout, "nightly", "--spring.profiles.active=samples")) {
                assertThat(cli.awaitExit(START)).as("exit code of nightly while the service runs\n%s", cli.output()).isEqualTo(3);
                assertThat(cli.output()).contains("warehouse").contains("in use");
            }
            lockedDoor(api, service);
            service.terminate();
            assertThat(service.awaitExit(Duration.ofSeconds(60))).as("service ends on SIGTERM").isIn(0, 143);
        }
    }

    /** Security headers on the admin page, and password guessing throttled and logged without the password. */
    private void lockedDoor(ServiceApi api, JarProcess service) throws Exception {
        HttpResponse<String> login = new ServiceApi(port, "", "").getAnonymous("/admin/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID").contains("SameSite=Strict"));

        ServiceApi guesser = new ServiceApi(port, "mallory", "guess-number-7");
        for (int i = 1; i <= 10; i++) {
            assertThat(guesser.get("/admin/api/executions").statusCode()).as("wrong password %d", i).isEqualTo(401);
        }
        HttpResponse<String> throttled = guesser.get("/admin/api/executions");
        assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(service.awaitLine(l -> l.contains("Security event: login refused for user 'mallory' from"), Duration.ofSeconds(10))).isTrue();
        assertThat(service.output()).contains("Security event: failed login for user 'mallory' from").doesNotContain("guess-number-7");
        // The address is throttled too: from here even the right password waits.
        assertThat(api.get("/admin/api/executions").statusCode()).isEqualTo(429);
    }

    @Test
    @Order(2)
    void killedMidRunShowsInterruptedAndRestartFromTheApiCompletesTheSameRun() throws Exception {
        Map<String, String> clean = progressFiles(checkout.resolve("var/out/latest"));
        Path fresh = UserCheckout.create(tmp.resolve("killed"));
        long killed;
        try (JarProcess service = startService(fresh)) {
            ServiceApi api = awaitUp(service);
            killed = startNightlyAndAwaitAFileLoaded(api, service);
            service.kill();
        }
        try (JarProcess service = startService(fresh)) {
            ServiceApi api = awaitUp(service);
            String view = api.get("/admin/api/executions/" + killed).body();
            assertThat(ServiceApi.field(view, "running")).as(view).isEqualTo("false");
            assertThat(ServiceApi.field(view, "status")).as(view).isEqualTo("FAILED");
            assertThat(ServiceApi.field(view, "exitCode")).as(view).isEqualTo("INTERRUPTED");
            assertThat(ServiceApi.field(view, "exitDescription")).as(view).contains("Restart completes it");
            assertThat(ServiceApi.field(view, "restartable")).as(view).isEqualTo("true");

            HttpResponse<String> restarted = api.post("/admin/api/executions/" + killed + "/restart");
            assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(202);
            long again = Long.parseLong(ServiceApi.field(restarted.body(), "executionId"));
            String done = api.awaitEnd(again, RUN);
            assertThat(ServiceApi.field(done, "status")).as(done).isEqualTo("COMPLETED");
            assertThat(ServiceApi.field(done, "jobInstanceId")).as("same job instance").isEqualTo(ServiceApi.field(view, "jobInstanceId"));

            // The interrupted execution is now superseded: a second restart names the one that completed it.
            HttpResponse<String> twice = api.post("/admin/api/executions/" + killed + "/restart");
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(twice.body()).contains("superseded by execution " + again);
            service.terminate();
            service.awaitExit(Duration.ofSeconds(60));
        }
        assertThat(progressFiles(fresh.resolve("var/out/latest"))).as("publication after the restart equals the clean run's")
                .isEqualTo(clean);
    }

    @Test
    @Order(3)
    void sigtermMidRunEndsStoppedAndRestartCompletesIt() throws Exception {
        Map<String, String> clean = progressFiles(checkout.resolve("var/out/latest"));
        Path fresh = UserCheckout.create(tmp.resolve("stopped"));
        long stopped;
        try (JarProcess service = startService(fresh)) {
            ServiceApi api = awaitUp(service);
            stopped = startNightlyAndAwaitAFileLoaded(api, service);
            service.terminate();
            int exit = service.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).as("exit after SIGTERM\n%s", service.output()).isIn(0, 143);
            assertThat(service.output()).contains("Shutting down: asking execution " + stopped + " (nightly) to stop");
        }
        try (JarProcess service = startService(fresh)) {
            ServiceApi api = awaitUp(service);
            String view = api.get("/admin/api/executions/" + stopped).body();
            assertThat(ServiceApi.field(view, "status")).as(view).isEqualTo("STOPPED");
            assertThat(ServiceApi.field(view, "exitDescription")).as(view).doesNotContain("unknown state");
            assertThat(ServiceApi.field(view, "restartable")).as(view).isEqualTo("true");
            HttpResponse<String> restarted = api.post("/admin/api/executions/" + stopped + "/restart");
            assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(202);
            String done = api.awaitEnd(Long.parseLong(ServiceApi.field(restarted.body(), "executionId")), RUN);
            assertThat(ServiceApi.field(done, "status")).as(done).isEqualTo("COMPLETED");
            service.terminate();
            service.awaitExit(Duration.ofSeconds(60));
        }
        assertThat(progressFiles(fresh.resolve("var/out/latest"))).as("nothing doubled: publication equals the clean run's")
                .isEqualTo(clean);
    }

    /** Starts the nightly through the API and waits until the service has committed at least one spend file. */
    private long startNightlyAndAwaitAFileLoaded(ServiceApi api, JarProcess service) throws Exception {
        int before = (int) service.lines().stream().filter(l -> l.contains("Loaded inkoopdata-")).count();
        HttpResponse<String> started = api.post("/admin/api/nightly");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = Long.parseLong(ServiceApi.field(started.body(), "executionId"));
        assertThat(service.awaitCondition(() -> service.lines().stream().filter(l -> l.contains("Loaded inkoopdata-")).count() > before,
                RUN)).as("a spend file loaded\n%s", service.output()).isTrue();
        return id;
    }

    /** Progress files of a publication, by path, for comparison with a clean run. */
    static java.util.Map<String, String> progressFiles(Path latest) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(latest.resolve("departments"))) {
            for (Path p : walk.filter(f -> f.getFileName().toString().equals("progress.csv")).toList()) {
                files.put(latest.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
