package nl.impactmonitor.jobs.asuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command line, run as a user runs it: {@code java -jar jobs/target/impactmonitor.jar ...} from a copy
 * of the repository root, nothing set that the README does not say. The nightly on the bundled samples, the
 * documented exit codes for bad arguments, and start-up mistakes reported in one line that names the file and line.
 */
class ReadmeCommandLineIT {

    static final Duration RUN = Duration.ofSeconds(900);
    static final Duration FAIL = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void readmeNightlyOnTheSamplesPublishes() throws Exception {
        Path checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        try (JarProcess run = JarProcess.start(checkout, "nightly", "--spring.profiles.active=samples")) {
            assertThat(run.awaitExit(RUN)).as("exit code\n%s", run.output()).isZero();
            Path latest = checkout.resolve("var/out/latest");
            assertThat(run.output()).contains("Job nightly (execution 1): COMPLETED")
                    .contains("Published:  " + latest + " (report: " + latest.resolve("report/index.html") + ")")
                    .doesNotContain("tomcat-docbase");
            assertThat(latest.resolve("manifest.json")).isRegularFile();
            assertThat(latest.resolve("departments/IenW/progress.csv")).isRegularFile();
        }
        try (JarProcess status = JarProcess.start(checkout, "status")) {
            assertThat(status.awaitExit(FAIL)).as(status.output()).isZero();
            assertThat(status.output()).containsPattern("1\\s+nightly\\s+COMPLETED");
        }
    }

    @Test
    void badArgumentsExitTwoWithOneLine() throws Exception {
        Path checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        try (JarProcess status = JarProcess.start(checkout, "status", "--limit=abc")) {
            assertThat(status.awaitExit(FAIL)).as(status.output()).isEqualTo(2);
            assertThat(messages(status)).containsExactly("error: --limit must be a whole number from 1 to 9999, not 'abc'");
        }
        try (JarProcess rerun = JarProcess.start(checkout, "rerun", "spend", "--department=AZ", "--year=23")) {
            assertThat(rerun.awaitExit(FAIL)).as(rerun.output()).isEqualTo(2);
            assertThat(messages(rerun)).contains("error: --year must be a four-digit year such as 2023, not '23'");
        }
    }

    @Test
    void helpListsEveryVerbAndUnknownOnesExitTwo() throws Exception {
        Path checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        try (JarProcess help = JarProcess.start(checkout, "help")) {
            assertThat(help.awaitExit(FAIL)).as(help.output()).isZero();
            assertThat(messages(help)).anyMatch(l -> l.startsWith("Usage: impactmonitor"));
            for (String verb : List.of("nightly", "spend-load", "tender-load", "result-load", "run", "rerun", "retire",
                    "restart", "status", "help")) {
                assertThat(messages(help)).as("help lists %s", verb).anyMatch(l -> l.strip().startsWith(verb + " "));
            }
            assertThat(help.output()).doesNotContain("generate-samples");
        }
        try (JarProcess unknown = JarProcess.start(checkout, "generate-samples")) {
            assertThat(unknown.awaitExit(FAIL)).as(unknown.output()).isEqualTo(2);
            assertThat(messages(unknown).get(0)).isEqualTo("error: Unmatched argument at index 0: 'generate-samples'");
        }
    }

    @Test
    void typoInTheTargetsCatalogueNamesFileAndLine() throws Exception {
        Path checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        Path targets = checkout.resolve("config/targets.yaml");
        List<String> lines = Files.readAllLines(targets);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("direction:")) {
                at = i;
                break;
            }
        }
        assertThat(at).as("a direction: line in config/targets.yaml").isNotNegative();
        String indent = lines.get(at).substring(0, lines.get(at).indexOf('d'));
        lines.set(at, indent + "direction: upwards");
        Files.write(targets, lines);
        assertFailsInOneLine(checkout, 1, "targets.yaml", "line " + (at + 1));
    }

    @Test
    void missingReferenceFileIsNamed() throws Exception {
        Path checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        Files.delete(checkout.resolve("config/reference/result_metrics.csv"));
        assertFailsInOneLine(checkout, 1, checkout.resolve("config/reference/result_metrics.csv").toString(), "is missing");
    }

    @Test
    void varThatIsNotAFolderIsNamed() throws Exception {
        Path checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        Files.writeString(checkout.resolve("var"), "not a folder");
        assertFailsInOneLine(checkout, 1, checkout.resolve("var").toString(), "folder");
    }

    @Test
    void unreachableJobRepositoryIsNamed() throws Exception {
        Path checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertFailsInOneLine(checkout, 1, "job repository database cannot be reached", "spring.datasource.url",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + closed + "/impactmonitor");
    }

    @Test
    void portInUseIsNamed() throws Exception {
        Path checkout = UserCheckout.create(tmp.resolve("impactmonitor"));
        try (ServerSocket busy = new ServerSocket(0)) {
            try (JarProcess service = JarProcess.start(checkout, "--spring.profiles.active=demo,samples",
                    "--server.port=" + busy.getLocalPort())) {
                assertThat(service.awaitExit(FAIL)).as(service.output()).isEqualTo(1);
                assertOneLine(service, "Port " + busy.getLocalPort(), "--server.port");
            }
        }
    }

    private static void assertFailsInOneLine(Path checkout, int exitCode, String names, String and, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("status"));
        args.addAll(List.of(extra));
        try (JarProcess run = JarProcess.start(checkout, args.toArray(String[]::new))) {
            assertThat(run.awaitExit(FAIL)).as(run.output()).isEqualTo(exitCode);
            assertOneLine(run, names, and);
        }
    }

    private static void assertOneLine(JarProcess run, String names, String and) {
        List<String> messages = messages(run);
        assertThat(messages).as("what the user reads besides the log\n%s", run.output()).hasSize(1);
        assertThat(messages.get(0)).startsWith("Impactmonitor did not start: ").contains(names).contains(and).contains("Fix: ");
        assertThat(run.lines()).as("whole console\n%s", run.output()).hasSizeLessThan(15);
    }

    /** Console lines that are not log lines (those start with a timestamp) nor the demo passwords' block. */
    private static List<String> messages(JarProcess run) {
        return run.lines().stream().filter(l -> !l.isBlank() && !l.matches("^\\d{4}-\\d\\d-\\d\\dT.*"))
                .filter(l -> !l.startsWith("No admin users configured") && !l.matches("^\\s+(steward|viewer)\\s+/ .*")
                        && !l.startsWith("Configure users before"))
                .toList();
    }

}
