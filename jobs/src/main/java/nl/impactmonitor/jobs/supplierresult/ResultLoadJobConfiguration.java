package nl.impactmonitor.jobs.supplierresult;

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

/** Job {@code result-load}: supplier-reported results (CSV, XLSX, JSON) from their landing folder or a download. */
@Configuration(proxyBeanMethods = false)
public class ResultLoadJobConfiguration {

    public static final String JOB_NAME = "result-load";
    public static final String URL_PARAMETER = SourceLoadSteps.urlParameter(SupplierResultSource.NAME);

    @Bean
    Job resultLoadJob(JobRepository jobRepository, Step referenceDataStep, Step resultFetchStep, Step resultFilesStep,
                     Step resultInboxStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(referenceDataStep)
                .next(resultFetchStep)
                .next(resultFilesStep)
                .next(resultInboxStep)
                .build();
    }

    @Bean
    Step resultFetchStep(JobRepository jobRepository, PlatformTransactionManager tm, ImpactmonitorProperties props) {
        return SourceLoadSteps.fetchStep(SupplierResultSource.NAME, jobRepository, tm, props.resolve(props.results().inbox()), props.results().url());
    }

    @Bean
    Step resultFilesStep(JobRepository jobRepository, Step resultFileStep, ImpactmonitorProperties props) {
        return SourceLoadSteps.filesStep(SupplierResultSource.NAME, jobRepository, resultFileStep, props.resolve(props.results().inbox()),
                props.load());
    }

    @Bean
    Step resultInboxStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse, ImpactmonitorProperties props) {
        return SourceLoadSteps.inboxStep(SupplierResultSource.NAME, jobRepository, tm, props.resolve(props.results().inbox()), warehouse, props.load());
    }

    @Bean
    Step resultFileStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse,
                        ReferenceData referenceData, ImpactmonitorProperties props) {
        Path workDir = props.resolve(Path.of("var/work"));
        return SourceLoadSteps.fileStep(SupplierResultSource.NAME, jobRepository, tm, () -> new SourceFileLoader(warehouse, SupplierResultSource.SPEC,
                referenceData.columns(SupplierResultSource.NAME), workDir));
    }
}
