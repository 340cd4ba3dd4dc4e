package nl.impactmonitor.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import nl.impactmonitor.jobs.ImpactmonitorApplication;
import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.reliability.CrashRecoveryIT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two service nodes in profile cluster (separate JVMs, the real config/application-cluster.yml) against one private
 * PostgreSQL and one shared home folder, on the bundled samples. The nightly trigger fires on one node; that node is
 * killed with SIGKILL while it loads; the other node recovers the firing, waiting while the dead node's lock session
 * lingers as after the loss of a machine, and completes the same job instance. The
 * shared warehouse and publication then equal those of a clean single-node run. A command started while a node
 * holds the writer lock is refused at once, naming that node, and so is the admin API's "nightly now" on the node
 * that is not writing; that node's health and rejects answer without the warehouse open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    static final Duration TIMEOUT = Duration.ofSeconds(150);
    static final ZoneId SCHEDULE_ZONE = ZoneId.of("Europe/Amsterdam");
    static final String STEWARD = "steward:cluster-test";
    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    PostgresServer postgres;
    CrashRecoveryIT.State clean;

    @BeforeAll
    void startPostgresAndRunOnceOnOneNode() throws Exception {
        postgres = PostgresServer.startOrSkip();
        Path cleanHome = Files.createDirectories(dir.resolve("clean"));
        List<String> args = new ArrayList<>(List.of("nightly", "--spring.datasource.url=jdbc:h2:file:" + cleanHome.resolve("var/jobrepo/batch")));
        try (Node run = Node.start("clean", cleanHome, args)) {
            assertThat(run.awaitExit()).as("exit code of the clean single-node run\n%s", run.output()).isZero();
        }
        clean = CrashRecoveryIT.state(cleanHome);
        assertThat(clean.rowCounts().get("staging.spend_line")).as("clean run loaded spend").isGreaterThan(1000);
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void nightlyFiresOnOneNodeAndAfterKill9TheOtherNodeCompletesTheSameRunOnce() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        // A cron for one moment, late enough for both nodes to be up; a node still starting then fires it as a misfire.
        ZonedDateTime fireAt = ZonedDateTime.now(SCHEDULE_ZONE).plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        String once = fireAt.getSecond() + " " + fireAt.getMinute() + " " + fireAt.getHour() + " " + fireAt.getDayOfMonth() + " "
                + fireAt.getMonthValue() + " ? " + fireAt.getYear();
        Instant planned = fireAt.toInstant();

        int portA = freePort();
        int portB = freePort();
        try (Node a = Node.start("node-a", shared, webArgs(clusterArgs("node-a", once), portA));
             Node b = Node.start("node-b", shared, webArgs(clusterArgs("node-b", once), portB))) {
            List<Node> nodes = List.of(a, b);
            for (Node n : nodes) {
                assertThat(n.awaitLine(l -> l.contains("Next nightly run"))).as("%s started\n%s", n.name, n.output()).isTrue();
            }
            Node active = awaitAny(nodes, l -> l.contains("Started nightly flow, execution"));
            assertThat(active).as("a node started the nightly flow\n%s\n%s", a.output(), b.output()).isNotNull();
            Node standby = active == a ? b : a;
            assertThat(active.awaitLine(l -> l.contains("RawLoader") && l.contains("Loaded inkoopdata-")))
                    .as("%s loads spend files\n%s", active.name, active.output()).isTrue();
            assertThat(standby.count(l -> l.contains("Started nightly flow"))).as("%s did not fire the same trigger", standby.name).isZero();
            int standbyPort = standby == a ? portA : portB;
            HttpResponse<String> refused = post(standbyPort, "/admin/api/nightly");
            assertThat(refused.statusCode()).as("nightly now on %s while %s writes: %s", standby.name, active.name, refused.body()).isEqualTo(409);
            assertThat(JSON.readTree(refused.body()).get("error").asString())
                    .startsWith("the nightly flow (admin API) refused on node " + standby.name)
                    .contains("has one writer and it is node " + active.name + " (PostgreSQL backend pid");

            long killedAt = System.nanoTime();
            active.kill();
            long recoveryTriedAt;
            // As when a whole machine vanishes, PostgreSQL keeps the dead node's session, and so the lock, a while longer:
            // the test holds it in that node's name until the survivor's recovery has found it held, then lets go.
            try (Connection lingering = lockSession(active.name); Statement st = lingering.createStatement()) {
                st.execute("SELECT pg_advisory_lock(20261127)");
                assertThat(standby.awaitLine(l -> l.contains("waits for the writer lock")))
                        .as("%s's recovery waits for the lock\n%s", standby.name, standby.output()).isTrue();
                recoveryTriedAt = System.nanoTime();
                assertThat(standby.lines(l -> l.contains("waits for the writer lock")).get(0))
                        .contains("has one writer and it is node " + active.name);
            }
            assertThat(standby.awaitLine(l -> l.contains("Recovering nightly flow planned " + planned)))
                    .as("%s recovers the killed run\n%s", standby.name, standby.output()).isTrue();
            long recoveredAt = System.nanoTime();
            assertThat(standby.awaitLine(l -> l.contains("Scheduled nightly flow ended:")))
                    .as("%s ends the recovered run\n%s", standby.name, standby.output()).isTrue();
            long completedAt = System.nanoTime();
            System.out.printf("TwoNodeClusterIT: %s killed; %s tried to recover after %.1f s, took the run over %.1f s after the"
                    + " lingering lock was released and completed it %.1f s after that%n", active.name, standby.name,
                    (recoveryTriedAt - killedAt) / 1e9, (recoveredAt - recoveryTriedAt) / 1e9, (completedAt - recoveryTriedAt) / 1e9);
            for (Node n : nodes) {
                n.lines(l -> l.contains("nightly") || l.contains("writer lock") || l.contains("ClusterManager"))
                        .forEach(l -> System.out.println("TwoNodeClusterIT " + n.name + ": " + l));
            }
            assertThat(standby.output()).as("Quartz on %s took %s for dead and recovered its firing", standby.name, active.name)
                    .contains("ClusterManager: detected 1 failed or restarted instances.", "Scheduled 1 recoverable job(s) for recovery.");
            assertThat(standby.output()).containsPattern("Scheduled nightly flow ended: execution \\d+ COMPLETED");
            assertThat(standby.count(l -> l.contains("Started nightly flow"))).as("the survivor restarted the run, not a new one").isZero();
            assertThat(active.count(l -> l.contains("Started nightly flow"))).isEqualTo(1);
            assertThat(standby.awaitLine(l -> l.contains("released the warehouse writer lock")))
                    .as("%s closes the warehouse after the run\n%s", standby.name, standby.output()).isTrue();

            // Idle now, the survivor has no warehouse open: health says so, rejects come from the publication.
            JsonNode warehouseHealth = JSON.readTree(get(standbyPort, "/actuator/health").body()).path("components").path("warehouse");
            assertThat(warehouseHealth.path("status").asString()).isEqualTo("UP");
            assertThat(warehouseHealth.path("details").path("query").asString()).isEqualTo("not open on this node: no node writes now");
            long restarted = single("SELECT max(job_execution_id) FROM batch_job_execution");
            HttpResponse<String> rejectsPage = get(standbyPort, "/admin/api/executions/" + restarted + "/rejects?size=500");
            rejectsBody = rejectsPage.body();
            assertThat(rejectsPage.statusCode()).as(rejectsBody).isEqualTo(200);
            JsonNode rejects = JSON.readTree(rejectsBody);
            publishedRejects = rejects.path("total").asLong();
            rejectLoadIds = new ArrayList<>();
            rejects.path("loadIds").forEach(id -> rejectLoadIds.add(id.asString()));
            assertThat(standby.stop()).as("%s stops cleanly\n%s", standby.name, standby.output()).isZero();
        }
        // The rejects the idle node read from the latest publication are those the warehouse holds for the run's loads.
        System.out.printf("TwoNodeClusterIT: the idle node read %d rejects of %d loads from the publication%n", publishedRejects, rejectLoadIds.size());
        assertThat(rejectLoadIds).as("load ids of the restarted run's file steps, in %s", rejectsBody).isNotEmpty();
        assertThat(publishedRejects).as("rejects of the restarted run, from the publication")
                .isEqualTo(warehouseRejects(shared.resolve("var/warehouse/impactmonitor.duckdb"), rejectLoadIds)).isPositive();

        // One trigger firing, one job instance, completed once: the killed execution (marked FAILED by the recovery) and its restart.
        List<String> executions = rows("""
                SELECT i.job_instance_id || ' ' || e.status || ' ' || p.parameter_value
                FROM batch_job_instance AS i
                INNER JOIN batch_job_execution AS e ON e.job_instance_id = i.job_instance_id
                INNER JOIN batch_job_execution_params AS p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'trigger'
                WHERE i.job_name = 'nightly' ORDER BY e.job_execution_id""");
        assertThat(executions).as("nightly executions in the shared job repository").hasSize(2);
        String instance = executions.get(0).split(" ")[0];
        assertThat(executions.get(0)).startsWith(instance + " FAILED schedule nightly-trigger, planned " + planned);
        assertThat(executions.get(1)).startsWith(instance + " COMPLETED schedule nightly-trigger, planned " + planned);

        // No row lost or loaded twice: the shared warehouse equals the clean single-node run's.
        CrashRecoveryIT.State after = CrashRecoveryIT.state(shared);
        assertThat(after.rowCounts()).as("rows per table").isEqualTo(clean.rowCounts());
        assertThat(after.duplicates().values()).as("rows present twice (source_file, line_no)").containsOnly(0L);
        assertThat(after.filesLoadedTwice()).as("files loaded twice").isZero();
        assertThat(after.progressFiles()).as("progress.csv bytes (sha256)").isEqualTo(clean.progressFiles());
    }

    long publishedRejects;
    String rejectsBody;
    List<String> rejectLoadIds;

    @Test
    @Order(2)
    void aSecondWriterIsRefusedAtOnceNamingTheNodeThatWrites() throws Exception {
        long jobRows = single("SELECT count(*) FROM batch_job_execution");
        // A table dropped and created again by a start-up script would get a new oid.
        String tables = "SELECT string_agg(to_regclass(t)::oid::text, ',' ORDER BY t) FROM unnest(ARRAY['batch_job_instance', 'qrtz_triggers', 'qrtz_locks']) AS t";
        String tablesBefore = rows(tables).get(0);
        try (Connection writing = lockSession("node-x"); Statement st = writing.createStatement()) {
            st.execute("SELECT pg_advisory_lock(20261127)");
            Path home = Files.createDirectories(dir.resolve("second-writer"));
            List<String> args = new ArrayList<>(List.of("nightly"));
            args.addAll(clusterArgs("node-c", null));
            try (Node command = Node.start("node-c", home, args)) {
                assertThat(command.awaitExit()).as("exit code 3: conflict\n%s", command.output()).isEqualTo(3);
                assertThat(command.output()).contains("conflict: command nightly refused on node node-c",
                        "has one writer and it is node node-x (PostgreSQL backend pid");
            }
            assertThat(home.resolve("var/warehouse/impactmonitor.duckdb")).as("the refused command did not open the warehouse").doesNotExist();
        }
        // The third process started on the existing schema and left it as it was: no execution created, the history kept.
        assertThat(single("SELECT count(*) FROM batch_job_execution")).isEqualTo(jobRows);
        assertThat(rows(tables).get(0)).as("Batch and Quartz tables are the same tables, not dropped and created again").isEqualTo(tablesBefore);
    }

    private List<String> clusterArgs(String node, String cron) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.additional-location=file:" + TestProject.DIR.resolve("config") + "/",
                "--spring.profiles.active=cluster",
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + postgres.url(),
                "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=",
                "--impactmonitor.cluster.node-name=" + node,
                // Short check-in so a dead node is noticed within seconds (7.5 s + this) rather than the production default.
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000"));
        if (cron != null) {
            args.add("--impactmonitor.schedule.nightly-cron=" + cron);
        }
        return args;
    }

    /** A PostgreSQL session that names itself as the writer lock session of {@code node}. */
    private Connection lockSession(String node) throws SQLException {
        Properties session = new Properties();
        session.setProperty("user", PostgresServer.USER);
        session.setProperty("ApplicationName", AdvisoryLockWriter.APPLICATION_NAME_PREFIX + node);
        return java.sql.DriverManager.getConnection(postgres.url(), session);
    }

    private static List<String> webArgs(List<String> args, int port) {
        List<String> web = new ArrayList<>(args);
        web.remove("--spring.main.web-application-type=none");
        web.addAll(List.of("--server.port=" + port,
                "--impactmonitor.security.users[0].name=steward",
                "--impactmonitor.security.users[0].password={noop}cluster-test",
                "--impactmonitor.security.users[0].roles[0]=STEWARD"));
        return web;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path) throws IOException, InterruptedException {
        return http.send(request(port, path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(STEWARD.getBytes(StandardCharsets.UTF_8)));
    }

    private static long warehouseRejects(Path warehouse, List<String> loadIds) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), readOnly);
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM raw.reject WHERE load_id IN ("
                     + String.join(", ", Collections.nCopies(loadIds.size(), "?")) + ")")) {
            for (int i = 0; i < loadIds.size(); i++) {
                ps.setString(i + 1, loadIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Node awaitAny(List<Node> nodes, Predicate<String> match) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Node n : nodes) {
                if (n.count(match) > 0) {
                    return n;
                }
            }
            Thread.sleep(20);
        }
        return null;
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = postgres.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private long single(String sql) throws SQLException {
        return Long.parseLong(rows(sql).get(0));
    }

    /** One application process on the test classpath with the project's sql/, reference data and samples. */
    static final class Node implements AutoCloseable {
        final String name;
        private final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        private Node(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                     Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                        w.write(line);
                        w.write('\n');
                        w.flush();
                    }
                } catch (IOException e) {
                    lines.add("(output reader: " + e + ")");
                }
            }, "output-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        static Node start(String name, Path home, List<String> args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    ImpactmonitorApplication.class.getName()));
            cmd.addAll(args);
            cmd.addAll(List.of(
                    "--impactmonitor.home=" + home,
                    "--impactmonitor.sql-dir=" + TestProject.SQL,
                    "--impactmonitor.reference-dir=" + TestProject.REFERENCE,
                    "--impactmonitor.targets-file=" + TestProject.DIR.resolve("config/targets.yaml"),
                    "--impactmonitor.spend.inbox=" + TestProject.SAMPLES,
                    "--impactmonitor.tender.inbox=" + TestProject.TENDER_SAMPLES,
                    "--impactmonitor.result.inbox=" + TestProject.RESULT_SAMPLES,
                    "--impactmonitor.warehouse.memory-limit=1GB",
                    "--logging.level.nl.impactmonitor=INFO"));
            Path log = home.resolve(name + "-" + System.nanoTime() + ".log");
            Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true).start();
            return new Node(name, p, log);
        }

        boolean awaitLine(Predicate<String> match) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (count(match) > 0) {
                    return true;
                }
                if (!process.isAlive()) {
                    reader.join(5000);
                    return count(match) > 0;
                }
                Thread.sleep(20);
            }
            return false;
        }

        List<String> lines(Predicate<String> match) {
            synchronized (lines) {
                return lines.stream().filter(match).toList();
            }
        }

        long count(Predicate<String> match) {
            synchronized (lines) {
                return lines.stream().filter(match).count();
            }
        }

        /** kill -9. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s killed", name).isTrue();
            reader.join(5000);
        }

        /** SIGTERM, as systemd stops a service; 143 is the JVM's exit code for it after a clean shutdown. */
        int stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s stopped", name).isTrue();
            reader.join(5000);
            int code = process.exitValue();
            return code == 143 ? 0 : code;
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not end within " + TIMEOUT + "\n" + output());
            }
            reader.join(5000);
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
