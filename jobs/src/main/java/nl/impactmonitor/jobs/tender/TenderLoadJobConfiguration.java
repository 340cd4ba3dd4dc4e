package nl.impactmonitor.jobs.tender;

import java.nio.file.Path;

import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.landing.SourceLoadSteps;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Job {@code tender-load}: MVI-ZET exports from their landing folder (or a download), one partition per file. */
@Configuration(proxyBeanMethods = false)
public class TenderLoadJobConfiguration {

    public static final String JOB_NAME = "tender-load";
    public static final String URL_PARAMETER = SourceLoadSteps.urlParameter(TenderSource.NAME);

    @Bean
    Job tenderLoadJob(JobRepository jobRepository, Step referenceDataStep, Step tenderFetchStep, Step tenderFilesStep,
                     Step tenderInboxStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(referenceDataStep)
                .next(tenderFetchStep)
                .next(tenderFilesStep)
                .next(tenderInboxStep)
                .build();
    }

    @Bean
    Step tenderFetchStep(JobRepository jobRepository, PlatformTransactionManager tm, ImpactmonitorProperties props) {
        return SourceLoadSteps.fetchStep(TenderSource.NAME, jobRepository, tm, props.resolve(props.tender().inbox()), props.tender().url());
    }

    @Bean
    Step tenderFilesStep(JobRepository jobRepository, Step tenderFileStep, ImpactmonitorProperties props) {
        return SourceLoadSteps.filesStep(TenderSource.NAME, jobRepository, tenderFileStep, props.resolve(props.tender().inbox()),
                props.load());
    }

    @Bean
    Step tenderInboxStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse, ImpactmonitorProperties props) {
        return SourceLoadSteps.inboxStep(TenderSource.NAME, jobRepository, tm, props.resolve(props.tender().inbox()), warehouse, props.load());
    }

    @Bean
    Step tenderFileStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse,
                        ReferenceData referenceData, ImpactmonitorProperties props) {
        Path workDir = props.resolve(Path.of("var/work"));
        return SourceLoadSteps.fileStep(TenderSource.NAME, jobRepository, tm, () -> new SourceFileLoader(warehouse, TenderSource.SPEC,
                referenceData.columns(TenderSource.NAME), workDir));
    }
}
