package nl.impactmonitor.jobs.spend;

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

/**
 * Job {@code spend-load}: fetch the configured download (if any) into the spend landing folder, then load
 * every file there, one partition per file. Files already loaded (same sha256) are skipped; a file replaces
 * the (department, year) partitions it holds.
 */
@Configuration(proxyBeanMethods = false)
public class SpendLoadJobConfiguration {

    public static final String JOB_NAME = "spend-load";
    /** Optional job parameter: an http(s) address to fetch for this run instead of the configured one. */
    public static final String URL_PARAMETER = SourceLoadSteps.urlParameter(SpendSource.NAME);

    @Bean
    Job spendLoadJob(JobRepository jobRepository, Step referenceDataStep, Step spendFetchStep, Step spendFilesStep,
                     Step spendInboxStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(referenceDataStep)
                .next(spendFetchStep)
                .next(spendFilesStep)
                .next(spendInboxStep)
                .build();
    }

    @Bean
    Step spendFetchStep(JobRepository jobRepository, PlatformTransactionManager tm, ImpactmonitorProperties props) {
        return SourceLoadSteps.fetchStep(SpendSource.NAME, jobRepository, tm, props.resolve(props.spend().inbox()), props.spend().url());
    }

    @Bean
    Step spendFilesStep(JobRepository jobRepository, Step spendFileStep, ImpactmonitorProperties props) {
        return SourceLoadSteps.filesStep(SpendSource.NAME, jobRepository, spendFileStep, props.resolve(props.spend().inbox()),
                props.load());
    }

    @Bean
    Step spendInboxStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse, ImpactmonitorProperties props) {
        return SourceLoadSteps.inboxStep(SpendSource.NAME, jobRepository, tm, props.resolve(props.spend().inbox()), warehouse, props.load());
    }

    @Bean
    Step spendFileStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse,
                       ReferenceData referenceData, ImpactmonitorProperties props) {
        Path workDir = props.resolve(Path.of("var/work"));
        return SourceLoadSteps.fileStep(SpendSource.NAME, jobRepository, tm, () -> new SourceFileLoader(warehouse, SpendSource.SPEC,
                referenceData.columns(SpendSource.NAME), workDir));
    }
}
