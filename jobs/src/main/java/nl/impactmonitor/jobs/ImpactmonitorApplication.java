package nl.impactmonitor.jobs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: the batch jobs and, given a command on the command line, one run of it (see cli/). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImpactmonitorApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ImpactmonitorApplication.class, args)));
    }
}
