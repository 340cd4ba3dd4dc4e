package nl.impactmonitor.jobs.tender;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.landing.SourceLoadSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code tender-load}: MVI-ZET exports from their landing folder (or a download), one partition per file; a later
 * record for a publication number supersedes the earlier.
 * Its name, folder, settings and tables are {@link Source#TENDER}'s; its steps those of every source ({@link SourceLoadSteps}).
 */
@Configuration(proxyBeanMethods = false)
public class TenderLoadJobConfiguration {

    @Bean
    Job tenderLoadJob(SourceLoadSteps loads, Step referenceDataStep) {
        return loads.job(Source.TENDER, referenceDataStep);
    }
}
