package nl.impactmonitor.jobs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. Given a command (see cli/), it runs that once and exits; without one it runs as the service:
 * nightly schedule, admin API and page.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImpactmonitorApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ImpactmonitorApplication.class);
        if (isCommand(args)) {
            // A command runs once and exits: no web server, no schedule of its own.
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(java.util.Map.of("spring.quartz.auto-startup", "false"));
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }

    static boolean isCommand(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(a -> !a.startsWith("-"));
    }
}
