package nl.impactmonitor.jobs.cli;

import nl.impactmonitor.jobs.landing.Source;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nl.impactmonitor.jobs.admin.CockpitQueries;
import nl.impactmonitor.jobs.allocation.AllocationProposer;
import nl.impactmonitor.jobs.progress.TargetsCatalogue;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.warehouse.Warehouse;
import nl.impactmonitor.jobs.operations.BadRunRequestException;
import nl.impactmonitor.jobs.system.RunConflictException;
import nl.impactmonitor.jobs.operations.RunService;
import nl.impactmonitor.jobs.landing.FileLoadTasklet;
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

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Operator commands, the same verbs as the admin API: run a job, rerun a partition, retire a file, restart, status.
 * picocli parses the arguments and writes the usage text (help); options whose name has a dot
 * ({@code --spring.profiles.active=samples}) are Spring Boot properties and are left to Spring. A command runs once,
 * prints what happened per step and where the output is, and sets an exit code scripts can use: 0 completed,
 * 1 failed, 2 bad request, 3 conflict with a running job. Without a command the application runs as the service.
 */
@Component
public class CommandLine implements ApplicationRunner, ExitCodeGenerator {

    static final String FOOTER = """
            exit codes: 0 completed, 1 failed, 2 bad request, 3 conflict with a running job
            Spring Boot properties go along as --name=value, e.g. --spring.profiles.active=samples (the bundled
            samples as landing folder).""";

    private final JobOperator jobOperator;
    private final Map<String, Job> jobs;
    private final ImpactmonitorProperties props;
    private final PrintStream out;
    private int exitCode;

    private final RunService runService;
    private final JobRepository jobRepository;
    private final WarehouseWriter writer;
    private final ReferenceData referenceData;
    private final Warehouse warehouse;

    private final CockpitQueries cockpit;

    @org.springframework.beans.factory.annotation.Autowired
    public CommandLine(JobOperator jobOperator, List<Job> jobs, ImpactmonitorProperties props, RunService runService,
                       JobRepository jobRepository, WarehouseWriter writer, CockpitQueries cockpit,
                       ReferenceData referenceData, Warehouse warehouse) {
        this(jobOperator, jobs, props, runService, jobRepository, writer, cockpit, referenceData, warehouse, System.out);
    }

    /** As the application builds it, printing to {@code out} (tests read what {@code status} prints). */
    public CommandLine(JobOperator jobOperator, List<Job> jobs, ImpactmonitorProperties props, RunService runService,
                       JobRepository jobRepository, WarehouseWriter writer, CockpitQueries cockpit,
                       ReferenceData referenceData, Warehouse warehouse, PrintStream out) {
        this.out = out;
        this.cockpit = cockpit;
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
        List<String> own = commandArguments(args.getSourceArgs());
        if (own.stream().noneMatch(a -> !a.startsWith("-"))) {
            return;
        }
        picocli.CommandLine cli = commandLine();
        Exception[] failure = new Exception[1];
        // A command that throws fails the start as before (one line from system/OneLineFailureReporter where it
        // knows the cause), instead of picocli printing a stack trace.
        cli.setExecutionExceptionHandler((e, c, p) -> {
            failure[0] = e;
            return 1;
        });
        int parsed = cli.execute(own.toArray(String[]::new));
        if (failure[0] != null) {
            throw failure[0];
        }
        if (parsed != 0) {
            // picocli's exit code for arguments it could not parse: 2.
            exitCode = parsed;
        }
    }

    /**
     * Answers what needs no application before Spring starts: {@code help} (or {@code help <verb>}) prints the usage,
     * and arguments picocli cannot parse get the error line and the usage (exit code 2). Returns the exit code, or
     * empty when the command must run in the application. A start of the lean context cost about 2.5 s here for a
     * text the parser alone writes in a few milliseconds (issue 22, figure 1).
     */
    public static java.util.OptionalInt answerBeforeStart(String[] args, PrintStream out) {
        List<String> own = commandArguments(args);
        CommandLine usageOnly = new CommandLine(null, List.of(), null, null, null, null, null, null, null, out);
        picocli.CommandLine cli = usageOnly.commandLine();
        picocli.CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(own.toArray(String[]::new));
        } catch (picocli.CommandLine.ParameterException e) {
            try {
                return java.util.OptionalInt.of(cli.getParameterExceptionHandler().handleParseException(e, own.toArray(String[]::new)));
            } catch (Exception handler) {
                throw new IllegalStateException(handler);
            }
        }
        if (parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals("help")) {
            return java.util.OptionalInt.of(cli.execute(own.toArray(String[]::new)));
        }
        return java.util.OptionalInt.empty();
    }

    /** The arguments picocli reads: all but Spring Boot properties ({@code --a.b=c}), which Spring has taken. */
    static List<String> commandArguments(String[] sourceArgs) {
        List<String> own = new ArrayList<>();
        for (String a : sourceArgs) {
            String name = a.startsWith("--") ? a.substring(2).split("=", 2)[0] : "";
            if (!name.contains(".")) {
                own.add(a);
            }
        }
        return own;
    }

    /** The verbs, each a picocli command; {@code help} prints the generated usage. */
    picocli.CommandLine commandLine() {
        picocli.CommandLine cli = new picocli.CommandLine(new Root());
        Map<String, String> loads = new LinkedHashMap<>();
        loads.put("nightly", "load all sources, build models, run data tests, publish (same as: run nightly)");
        for (Source source : Source.all()) {
            loads.put(source.jobName(), "load the " + source.displayName() + " landing folder only");
        }
        loads.forEach((job, description) -> {
            JobVerb command = new JobVerb(job);
            picocli.CommandLine verb = new picocli.CommandLine(command);
            command.options.addUrlOptions(verb.getCommandSpec());
            verb.getCommandSpec().usageMessage().description(description);
            cli.addSubcommand(job, verb);
        });
        RunVerb run = new RunVerb();
        picocli.CommandLine runVerb = new picocli.CommandLine(run);
        run.options.addUrlOptions(runVerb.getCommandSpec());
        runVerb.getCommandSpec().usageMessage().description("run one job: " + String.join(", ", loads.keySet()));
        cli.addSubcommand("run", runVerb);
        cli.addSubcommand("rerun", new picocli.CommandLine(new RerunVerb()));
        cli.addSubcommand("retire", new picocli.CommandLine(new RetireVerb()));
        cli.addSubcommand("restart", new picocli.CommandLine(new RestartVerb()));
        cli.addSubcommand("status", new picocli.CommandLine(new StatusVerb()));
        cli.addSubcommand("propose-allocation", new picocli.CommandLine(new ProposeAllocationVerb()));
        cli.addSubcommand("report", new picocli.CommandLine(new ReportVerb()));
        cli.addSubcommand("help", new picocli.CommandLine.HelpCommand());
        PrintWriter writer = new PrintWriter(out, true);
        cli.setOut(writer);
        cli.setErr(writer);
        // The error line of a bad argument, then the usage; exit code 2.
        cli.setParameterExceptionHandler((e, a) -> {
            writer.println("error: " + e.getMessage());
            e.getCommandLine().usage(writer);
            return 2;
        });
        return cli;
    }

    @Command(name = "impactmonitor", synopsisSubcommandLabel = "<command>", footer = FOOTER,
            description = "Without a command the jar runs as the service (schedule, admin page and API).")
    static final class Root implements Runnable {
        @Override
        public void run() {
        }
    }

    /**
     * Options of the load jobs: {@code --<source>-url} for every source fetches a file first (added by
     * {@link #addUrlOptions}, from the list of sources); {@code --force-reload} loads again what was loaded before.
     */
    static final class LoadOptions {
        @Option(names = "--force-reload", description = "load files again even if their content was loaded before (after fixing reference data such as an alias)")
        boolean forceReload;

        private final Map<String, String> urls = new LinkedHashMap<>();

        /** Adds {@code --<token>-url} per source to a verb, and its name of before V017 ({@code --result-url}) hidden. */
        void addUrlOptions(picocli.CommandLine.Model.CommandSpec spec) {
            for (Source source : Source.all()) {
                spec.addOption(urlOption("--" + source.token() + "-url", source, false));
                source.formerToken().ifPresent(former -> spec.addOption(urlOption("--" + former + "-url", source, true)));
            }
        }

        private picocli.CommandLine.Model.OptionSpec urlOption(String name, Source source, boolean hidden) {
            return picocli.CommandLine.Model.OptionSpec.builder(name).paramLabel("ADDRESS").type(String.class).hidden(hidden)
                    .description("fetch this http(s) file into the " + source.displayName() + " landing folder first")
                    .setter(new picocli.CommandLine.Model.ISetter() {
                        @Override
                        public <T> T set(T value) {
                            if (value != null && !value.toString().isBlank()) {
                                urls.put(source.token(), value.toString());
                            }
                            return null;
                        }
                    })
                    .build();
        }

        Map<String, String> urls() {
            return urls;
        }
    }

    @Command
    final class JobVerb implements java.util.concurrent.Callable<Integer> {
        private final String job;

        @Mixin
        LoadOptions options = new LoadOptions();

        JobVerb(String job) {
            this.job = job;
        }

        @Override
        public Integer call() throws Exception {
            runJob(jobs.get(job), options);
            return 0;
        }
    }

    @Command
    final class RunVerb implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<job>", arity = "0..1")
        String job;

        @Mixin
        LoadOptions options = new LoadOptions();

        @Override
        public Integer call() throws Exception {
            if (job == null || !jobs.containsKey(job)) {
                out.println("error: run needs a job: " + String.join(", ", new TreeSet<>(jobs.keySet())));
                exitCode = 2;
            } else {
                runJob(jobs.get(job), options);
            }
            return 0;
        }
    }

    /** The source a partition verb acts on. */
    static final class SourceArgument {
        @Parameters(index = "0", paramLabel = "<source>", arity = "0..1", description = "one of the sources: spend, tender, result")
        String name;

        String required(String verb) {
            if (name == null) {
                throw new BadRunRequestException(verb + " needs a source: " + String.join(", ", Source.tokens()));
            }
            return name;
        }
    }

    @Command(description = {"reload one partition of spend, tender or result (default file: the one that last delivered it),",
            "then models, tests and publication"})
    final class RerunVerb implements java.util.concurrent.Callable<Integer> {
        @Mixin
        SourceArgument source = new SourceArgument();

        @Option(names = "--department", paramLabel = "CODE", description = "department code, e.g. IenW")
        String department;

        @Option(names = "--year", paramLabel = "YYYY", defaultValue = "", description = "year, e.g. 2023")
        String year;

        @Option(names = "--file", paramLabel = "NAME", description = "reload from this file of the landing folder")
        String file;

        @Override
        public Integer call() throws Exception {
            guarded(() -> {
                String name = source.required("rerun");
                if (!year.matches("\\d{4}")) {
                    throw new BadRunRequestException("--year must be a four-digit year such as 2023, not '" + year + "'");
                }
                JobExecution started = runService.rerunPartition(name, department, Integer.valueOf(year), file);
                return runService.awaitCompletion(started);
            });
            return 0;
        }
    }

    @Command(description = {"withdraw a file that stays in the landing folder: its partitions fall back to the latest",
            "remaining file or disappear at the next run; it counts again when it arrives anew"})
    final class RetireVerb implements java.util.concurrent.Callable<Integer> {
        @Mixin
        SourceArgument source = new SourceArgument();

        @Option(names = "--file", paramLabel = "NAME", description = "the file to withdraw")
        String file;

        @Option(names = "--note", paramLabel = "TEXT", defaultValue = "retired from the command line", description = "why")
        String note;

        @Override
        public Integer call() throws Exception {
            handled(() -> retire(source.required("retire"), file, note));
            return 0;
        }
    }

    @Command(description = "restart a failed or stopped execution where it stopped")
    final class RestartVerb implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<id>", arity = "0..1", description = "execution id (see: status)")
        String id;

        @Override
        public Integer call() throws Exception {
            guarded(() -> {
                if (id == null || !id.matches("\\d+")) {
                    throw new BadRunRequestException("restart needs an execution id (see: status)");
                }
                return runService.awaitCompletion(runService.restart(Long.parseLong(id)));
            });
            return 0;
        }
    }

    @Command(description = {"the latest executions; the partition grid per source (department x year: ok, rN",
            "rejected rows, sup, MISSING, FAILED); files superseded by a later arrival, retired or kept;",
            "with --partitions the current file of every partition"})
    final class StatusVerb implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "how many executions (default: ${DEFAULT-VALUE})")
        String limit;

        @Option(names = "--partitions", description = "list the current file of every partition")
        boolean partitions;

        @Override
        public Integer call() {
            if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1) {
                out.println("error: --limit must be a whole number from 1 to 9999, not '" + limit + "'");
                exitCode = 2;
            } else {
                status(Integer.parseInt(limit));
                grid();
                inputs(partitions);
            }
            return 0;
        }
    }

    @Command(description = {"append to config/allocations.yaml a proposal for splitting a government-wide goal over the",
            "departments, from the footprint method on that year's spend (largest remainder: the parts add up",
            "exactly); review, adopt, commit"})
    final class ProposeAllocationVerb implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--goal", paramLabel = "GOAL", required = true, description = "goal id of config/targets.yaml")
        String goalId;

        @Option(names = "--year", paramLabel = "YYYY", required = true, description = "spend year the split is computed on")
        String year;

        @Override
        public Integer call() {
            if (!year.matches("\\d{4}")) {
                out.println("error: --year must be a four-digit year such as 2023, not '" + year + "'");
                exitCode = 2;
                return 0;
            }
            List<TargetsCatalogue.Goal> goals = referenceData.goals();
            TargetsCatalogue.Goal goal = goals.stream().filter(g -> g.id().equals(goalId)).findFirst().orElse(null);
            if (goal == null) {
                out.println("error: unknown goal '" + goalId + "': not in " + props.resolve(props.targetsFile()));
                exitCode = 2;
                return 0;
            }
            try {
                AllocationProposer.Proposal proposal = AllocationProposer.propose(warehouse, goal, Integer.parseInt(year),
                        java.time.LocalDate.now());
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
            return 0;
        }
    }

    @Command(description = {"write the yearly accountability export of a year (workbook and print-ready HTML, the",
            "monitoring annex of the JBR) from the warehouse as last built; see docs/coordinators.md"})
    final class ReportVerb implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--year", paramLabel = "YYYY", required = true, description = "the year to account for, e.g. 2023")
        String year;

        @Option(names = "--out", paramLabel = "DIR", description = "folder to write into (default: <out-dir>/verantwoording)")
        Path outDir;

        @Override
        public Integer call() throws Exception {
            if (!year.matches("\\d{4}")) {
                out.println("error: --year must be a four-digit year such as 2023, not '" + year + "'");
                exitCode = 2;
                return 0;
            }
            java.util.List<Integer> years = nl.impactmonitor.jobs.extract.AccountabilityExport.years(warehouse);
            if (!years.contains(Integer.parseInt(year))) {
                out.println("error: no figures for " + year + " in the warehouse; years with figures: "
                        + (years.isEmpty() ? "none (run nightly first)" : years.toString()));
                exitCode = 2;
                return 0;
            }
            Path dir = outDir != null ? outDir : props.resolve(props.outDir()).resolve(nl.impactmonitor.jobs.extract.AccountabilityExport.FOLDER);
            // The run whose publication the warehouse was last published as: the latest manifest's run id.
            Path manifest = props.resolve(props.outDir()).resolve("latest").resolve("manifest.json");
            String runId = java.nio.file.Files.isRegularFile(manifest)
                    ? tools.jackson.databind.json.JsonMapper.builder().build().readTree(manifest.toFile()).path("run_id").asString()
                    : "no-publication";
            List<Path> files = nl.impactmonitor.jobs.extract.AccountabilityExport.write(warehouse, dir, Integer.parseInt(year),
                    new nl.impactmonitor.jobs.extract.AccountabilityExport.Provenance(runId, new nl.impactmonitor.jobs.system.BuildVersion().describe(),
                            nl.impactmonitor.jobs.extract.Publisher.dataVersion(warehouse)));
            out.println("Accountability export " + year + " (run " + runId + "):");
            files.forEach(f -> out.println("  " + f.toAbsolutePath()));
            exitCode = 0;
            return 0;
        }
    }

    /** Runs a job to its end and reports it: exit code 0 when it completed, 1 when not. */
    private void guarded(Run run) throws Exception {
        handled(() -> {
            JobExecution execution = run.start();
            report(execution);
            exitCode = execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        });
    }

    /** A bad request is one {@code error:} line and exit code 2; a conflict with a running job one line and 3. */
    private void handled(Action action) throws Exception {
        try {
            action.run();
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

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
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

    private void retire(String source, String file, String note) throws Exception {
        var w = runService.retire(source, file, note);
        out.println("Retired " + w.source() + " " + w.file() + "; from the next build on:");
        w.fellBack().forEach(f -> out.println("  falls back: " + f));
        w.gone().forEach(g -> out.println("  WARNING no file left for " + g + ": its figures disappear"));
        if (w.fellBack().isEmpty() && w.gone().isEmpty()) {
            out.println("  it supplied no partition");
        }
        exitCode = 0;
    }

    /** The partition grid per source (departments x years), as the admin page and GET /admin/api/partitions show it. */
    private void grid() {
        try {
            out.print("\nPartitions (department x year):\n" + GridText.render(cockpit.grid()));
        } catch (RuntimeException e) {
            out.println("\n(partition grid not shown: the warehouse cannot be read now: " + e.getMessage() + ")");
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

    private void runJob(Job job, LoadOptions options) throws Exception {
        JobParametersBuilder params = new JobParametersBuilder().addLong("run.id", System.currentTimeMillis());
        if (options.forceReload) {
            params.addString(FileLoadTasklet.FORCE_RELOAD_PARAMETER, "true", false);
        }
        for (Map.Entry<String, String> url : options.urls().entrySet()) {
            params.addString(Source.byToken(url.getKey()).orElseThrow().urlParameter(), url.getValue(), false);
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

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
