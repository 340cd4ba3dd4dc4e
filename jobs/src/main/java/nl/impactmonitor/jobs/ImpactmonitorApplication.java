package nl.impactmonitor.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import nl.impactmonitor.jobs.system.StartupFailures;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Entry point. Given a command (see cli/), it runs that once and exits; without one it runs as the service:
 * nightly schedule, admin API and page.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImpactmonitorApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ImpactmonitorApplication.class);
        try {
            if (isCommand(args)) {
                // help and unparseable arguments are answered without starting the application
                java.util.OptionalInt answered = nl.impactmonitor.jobs.cli.CommandLine.answerBeforeStart(args, System.out);
                if (answered.isPresent()) {
                    System.out.flush();
                    System.exit(answered.getAsInt());
                }
                // A command runs once and exits: a lean context without web server, schedule, security, actuator
                // and admin beans (cli.properties, as default properties: the configuration can still override them).
                app.setWebApplicationType(WebApplicationType.NONE);
                app.setDefaultProperties(cliProperties());
                System.exit(SpringApplication.exit(app.run(args)));
            }
            app.run(args);
        } catch (RuntimeException | Error e) {
            // Reported already (one line by system/OneLineFailureReporter, or Boot's stack trace when not diagnosed);
            // the exit code says what kind of failure it was: 3 when another process holds the warehouse.
            System.exit(StartupFailures.diagnose(e).map(StartupFailures.Diagnosis::exitCode).orElse(StartupFailures.EXIT_FAILED));
        }
    }

    /** The defaults of a command (cli.properties). */
    public static Properties cliProperties() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("cli.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isCommand(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(a -> !a.startsWith("-"));
    }
}
