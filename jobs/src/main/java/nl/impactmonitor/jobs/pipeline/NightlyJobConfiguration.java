package nl.impactmonitor.jobs.pipeline;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import nl.impactmonitor.jobs.landing.SourceLoadSteps;
import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.jobs.system.BuildVersion;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.DataTests;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@code nightly}: reference data, the loads, the SQL models, the data tests, then publication of the
 * extracts. A data test of severity error fails the run before publication, so the previous extracts stay.
 * Steps after the loads always rerun on a restart: they read the whole warehouse, not one file.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";
    /**
     * Job execution context key: the tables a run changed, comma-separated, when it changed only some (a partition
     * rerun); the data tests step then runs only the tests that read one of them.
     */
    public static final String CHANGED_TABLES_KEY = "changed.tables";
    private static final java.time.format.DateTimeFormatter RUN_ID_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step referenceDataStep, SourceLoadSteps loads,
                   Step buildModelsStep, Step dataTestsStep, Step publishExtractsStep) {
        SimpleJobBuilder flow = new JobBuilder(JOB_NAME, jobRepository).start(referenceDataStep);
        for (SourceLoadSteps.Load load : loads.all()) {
            flow = load.then(flow);
        }
        return flow
                .next(buildModelsStep)
                .next(dataTestsStep)
                .next(publishExtractsStep)
                .build();
    }

    @Bean
    Step referenceDataStep(JobRepository jobRepository, PlatformTransactionManager tm, ReferenceData referenceData) {
        return new StepBuilder("reference-data", jobRepository)
                .tasklet((contribution, chunk) -> {
                    referenceData.load();
                    return RepeatStatus.FINISHED;
                }, tm)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step buildModelsStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse) {
        return new StepBuilder("build-models", jobRepository)
                .tasklet((contribution, chunk) -> {
                    List<String> built = warehouse.models().buildAll();
                    contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("built " + String.join(", ", built)));
                    return RepeatStatus.FINISHED;
                }, tm)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step dataTestsStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse) {
        return new StepBuilder("data-tests", jobRepository)
                .tasklet((contribution, chunk) -> {
                    var jobContext = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
                    String runId = "job-" + chunk.getStepContext().getStepExecution().getJobExecutionId();
                    List<DataTests.Result> results = jobContext.containsKey(CHANGED_TABLES_KEY)
                            ? warehouse.dataTests().runAffected(runId, Set.of(jobContext.getString(CHANGED_TABLES_KEY).split(",")))
                            : warehouse.dataTests().runAll(runId);
                    String summary = results.stream().map(r -> r.name() + "=" + (r.passed() ? "pass" : r.severity().name().toLowerCase()
                            + "(" + r.failingRows() + ")")).collect(Collectors.joining(", "));
                    List<DataTests.Result> blocking = results.stream().filter(DataTests.Result::blocksPublication).toList();
                    if (!blocking.isEmpty()) {
                        throw new DataTestsFailedException("data tests failed, publication stopped: " + blocking.stream()
                                .map(r -> r.name() + " (" + r.failingRows() + " rows, e.g. " + r.sample().get(0) + ")")
                                .collect(Collectors.joining("; ")));
                    }
                    contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(summary));
                    return RepeatStatus.FINISHED;
                }, tm)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Publisher publisher(Publisher.ReportWriter reportWriter, ImpactmonitorProperties props, BuildVersion buildVersion) {
        return new Publisher(reportWriter, props.publicationsKept(), buildVersion.describe());
    }

    @Bean
    Step publishExtractsStep(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse,
                             ImpactmonitorProperties props, Publisher publisher) {
        return new StepBuilder("publish", jobRepository)
                .tasklet((contribution, chunk) -> {
                    var step = chunk.getStepContext().getStepExecution();
                    String runId = RUN_ID_TIME.format(step.getJobExecution().getCreateTime()) + "-e" + step.getJobExecutionId();
                    Publisher.Publication publication = publisher.publish(warehouse, props.resolve(props.outDir()), runId);
                    contribution.incrementWriteCount(publication.files());
                    contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(publication.dir() + " (" + publication.dataVersion() + ")"));
                    return RepeatStatus.FINISHED;
                }, tm)
                .allowStartIfComplete(true)
                .build();
    }
}
