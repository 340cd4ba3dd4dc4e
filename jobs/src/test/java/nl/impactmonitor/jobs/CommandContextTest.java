package nl.impactmonitor.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import nl.impactmonitor.jobs.admin.ScheduleAndPublication;
import nl.impactmonitor.jobs.admin.WarehouseHealthIndicator;
import nl.impactmonitor.jobs.cli.CommandLine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationEventPublisher;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A command (nightly, spend-load, status, help ...) starts the lean context main() gives it (cli.properties): the
 * command line and the jobs, but no schedule, security, metrics or admin beans, which only the service uses.
 */
class CommandContextTest {

    @TempDir
    Path home;

    @Test
    void aCommandStartsWithoutScheduleSecurityMetricsOrAdminBeans() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImpactmonitorApplication.class)
                .web(WebApplicationType.NONE)
                .properties(ImpactmonitorApplication.cliProperties())
                .run("--impactmonitor.home=" + home,
                        "--impactmonitor.sql-dir=" + TestProject.SQL,
                        "--impactmonitor.reference-dir=" + TestProject.REFERENCE,
                        "--impactmonitor.targets-file=" + TestProject.DIR.resolve("config/targets.yaml"),
                        "--spring.datasource.url=jdbc:h2:file:" + home.resolve("jobrepo/batch"),
                        "--logging.level.nl.impactmonitor=WARN")) {
            assertThat(context.getBeanNamesForType(CommandLine.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(org.springframework.batch.core.job.Job.class)).contains("nightlyJob");
            assertThat(context.getBeanNamesForType(Scheduler.class)).isEmpty();
            assertThat(context.getBeanNamesForType(AuthenticationEventPublisher.class)).isEmpty();
            assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
            assertThat(context.getBeanNamesForType(WarehouseHealthIndicator.class)).isEmpty();
            assertThat(context.getBeanNamesForType(ScheduleAndPublication.class)).isEmpty();
        }
    }

    /** help and arguments picocli cannot parse are answered before Spring starts: the same usage, no context. */
    @Test
    void helpAndBadArgumentsAreAnsweredWithoutStartingTheApplication() {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(CommandLine.answerBeforeStart(new String[] {"--spring.profiles.active=demo", "help"}, out)).hasValue(0);
        String usage = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(usage).startsWith("Usage: impactmonitor");
        for (String verb : java.util.List.of("nightly", "spend-load", "tender-load", "result-load", "run", "rerun", "retire", "restart",
                "status", "propose-allocation", "report", "help")) {
            assertThat(usage).as("help lists %s", verb).containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(verb) + "\\s");
        }

        buffer.reset();
        assertThat(CommandLine.answerBeforeStart(new String[] {"generate-samples"}, out)).hasValue(2);
        assertThat(buffer.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("error: Unmatched argument at index 0: 'generate-samples'").contains("Usage: impactmonitor");

        buffer.reset();
        assertThat(CommandLine.answerBeforeStart(new String[] {"status"}, out)).isEmpty();
        assertThat(CommandLine.answerBeforeStart(new String[] {"spend-load", "--force-reload"}, out)).isEmpty();
        assertThat(buffer.size()).as("a command that runs prints nothing before the application starts").isZero();
    }
}
