package nl.impactmonitor.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.jobs.allocation.AllocationProposer;
import nl.impactmonitor.jobs.operations.BadRunRequestException;
import nl.impactmonitor.jobs.progress.TargetsCatalogue;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.warehouse.Warehouse;
import nl.impactmonitor.jobs.operations.RunConflictException;
import nl.impactmonitor.jobs.operations.RunService;
import nl.impactmonitor.jobs.samples.ResultSampleGenerator;
import nl.impactmonitor.jobs.samples.SampleGenerator;
import nl.impactmonitor.jobs.samples.TenderSampleGenerator;
import nl.impactmonitor.jobs.landing.FileLoadTasklet;
import nl.impactmonitor.jobs.landing.SourceLoadSteps;
import nl.impactmonitor.jobs.spend.SpendSource;
import nl.impactmonitor.jobs.supplierresult.SupplierResultSource;
import nl.impactmonitor.jobs.tender.TenderSource;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.jobs.system.WarehouseWriter;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Operator commands, the same verbs as the admin API: run a job, rerun a partition, restart, status, and
 * generate-samples. A command runs once, prints what happened per step and where the output is, and sets an
 * exit code scripts can use. Without a command the application runs as the service.
 */
@Component
public class CommandLine implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = """
            usage: impactmonitor <command> [options]
              nightly            load all sources, build models, run data tests, publish (same as: run nightly)
              run <job>          run one job: nightly, spend-load, tender-load, result-load
              rerun <source> --department=IenW --year=2023 [--file=NAME]
                                 reload one partition of spend, tender or results (default file: the one
                                 that last delivered it), then models, tests and publication
              retire <source> --file=NAME [--note=TEXT]
                                 withdraw a file that stays in the landing folder: its partitions fall back
                                 to the latest remaining file or disappear at the next run; it counts again
                                 when it arrives anew (new bytes or a new modification time)
              restart <id>       restart a failed or stopped execution where it stopped
              status [--limit=N] [--partitions]
                                 the latest executions; files superseded by a later arrival, retired or
                                 kept; with --partitions the current file of every partition
              propose-allocation --goal=GOAL --year=YEAR
                                 append to config/allocations.yaml a proposal for splitting a government-
                                 wide goal over the departments, from the footprint method on that year's
                                 spend (largest remainder: the parts add up exactly); review, adopt, commit
              help               this text
            exit codes: 0 completed, 1 failed, 2 bad request, 3 conflict with a running job
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

    private final RunService runService;
    private final JobRepository jobRepository;
    private final WarehouseWriter writer;
    private final ReferenceData referenceData;
    private final Warehouse warehouse;

    public CommandLine(JobOperator jobOperator, List<Job> jobs, ImpactmonitorProperties props, RunService runService,
                       JobRepository jobRepository, WarehouseWriter writer, ReferenceData referenceData, Warehouse warehouse) {
        this.jobOperator = jobOperator;
        this.referenceData = referenceData;
        this.warehouse = warehouse;
        this.writer = writer;
        this.runService = runService;
        this.jobRepository = jobRepository;
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
            case "run" -> {
                if (args.getNonOptionArgs().size() < 2 || !jobs.containsKey(args.getNonOptionArgs().get(1))) {
                    usage("run needs a job: " + String.join(", ", new java.util.TreeSet<>(jobs.keySet())));
                } else {
                    runJob(jobs.get(args.getNonOptionArgs().get(1)), args);
                }
            }
            case "rerun" -> guarded(() -> {
                if (args.getNonOptionArgs().size() < 2) {
                    throw new BadRunRequestException("rerun needs a source: spend, tender or results");
                }
                String year = option(args, "year", "");
                if (!year.matches("\\d{4}")) {
                    throw new BadRunRequestException("--year must be a four-digit year such as 2023, not '" + year + "'");
                }
                JobExecution started = runService.rerunPartition(args.getNonOptionArgs().get(1), option(args, "department", null),
                        year.matches("\\d{4}") ? Integer.valueOf(year) : null, option(args, "file", null));
                return runService.awaitCompletion(started);
            });
            case "restart" -> guarded(() -> {
                if (args.getNonOptionArgs().size() < 2 || !args.getNonOptionArgs().get(1).matches("\\d+")) {
                    throw new BadRunRequestException("restart needs an execution id (see: status)");
                }
                return runService.awaitCompletion(runService.restart(Long.parseLong(args.getNonOptionArgs().get(1))));
            });
            case "retire" -> retire(args);
            case "status" -> {
                String limit = option(args, "limit", "10");
                if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1) {
                    out.println("error: --limit must be a whole number from 1 to 9999, not '" + limit + "'");
                    exitCode = 2;
                } else {
                    status(Integer.parseInt(limit));
                    inputs(args.containsOption("partitions"));
                }
            }
            case "help" -> out.println(USAGE);
            case "propose-allocation" -> proposeAllocation(args);
            case "generate-samples" -> {
                Path dir = Path.of(option(args, "out", "samples"));
                long seed = Long.parseLong(option(args, "seed", "20261127"));
                List<Path> spend = SampleGenerator.generate(dir.resolve("spend"), seed);
                List<Path> tenders = TenderSampleGenerator.generate(dir.resolve("mvi-zet"), seed);
                List<Path> results = ResultSampleGenerator.generate(dir.resolve("results"), seed);
                out.println("Wrote " + spend.size() + " spend, " + tenders.size() + " MVI-ZET and " + results.size()
                        + " supplier-result sample files under " + dir.toAbsolutePath());
            }
            default -> usage("unknown command '" + command + "'");
        }
    }

    /** {@code propose-allocation --goal=G --year=Y} (or {@code --goal G --year Y}): a proposal appended to the register. */
    private void proposeAllocation(ApplicationArguments args) {
        String goalId = valueOf(args, "goal");
        String year = valueOf(args, "year");
        if (goalId == null || year == null || !year.matches("\\d{4}")) {
            usage("propose-allocation needs --goal=GOAL and --year=YEAR (a four-digit year)");
            return;
        }
        List<TargetsCatalogue.Goal> goals = referenceData.goals();
        TargetsCatalogue.Goal goal = goals.stream().filter(g -> g.id().equals(goalId)).findFirst().orElse(null);
        if (goal == null) {
            out.println("error: unknown goal '" + goalId + "': not in " + props.resolve(props.targetsFile()));
            exitCode = 2;
            return;
        }
        try {
            AllocationProposer.Proposal proposal = AllocationProposer.propose(warehouse, goal, Integer.parseInt(year), java.time.LocalDate.now());
            Path register = referenceData.allocationsFile();
            AllocationProposer.append(register, proposal, goals, referenceData.departmentCodes());
            out.println("Proposal for " + goalId + " " + proposal.from() + "-" + proposal.to() + " (" + proposal.kind()
                    + ") appended to " + register.toAbsolutePath() + ":");
            out.print(proposal.yaml());
            out.println("Review it; set status: adopted with adopted_on and adopted_by once the ministries agree; commit the file.");
            exitCode = 0;
        } catch (AllocationProposer.ProposalException e) {
            out.println("error: " + e.getMessage());
            exitCode = 2;
        }
    }

    /** An option given as {@code --name=value} or as {@code --name value}. */
    private static String valueOf(ApplicationArguments args, String name) {
        String v = option(args, name, null);
        if (v != null && !v.isBlank()) {
            return v.strip();
        }
        String[] raw = args.getSourceArgs();
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i].equals("--" + name) && !raw[i + 1].startsWith("--")) {
                return raw[i + 1].strip();
            }
        }
        return null;
    }

    /** Exit codes scripts can use: 0 completed, 1 failed, 2 bad request, 3 conflict with a running job. */
    private void guarded(Run run) throws Exception {
        try {
            JobExecution execution = run.start();
            report(execution);
            exitCode = execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        } catch (BadRunRequestException e) {
            out.println("error: " + e.getMessage());
            exitCode = 2;
        } catch (RunConflictException e) {
            out.println("conflict: " + e.getMessage());
            exitCode = 3;
        }
    }

    @FunctionalInterface
    private interface Run {
        JobExecution start() throws Exception;
    }

    private void usage(String problem) {
        out.println(problem + "\n" + USAGE);
        exitCode = 2;
    }

    private void status(int limit) {
        out.printf("%-6s %-18s %-10s %-20s %-20s %s%n", "id", "job", "status", "started", "ended", "exit");
        jobRepository.getJobNames().stream()
                .flatMap(name -> jobRepository.getJobInstances(name, 0, limit).stream())
                .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
                .sorted(java.util.Comparator.comparing(JobExecution::getId).reversed())
                .limit(limit)
                .forEach(e -> out.printf("%-6d %-18s %-10s %-20s %-20s %s%n", e.getId(), e.getJobInstance().getJobName(), e.getStatus(),
                        e.getStartTime() == null ? "" : e.getStartTime().withNano(0), e.getEndTime() == null ? "" : e.getEndTime().withNano(0),
                        abbreviate(e.getExitStatus().getExitCode() + " " + e.getExitStatus().getExitDescription(), 80)));
    }

    private void retire(ApplicationArguments args) throws Exception {
        try {
            if (args.getNonOptionArgs().size() < 2) {
                throw new BadRunRequestException("retire needs a source: spend, tender or results");
            }
            var w = runService.retire(args.getNonOptionArgs().get(1), option(args, "file", null), option(args, "note", "retired from the command line"));
            out.println("Retired " + w.source() + " " + w.file() + "; from the next build on:");
            w.fellBack().forEach(f -> out.println("  falls back: " + f));
            w.gone().forEach(g -> out.println("  WARNING no file left for " + g + ": its figures disappear"));
            if (w.fellBack().isEmpty() && w.gone().isEmpty()) {
                out.println("  it supplied no partition");
            }
            exitCode = 0;
        } catch (BadRunRequestException e) {
            out.println("error: " + e.getMessage());
            exitCode = 2;
        } catch (RunConflictException e) {
            out.println("conflict: " + e.getMessage());
            exitCode = 3;
        }
    }

    /** Which file supplies each partition: supersessions always, every partition with {@code all}. */
    private void inputs(boolean all) {
        List<nl.impactmonitor.warehouse.InboxLedger.Supply> supplies;
        List<nl.impactmonitor.warehouse.InboxLedger.Entry> files;
        try {
            supplies = runService.supplies();
            files = runService.inboxFiles();
        } catch (RuntimeException e) {
            out.println("\n(landing folders not shown: the warehouse cannot be read now: " + e.getMessage() + ")");
            return;
        }
        long current = supplies.stream().filter(nl.impactmonitor.warehouse.InboxLedger.Supply::current).count();
        out.printf("%nLanding folders: %d files recorded, %d partitions with a current file%n", files.size(), current);
        for (var x : supplies) {
            if (!x.current()) {
                out.printf("  %-8s %-5s %d  current %s supersedes %s (arrived %s)%n", x.source(), x.departmentCode(), x.year(),
                        x.supersededBy(), x.file(), x.arrivedAt());
            } else if (all) {
                out.printf("  %-8s %-5s %d  current %s (arrived %s, %d rows)%n", x.source(), x.departmentCode(), x.year(), x.file(),
                        x.arrivedAt(), x.rows());
            }
        }
        for (var f : files) {
            if (!f.state().equals(nl.impactmonitor.warehouse.InboxLedger.PRESENT)) {
                out.printf("  %-8s %s %s: %s%n", f.source(), f.file(), f.state(), f.stateNote() == null ? "" : f.stateNote());
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
        JobExecution execution;
        // In profile cluster the command writes only while no node does (the writer lock), like a run of the service.
        try (WarehouseWriter.Lease lease = writer.acquire("command " + job.getName())) {
            execution = jobOperator.start(job, params.toJobParameters());
        } catch (RunConflictException e) {
            out.println("conflict: " + e.getMessage());
            exitCode = 3;
            return;
        }
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
        java.nio.file.Path latest = props.resolve(props.outDir()).resolve("latest").toAbsolutePath();
        if (java.nio.file.Files.exists(latest)) {
            out.println("Published:  " + latest + " (report: " + latest.resolve("report/index.html") + ")");
        } else {
            out.println("Published:  nothing yet under " + props.resolve(props.outDir()).toAbsolutePath());
        }
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
