package nl.impactmonitor.jobs.operations;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.pipeline.NightlyJobConfiguration;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@code partition-rerun}: a steward reloads one (source, department, year) partition from one file in the
 * source's landing folder; then the models that read the source's staging table are rebuilt (line-level models for
 * just that department-year, see {@code -- incremental_by} in sql/core), and data tests and publication run as
 * at night. The partition and file are
 * identifying job parameters, so the job repository shows exactly what was rerun.
 */
@Configuration(proxyBeanMethods = false)
public class PartitionRerunJobConfiguration {

    public static final String JOB_NAME = "partition-rerun";
    public static final String SOURCE = "source";
    public static final String DEPARTMENT = "department";
    public static final String YEAR = "year";
    public static final String FILE = "file";

    @Bean
    Job partitionRerunJob(JobRepository jobRepository, Step referenceDataStep, Step partitionReloadStep, Step partitionModelsStep,
                          Step dataTestsStep, Step publishExtractsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(referenceDataStep)
                .next(partitionReloadStep)
                .next(partitionModelsStep)
                .next(dataTestsStep)
                .next(publishExtractsStep)
                .build();
    }

    @Bean
    Step partitionReloadStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse,
                             ReferenceData referenceData, ImpactmonitorProperties props) {
        return new StepBuilder("partition-reload", jobRepository)
                .tasklet((contribution, chunk) -> {
                    StepExecution step = chunk.getStepContext().getStepExecution();
                    JobParameters params = step.getJobParameters();
                    Source source = Sources.named(params.getString(SOURCE));
                    Path file = source.inbox(props).resolve(params.getString(FILE)).normalize();
                    RawLoader.Partition only = new RawLoader.Partition(params.getString(DEPARTMENT), params.getLong(YEAR).intValue(), 0);
                    String loadId = source.token() + "-rerun-e" + step.getJobExecutionId() + "-s" + step.getId();
                    RawLoader.Result result = new SourceFileLoader(warehouse, source.spec(), referenceData.columns(source),
                            props.resolve(Path.of("var/work"))).load(file, null, loadId, true, only);
                    step.setReadCount(result.rowsRead());
                    step.setWriteCount(result.rowsLoaded());
                    step.setProcessSkipCount(result.rowsRejected());
                    step.getExecutionContext().putString("load_id", result.loadId());
                    contribution.setExitStatus(new ExitStatus(result.status().name(), file.getFileName() + ": " + result.message()));
                    return RepeatStatus.FINISHED;
                }, tm)
                .build();
    }

    /** Rebuilds what the reloaded partition reaches; line-level models only for that department-year. */
    @Bean
    Step partitionModelsStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse, ImpactmonitorProperties props) {
        return new StepBuilder("build-models", jobRepository)
                .tasklet((contribution, chunk) -> {
                    JobParameters params = chunk.getStepContext().getStepExecution().getJobParameters();
                    Source source = Sources.named(params.getString(SOURCE));
                    List<String> built = warehouse.models().buildAffected(Set.of(source.spec().stagingTable()),
                            params.getString(DEPARTMENT), params.getLong(YEAR).intValue());
                    // the data tests step runs only the tests that read what changed
                    List<String> changed = new java.util.ArrayList<>(List.of(source.spec().stagingTable()));
                    built.forEach(b -> changed.add(b.replaceFirst(" \\(.*", "")));
                    chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                            .putString(NightlyJobConfiguration.CHANGED_TABLES_KEY, String.join(",", changed));
                    contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("built " + String.join(", ", built)));
                    return RepeatStatus.FINISHED;
                }, tm)
                .build();
    }
}
