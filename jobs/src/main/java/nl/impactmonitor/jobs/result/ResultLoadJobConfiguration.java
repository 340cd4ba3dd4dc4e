package nl.impactmonitor.jobs.result;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.landing.SourceLoadSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code result-load}: supplier-reported results (CSV, XLSX, JSON) from their landing folder or a download; a
 * restatement supersedes the earlier value for its contract, metric and period.
 * Its name, folder, settings and tables are {@link Source#RESULT}'s; its steps those of every source ({@link SourceLoadSteps}).
 */
@Configuration(proxyBeanMethods = false)
public class ResultLoadJobConfiguration {

    @Bean
    Job resultLoadJob(SourceLoadSteps loads, Step referenceDataStep) {
        return loads.job(Source.RESULT, referenceDataStep);
    }
}
