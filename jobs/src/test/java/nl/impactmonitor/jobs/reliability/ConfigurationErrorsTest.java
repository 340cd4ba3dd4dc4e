package nl.impactmonitor.jobs.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.ImpactmonitorApplication;
import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.cli.CommandLine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A steward's or operator's configuration mistake must stop the application at start-up with one clear message
 * naming the file and line (or, for the job repository, saying which database cannot be reached), not surface as
 * a wrong figure later. The application is started as the command line starts it, on temp copies of the project's
 * configuration; settings are passed as command-line options so they outrank application.properties.
 */
class ConfigurationErrorsTest {

    @TempDir
    Path home;
    Path reference;
    Path targets;

    @BeforeEach
    void copyConfiguration() throws IOException {
        reference = Files.createDirectories(home.resolve("config/reference"));
        try (Stream<Path> files = Files.list(TestProject.REFERENCE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, reference.resolve(f.getFileName()));
            }
        }
        targets = home.resolve("config/targets.yaml");
        Files.copy(TestProject.DIR.resolve("config/targets.yaml"), targets);
    }

    /** The command-line options of a run on the temp home; an option in {@code extra} replaces the default of that name. */
    private List<String> args(String... extra) {
        List<String> defaults = List.of(
                "--impactmonitor.home=" + home,
                "--impactmonitor.sql-dir=" + TestProject.SQL,
                "--impactmonitor.reference-dir=" + reference,
                "--impactmonitor.targets-file=" + targets,
                "--impactmonitor.spend.inbox=" + home.resolve("inbox/spend"),
                "--impactmonitor.tender.inbox=" + home.resolve("inbox/tender"),
                "--impactmonitor.result.inbox=" + home.resolve("inbox/result"),
                "--spring.datasource.url=jdbc:h2:file:" + home.resolve("jobrepo/batch"),
                "--spring.quartz.auto-startup=false",
                "--logging.level.root=OFF",
                "--logging.level.nl.impactmonitor=OFF");
        List<String> args = new ArrayList<>(List.of(extra));
        for (String option : defaults) {
            String name = option.substring(0, option.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(name))) {
                args.add(option);
            }
        }
        return args;
    }

    private static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ImpactmonitorApplication.class).web(WebApplicationType.NONE);
    }

    /** Starts the application, expecting start-up to fail; returns the failure. */
    private Throwable startupFailure(String... extra) {
        try (ConfigurableApplicationContext ignored = application().run(args(extra).toArray(String[]::new))) {
            return fail("the application started although its configuration is broken");
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static Throwable root(Throwable t) {
        List<Throwable> chain = chain(t);
        return chain.get(chain.size() - 1);
    }

    /** Line (1-based) of the first line of the file containing the text. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private void replaceFirst(Path file, String regex, String replacement) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String changed = text.replaceFirst(regex, replacement);
        assertThat(changed).as("edit of %s", file).isNotEqualTo(text);
        Files.writeString(file, changed, StandardCharsets.UTF_8);
    }

    @Test
    void brokenTargetsCatalogueStopsStartUpNamingFileAndLine() throws IOException {
        replaceFirst(targets, "direction: (increase|decrease)", "direction: up");
        int line = lineOf(targets, "direction: up");

        Throwable failure = startupFailure();

        // One message in the cause chain says it all: the file, the line, the key, the wrong and the allowed values.
        List<String> naming = chain(failure).stream().map(Throwable::getMessage)
                .filter(m -> m != null && m.contains(targets + " line " + line + ":")).toList();
        assertThat(naming).as("a message naming %s line %d, in %s", targets, line, chain(failure)).isNotEmpty();
        String message = root(failure).getMessage();
        assertThat(message).isEqualTo(naming.get(naming.size() - 1))
                .startsWith("Targets catalogue has 1 error(s):")
                .contains("'direction' must be one of [decrease, increase], not 'up'");
    }

    @Test
    void brokenAllocationRegisterStopsStartUpNamingFileAndLine() throws IOException {
        Path register = home.resolve("config/allocations.yaml");
        Files.writeString(register, """
                allocations:
                  - goal: social_return_jobs
                    period: {from: 2024, to: 2030}
                    status: adopted
                    adopted_by: ICBR
                    basis: werkgroep
                    kind: absolute
                    parts: {AZ: 1000, XYZ: 500}
                """, StandardCharsets.UTF_8);

        String message = root(startupFailure()).getMessage();

        // the unknown department's part is left out, so the known parts do not add up to the target either
        assertThat(message).startsWith("Allocation register has 3 error(s):")
                .contains(register + " line 2: allocation of 'social_return_jobs': status adopted without 'adopted_on'")
                .contains(register + " line 8: allocation of 'social_return_jobs': unknown department 'XYZ'")
                .contains(register + " line 8: allocation of 'social_return_jobs': parts add up to 1000, not exactly the goal's target 1500 jobs");
    }

    @Test
    void targetsCatalogueThatIsNotYamlStopsStartUpNamingFileAndLine() throws IOException {
        replaceFirst(targets, "theme: \\{strategy: ([a-z_]+), national_plan: ([a-z_]+)\\}", "theme: {strategy: $1, national_plan: $2");
        int line = lineOf(targets, "theme: {strategy:");

        String message = root(startupFailure()).getMessage();

        assertThat(message).startsWith("Targets catalogue " + targets + " is not valid YAML")
                .containsPattern("line (" + line + "|" + (line + 1) + ")");
    }

    @Test
    void missingTargetsCatalogueStopsStartUpNamingTheFile() throws IOException {
        Files.delete(targets);

        String message = root(startupFailure()).getMessage();

        assertThat(message).contains("Cannot read targets catalogue " + targets.toAbsolutePath());
    }

    @Test
    void unreachableJobRepositoryStopsStartUpWithAnUnderstandableRootCause() {
        Throwable failure = startupFailure("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                "--spring.datasource.hikari.connection-timeout=2000", "--spring.datasource.hikari.initialization-fail-timeout=1");

        // The driver's own message names the address and says what to check; its cause is the bare socket error.
        Throwable root = root(failure);
        assertThat(root.getMessage()).as("root cause %s", root).containsIgnoringCase("refused");
        assertThat(chain(failure)).extracting(Throwable::getMessage).as("cause chain")
                .anySatisfy(m -> assertThat(m).contains("127.0.0.1:1").containsIgnoringCase("refused"));
    }

    /**
     * Gap, not the wanted behaviour: an alias naming an unknown department is not checked at start-up (only the targets
     * catalogue is). The run-time safety net is the data test of severity error, which stops publication. This test
     * pins down that safety net; the start-up check is reported as missing.
     */
    @Test
    void aliasToUnknownDepartmentStopsStartUpNamingFileAndLine() throws IOException {
        Path aliases = reference.resolve("department_aliases.csv");
        Files.writeString(aliases, "Ministerie van Toverkunst,MAGIE,typo in the code\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        int line = lineOf(aliases, "MAGIE");

        Throwable failure = startupFailure();

        assertThat(root(failure).getMessage())
                .isEqualTo(aliases + " line " + line + ": alias 'Ministerie van Toverkunst' names department 'MAGIE',"
                        + " which is not in departments.csv");
        assertThat(home.resolve("var/out/latest")).as("nothing published").doesNotExist();
    }
}
