package nl.impactmonitor.jobs.spend;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import nl.impactmonitor.jobs.landing.Downloader;
import nl.impactmonitor.jobs.landing.FileLoadTasklet;
import nl.impactmonitor.jobs.landing.InboxPartitioner;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@code spend-load}: fetch the configured download (if any) into the spend landing folder, then load
 * every file there, one partition per file. Files already loaded (same sha256) are skipped.
 */
@Configuration(proxyBeanMethods = false)
public class SpendLoadJobConfiguration {

    public static final String JOB_NAME = "spend-load";
    /** Optional job parameter: an http(s) address to fetch for this run instead of the configured one. */
    public static final String URL_PARAMETER = "spend.url";

    @Bean
    Job spendLoadJob(JobRepository jobRepository, Step referenceDataStep, Step spendFetchStep, Step spendFilesStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(referenceDataStep)
                .next(spendFetchStep)
                .next(spendFilesStep)
                .build();
    }

    @Bean
    Step spendFetchStep(JobRepository jobRepository, PlatformTransactionManager tm, ImpactmonitorProperties props) {
        Downloader downloader = new Downloader();
        return new StepBuilder("spend-fetch", jobRepository)
                .tasklet((contribution, chunk) -> {
                    var jobExecution = chunk.getStepContext().getStepExecution().getJobExecution();
                    String url = jobExecution.getJobParameters().getString(URL_PARAMETER, props.spend().url());
                    if (url == null || url.isBlank()) {
                        contribution.setExitStatus(org.springframework.batch.core.ExitStatus.NOOP);
                        return RepeatStatus.FINISHED;
                    }
                    Path file = downloader.fetch(url, props.resolve(props.spend().inbox()));
                    Map<String, String> downloads = new HashMap<>();
                    downloads.put(file.getFileName().toString(), url);
                    jobExecution.getExecutionContext().put(SpendSource.NAME + FileLoadTasklet.DOWNLOADS_KEY_SUFFIX, downloads);
                    return RepeatStatus.FINISHED;
                }, tm)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step spendFilesStep(JobRepository jobRepository, Step spendFileStep, ImpactmonitorProperties props) {
        return new StepBuilder("spend-files", jobRepository)
                .partitioner("spend-file", new InboxPartitioner(props.resolve(props.spend().inbox())))
                .step(spendFileStep)
                .build();
    }

    @Bean
    Step spendFileStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse,
                       ReferenceData referenceData, ImpactmonitorProperties props) {
        Path workDir = props.resolve(Path.of("var/work"));
        FileLoadTasklet tasklet = new FileLoadTasklet(SpendSource.NAME, () -> new SourceFileLoader(warehouse, SpendSource.SPEC,
                referenceData.columns(SpendSource.NAME), workDir));
        return new StepBuilder("spend-file", jobRepository).tasklet(tasklet, tm).build();
    }
}
