package nl.impactmonitor.jobs.spend;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.landing.SourceLoadSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code spend-load}: fetch the configured download (if any) into the spend landing folder, then load
 * every file there, one partition per file. Files already loaded (same sha256) are skipped; a file replaces
 * the (department, year) partitions it holds.
 * Its name, folder, settings and tables are {@link Source#SPEND}'s; its steps those of every source ({@link SourceLoadSteps}).
 */
@Configuration(proxyBeanMethods = false)
public class SpendLoadJobConfiguration {

    @Bean
    Job spendLoadJob(SourceLoadSteps loads, Step referenceDataStep) {
        return loads.job(Source.SPEND, referenceDataStep);
    }
}
