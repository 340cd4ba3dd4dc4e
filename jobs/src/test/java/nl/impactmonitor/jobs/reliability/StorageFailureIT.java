package nl.impactmonitor.jobs.reliability;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.ImpactmonitorApplication;
import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.cli.CommandLine;
import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.report.ReportAssembler;
import nl.impactmonitor.jobs.report.ReportRenderer;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storage that fails under the pipeline: a landing folder that cannot be listed must fail the run clearly with
 * nothing loaded, and a publication that fails half-way (disk full, a blocked or read-only output folder) must
 * leave {@code latest} on the previous complete publication with no {@code <run-id>} folder of the failed one.
 *
 * <p>Tests run as root in CI, where permission bits do not stop the reader: that is detected, other mechanisms are
 * used (a landing "folder" that is a regular file, a real full disk on a small tmpfs when mounting is allowed), and
 * the permission-based variants are skipped with a loud message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageFailureIT {

    static final Publisher.ReportWriter REPORT = (w, version, dir, reuse) -> new ReportRenderer().render(ReportAssembler.assemble(w, version), dir);

    @TempDir
    static Path dir;
    Warehouse warehouse;

    @BeforeAll
    void buildWarehouse() throws IOException {
        warehouse = TestProject.warehouse(Files.createDirectories(dir.resolve("warehouse")));
        SourceFileLoader spend = new SourceFileLoader(warehouse, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"));
        SourceFileLoader tenders = new SourceFileLoader(warehouse, Source.TENDER.spec(), TestProject.columns(Source.TENDER.token()), dir.resolve("work"));
        int n = 0;
        for (String f : List.of("inkoopdata-2023-AZ.csv", "inkoopdata-2023-FIN.csv", "inkoopdata-2023-JenV.xlsx")) {
            spend.load(TestProject.SAMPLES.resolve(f), null, "storage-" + (++n));
        }
        for (String f : List.of("mvi-zet-2023-AZ.csv", "mvi-zet-2023-IenW.csv")) {
            tenders.load(TestProject.TENDER_SAMPLES.resolve(f), null, "storage-" + (++n));
        }
        warehouse.models().buildAll();
    }

    @AfterAll
    void closeWarehouse() {
        warehouse.close();
    }

    static boolean permissionsStopUs(Path probeDir) throws IOException {
        Path probe = Files.createDirectories(probeDir.resolve("permission-probe"));
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
        try {
            return !Files.isReadable(probe);
        } finally {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static void skipLoudlyWhenRoot(Path probeDir, String what) throws IOException {
        boolean effective = permissionsStopUs(probeDir);
        if (!effective) {
            System.err.println("\n*** StorageFailureIT: running as " + System.getProperty("user.name")
                    + ", for whom permission bits do not deny access: SKIPPING '" + what + "'. The other mechanism"
                    + " of this class covers the same failure. ***\n");
        }
        Assumptions.assumeTrue(effective, "permission bits do not stop this user (root?): " + what + " skipped");
    }

    // ------------------------------------------------------------------ landing folder

    /** Runs {@code spend-load} in-process on a landing folder; returns what the run says. */
    private record Run(int exitCode, BatchStatus status, List<String> failures, long loads, long stagingRows) {
    }

    private Run spendLoad(Path home, Path inbox) {
        String[] args = {
                "spend-load",
                "--impactmonitor.home=" + home,
                "--impactmonitor.sql-dir=" + TestProject.SQL,
                "--impactmonitor.reference-dir=" + TestProject.REFERENCE,
                "--impactmonitor.targets-file=" + TestProject.DIR.resolve("config/targets.yaml"),
                "--impactmonitor.spend.inbox=" + inbox,
                "--spring.datasource.url=jdbc:h2:file:" + home.resolve("jobrepo/batch"),
                "--spring.quartz.auto-startup=false",
                "--logging.level.root=OFF", "--logging.level.nl.impactmonitor=OFF"};
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImpactmonitorApplication.class)
                .web(WebApplicationType.NONE).run(args)) {
            JobRepository repository = context.getBean(JobRepository.class);
            JobExecution execution = repository.getLastJobExecution(repository.getJobInstances("spend-load", 0, 1).get(0));
            Warehouse w = context.getBean(Warehouse.class);
            // Failure exceptions are not kept in the job repository: the exit descriptions hold their messages.
            List<String> failures = new ArrayList<>();
            failures.add(execution.getExitStatus().getExitDescription());
            execution.getStepExecutions().forEach(st -> failures.add(st.getStepName() + " " + st.getStatus() + ": "
                    + st.getExitStatus().getExitDescription()));
            return new Run(context.getBean(CommandLine.class).getExitCode(), execution.getStatus(), failures,
                    w.queryLong("SELECT count(*) FROM raw.load"), w.queryLong("SELECT count(*) FROM staging.spend_line"));
        }
    }

    @Test
    void landingFolderThatIsARegularFileFailsTheRunClearlyAndLoadsNothing() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home-file-inbox"));
        Path inbox = home.resolve("inbox-spend");
        Files.copy(TestProject.SAMPLES.resolve("inkoopdata-2023-AZ.csv"), inbox);

        Run run = spendLoad(home, inbox);

        assertThat(run.exitCode()).as("exit code").isEqualTo(1);
        assertThat(run.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.failures()).as("failure messages").anySatisfy(m -> assertThat(m)
                .startsWith("spend-files FAILED").contains("Cannot list landing folder " + inbox));
        assertThat(run.loads()).as("rows in raw.load").isZero();
        assertThat(run.stagingRows()).as("rows in staging.spend_line").isZero();
    }

    @Test
    void landingFolderWithoutReadPermissionFailsTheRunClearlyAndLoadsNothing() throws IOException {
        skipLoudlyWhenRoot(dir, "landing folder with mode 000");
        Path home = Files.createDirectories(dir.resolve("home-unreadable-inbox"));
        Path inbox = Files.createDirectories(home.resolve("inbox-spend"));
        Files.copy(TestProject.SAMPLES.resolve("inkoopdata-2023-AZ.csv"), inbox.resolve("inkoopdata-2023-AZ.csv"));
        Files.setPosixFilePermissions(inbox, PosixFilePermissions.fromString("---------"));
        try {
            Run run = spendLoad(home, inbox);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(run.failures()).anySatisfy(m -> assertThat(m).contains("Cannot list landing folder " + inbox));
            assertThat(run.loads()).isZero();
        } finally {
            Files.setPosixFilePermissions(inbox, PosixFilePermissions.fromString("rwx------"));
        }
    }

    // ------------------------------------------------------------------ publication

    /** {@code latest} is a link to {@code expectedRun}, whose every file listed in its manifest is there with its size. */
    static void assertLatestIsComplete(Path out, String expectedRun) throws IOException {
        Path latest = out.resolve(Publisher.LATEST);
        assertThat(Files.isSymbolicLink(latest)).as("latest is a link").isTrue();
        assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of(expectedRun));
        Path manifest = latest.resolve("manifest.json");
        assertThat(manifest).exists();
        JsonNode outputs = JsonMapper.builder().build().readTree(manifest.toFile()).get("outputs");
        assertThat(outputs.size()).as("files in the manifest").isGreaterThan(10);
        for (JsonNode o : outputs) {
            Path f = latest.resolve(o.get("path").asString());
            assertThat(f).as("listed in the manifest").exists();
            assertThat(Files.size(f)).as("size of %s", f).isEqualTo(o.get("bytes").asLong());
        }
    }

    /** Names directly under out/ (the link, publication folders, leftovers). */
    static List<String> entries(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : "")).sorted().toList();
        }
    }

    @Test
    void fileWhereTheRunFolderShouldGoStopsPublicationAndLatestStays() throws IOException {
        Path out = dir.resolve("out-blocked");
        Publisher publisher = new Publisher(REPORT, 5, "test");
        publisher.publish(warehouse, out, "run-1");
        Files.writeString(out.resolve("run-2"), "not a publication", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> publisher.publish(warehouse, out, "run-2")).hasMessageContaining("run-2").hasMessageContaining("already exists");

        assertLatestIsComplete(out, "run-1");
        assertThat(out.resolve("run-2")).isRegularFile();
        assertThat(entries(out)).containsExactly("latest", "run-1/", "run-2");
    }

    @Test
    void readOnlyOutputFolderStopsPublicationAndLatestStays() throws IOException {
        skipLoudlyWhenRoot(dir, "read-only output folder");
        Path out = dir.resolve("out-read-only");
        Publisher publisher = new Publisher(REPORT, 5, "test");
        publisher.publish(warehouse, out, "run-1");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> publisher.publish(warehouse, out, "run-2"));
            assertLatestIsComplete(out, "run-1");
            assertThat(entries(out)).containsExactly("latest", "run-1/");
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * A real full disk: the output folder is a tmpfs with room for one and a half publications, so the second runs
     * out of space half-way. Needs permission to mount (root with CAP_SYS_ADMIN, as in CI containers that allow it);
     * otherwise a report writer that fills part of a file and then fails as a full disk does stands in.
     */
    @Test
    void diskFullHalfWayThroughPublicationLeavesLatestOnThePreviousOne() throws Exception {
        Publisher publisher = new Publisher(REPORT, 5, "test");
        Path scratch = dir.resolve("out-measure");
        long size = sizeOf(publisher.publish(warehouse, scratch, "measure").dir());

        Path out = Files.createDirectories(dir.resolve("out-tmpfs"));
        long kb = (size + size / 2) / 1024 + 64;
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + kb + "k", "tmpfs", out.toString()) == 0;
        try {
            Publisher second = publisher;
            if (!mounted) {
                System.err.println("\n*** StorageFailureIT: cannot mount a small tmpfs here (not root or no CAP_SYS_ADMIN):"
                        + " simulating the full disk with a report writer that fails half-way instead. ***\n");
                second = new Publisher((w, version, reportDir, reuse) -> {
                    REPORT.write(w, version, reportDir, reuse);
                    Files.write(reportDir.resolve("half-written.html"), new byte[4096]);
                    throw new IOException("No space left on device");
                }, 5, "test");
            }
            publisher.publish(warehouse, out, "run-1");
            Publisher failing = second;
            assertThatThrownBy(() -> failing.publish(warehouse, out, "run-2"))
                    .satisfies(e -> System.out.println("StorageFailureIT: publication on a full disk failed with: " + messages(e)))
                    .satisfies(e -> assertThat(messages(e)).as("cause chain of %s", e).containsIgnoringCase("No space left on device"));

            assertLatestIsComplete(out, "run-1");
            assertThat(out.resolve("run-2")).doesNotExist();
            assertThat(entries(out)).as("only the previous publication and the leftover of the failed one")
                    .containsExactly(".tmp-run-2/", "latest", "run-1/");
        } finally {
            if (mounted) {
                assertThat(run("umount", out.toString())).as("umount " + out).isZero();
            }
        }
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private static long sizeOf(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            long bytes = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                bytes += (Files.size(p) + 4095) / 4096 * 4096;
            }
            return bytes;
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

}
