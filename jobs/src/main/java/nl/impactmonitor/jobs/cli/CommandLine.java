package nl.impactmonitor.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.jobs.samples.ResultSampleGenerator;
import nl.impactmonitor.jobs.samples.SampleGenerator;
import nl.impactmonitor.jobs.samples.TenderSampleGenerator;
import nl.impactmonitor.jobs.landing.FileLoadTasklet;
import nl.impactmonitor.jobs.landing.SourceLoadSteps;
import nl.impactmonitor.jobs.spend.SpendSource;
import nl.impactmonitor.jobs.supplierresult.SupplierResultSource;
import nl.impactmonitor.jobs.tender.TenderSource;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Operator commands: {@code nightly}, {@code spend-load} and {@code generate-samples}. A command runs once,
 * prints what happened per step and where the output is, and sets the exit code (0 only when the run
 * completed). Without a command the application only starts.
 */
@Component
public class CommandLine implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = """
            usage: impactmonitor <command> [options]
              nightly            load all sources, build models, run data tests, publish extracts
              spend-load         load the spend landing folder only
              tender-load        load the MVI-ZET landing folder only
              result-load        load the supplier-results landing folder only
              generate-samples   write the seeded sample files (--out=samples --seed=20261127)
            options for nightly and spend-load:
              --spend-url=ADDRESS, --tender-url=ADDRESS, --results-url=ADDRESS
                                 fetch this http(s) file into the source's landing folder first
              --force-reload     load files again even if their content was loaded before
                                 (after fixing reference data such as an alias)
              --spring.profiles.active=samples   use the bundled samples as landing folder""";

    private final JobOperator jobOperator;
    private final Map<String, Job> jobs;
    private final ImpactmonitorProperties props;
    private final PrintStream out = System.out;
    private int exitCode;

    public CommandLine(JobOperator jobOperator, List<Job> jobs, ImpactmonitorProperties props) {
        this.jobOperator = jobOperator;
        this.jobs = jobs.stream().collect(java.util.stream.Collectors.toMap(Job::getName, j -> j));
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (args.getNonOptionArgs().isEmpty()) {
            return;
        }
        String command = args.getNonOptionArgs().get(0);
        switch (command) {
            case "nightly", "spend-load", "tender-load", "result-load" -> runJob(jobs.get(command), args);
            case "generate-samples" -> {
                Path dir = Path.of(option(args, "out", "samples"));
                long seed = Long.parseLong(option(args, "seed", "20261127"));
                List<Path> spend = SampleGenerator.generate(dir.resolve("spend"), seed);
                List<Path> tenders = TenderSampleGenerator.generate(dir.resolve("mvi-zet"), seed);
                List<Path> results = ResultSampleGenerator.generate(dir.resolve("results"), seed);
                out.println("Wrote " + spend.size() + " spend, " + tenders.size() + " MVI-ZET and " + results.size()
                        + " supplier-result sample files under " + dir.toAbsolutePath());
            }
            default -> {
                out.println("unknown command '" + command + "'\n" + USAGE);
                exitCode = 2;
            }
        }
    }

    private void runJob(Job job, ApplicationArguments args) throws Exception {
        JobParametersBuilder params = new JobParametersBuilder().addLong("run.id", System.currentTimeMillis());
        if (args.containsOption("force-reload")) {
            params.addString(FileLoadTasklet.FORCE_RELOAD_PARAMETER, "true", false);
        }
        for (String source : List.of(SpendSource.NAME, TenderSource.NAME, SupplierResultSource.NAME)) {
            String url = option(args, source + "-url", "");
            if (!url.isBlank()) {
                params.addString(SourceLoadSteps.urlParameter(source), url, false);
            }
        }
        JobExecution execution = jobOperator.start(job, params.toJobParameters());
        report(execution);
        exitCode = execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }

    private void report(JobExecution execution) {
        out.printf("%nJob %s (execution %d): %s%n", execution.getJobInstance().getJobName(), execution.getId(), execution.getStatus());
        out.printf("%-48s %-18s %8s %8s %8s  %s%n", "step", "exit", "read", "loaded", "rejected", "detail");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().endsWith("-files")) {
                continue;
            }
            out.printf("%-48s %-18s %8d %8d %8d  %s%n", abbreviate(step.getStepName(), 48), step.getExitStatus().getExitCode(),
                    step.getReadCount(), step.getWriteCount(), step.getSkipCount(), abbreviate(step.getExitStatus().getExitDescription(), 160));
        }
        for (Throwable failure : execution.getAllFailureExceptions()) {
            out.println("FAILED: " + failure.getMessage());
        }
        out.println();
        out.println("Warehouse:  " + props.resolve(props.warehouse().file()).toAbsolutePath());
        out.println("Extracts:   " + props.resolve(props.outDir()).toAbsolutePath());
    }

    private static String abbreviate(String text, int max) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }

    private static String option(ApplicationArguments args, String name, String defaultValue) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? defaultValue : values.get(0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
