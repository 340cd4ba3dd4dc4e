package nl.impactmonitor.jobs.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.pipeline.NightlyJobConfiguration;
import nl.impactmonitor.jobs.system.RunConflictException;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.jobs.system.WarehouseWriter;
import nl.impactmonitor.warehouse.InboxLedger;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Starts runs for the schedule, the admin API and the command line, and keeps them from overlapping: never two
 * nightly flows, never a partition rerun during the nightly flow (both write the one warehouse and publish), and
 * never two reruns of the same partition. Runs start in the background; callers that must wait use
 * {@link #awaitCompletion(JobExecution)}.
 * <p>
 * Every run holds a {@link WarehouseWriter.Lease} from before it starts until it ends: free on one machine, the
 * cluster-wide writer lock in profile cluster, so a node refuses a run while another node writes.
 */
@Service
public class RunService implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    static final Set<String> EXCLUSIVE_JOBS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(NightlyJobConfiguration.JOB_NAME, PartitionRerunJobConfiguration.JOB_NAME),
            Source.all().stream().map(Source::jobName)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final JobRepository jobRepository;
    private final Map<String, Job> jobs;
    private final ImpactmonitorProperties props;
    private final Warehouse warehouse;
    private final WarehouseWriter writer;
    private final TaskExecutorJobOperator operator;
    /** The lease of the run being launched on this thread, handed to the thread that executes the run. */
    private final ThreadLocal<WarehouseWriter.Lease> launching = new ThreadLocal<>();

    public RunService(JobRepository jobRepository, List<Job> jobs, ImpactmonitorProperties props,
                      Warehouse warehouse, WarehouseWriter writer,
                      @org.springframework.beans.factory.annotation.Value("${impactmonitor.shutdown.grace-period:45s}")
                      java.time.Duration shutdownGrace) throws Exception {
        this.shutdownGrace = shutdownGrace;
        this.jobRepository = jobRepository;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, j -> j));
        this.props = props;
        this.warehouse = warehouse;
        this.writer = writer;
        this.operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        JobRegistry jobRegistry = new MapJobRegistry();
        for (Job job : jobs) {
            jobRegistry.register(job);
        }
        operator.setJobRegistry(jobRegistry);
        TaskExecutor runs = new SimpleAsyncTaskExecutor("run-");
        operator.setTaskExecutor(task -> {
            WarehouseWriter.Lease lease = launching.get();
            launching.remove();
            activeRuns.incrementAndGet();
            runs.execute(() -> {
                try {
                    task.run();
                } finally {
                    activeRuns.decrementAndGet();
                    if (lease != null) {
                        lease.close();
                    }
                }
            });
        });
        operator.afterPropertiesSet();
        if (!writer.clustered()) {
            // This process holds the warehouse (DuckDB admits one writer), so nothing else can be running a job now:
            // whatever the repository still calls running died with an earlier process (kill -9, crash, power loss).
            markInterrupted();
        }
    }

    private final java.time.Duration shutdownGrace;
    /** Runs of this process whose thread has not ended yet (a stopped run still records its state). */
    private final java.util.concurrent.atomic.AtomicInteger activeRuns = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean lifecycleRunning;

    @Override
    public void start() {
        lifecycleRunning = true;
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /**
     * On shutdown (SIGTERM from systemd or a rolling restart) every run of this process is asked to stop after the
     * current file's transaction or step, and the shutdown waits up to {@code impactmonitor.shutdown.grace-period}
     * for it to end STOPPED, which Restart continues. A run still going then dies with the process and is marked
     * {@value #INTERRUPTED} at the next start; restartable either way.
     */
    @Override
    public void stop() {
        lifecycleRunning = false;
        List<JobExecution> active = startedHere.stream().map(jobRepository::getJobExecution)
                .filter(e -> e != null && e.isRunning()).toList();
        if (active.isEmpty()) {
            return;
        }
        for (JobExecution e : active) {
            try {
                log.warn("Shutting down: asking execution {} ({}) to stop after its current step; restart it when the service is back",
                        e.getId(), e.getJobInstance().getJobName());
                operator.stop(e);
            } catch (Exception ex) {
                log.warn("Could not ask execution {} to stop: {}", e.getId(), ex.getMessage());
            }
        }
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        while (System.nanoTime() < deadline && activeRuns.get() > 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (JobExecution e : active) {
            JobExecution now = jobRepository.getJobExecution(e.getId());
            log.warn("Execution {} ({}) is {} at shutdown", e.getId(), e.getJobInstance().getJobName(),
                    now == null ? "unknown" : now.getStatus());
        }
    }

    /** Exit code of an execution whose process ended while it ran; the page and API offer Restart for it. */
    public static final String INTERRUPTED = "INTERRUPTED";

    /**
     * Marks every execution the repository calls running, and that this process did not start, as failed with exit
     * code {@value #INTERRUPTED} and a reason, so it shows as interrupted (not running) and can be restarted.
     */
    private void markInterrupted() {
        for (String name : jobs.keySet()) {
            for (JobExecution orphan : jobRepository.findRunningJobExecutions(name)) {
                if (!runsInThisProcess(orphan)) {
                    markInterrupted(orphan);
                }
            }
        }
    }

    private void markInterrupted(JobExecution orphan) {
        JobExecution recovered = operator.recover(orphan);
        recovered.setExitStatus(new org.springframework.batch.core.ExitStatus(INTERRUPTED,
                "interrupted: the process running it ended (killed, crashed or the machine stopped) while it was "
                        + orphan.getStatus().name().toLowerCase(java.util.Locale.ROOT) + "; Restart completes it"));
        jobRepository.update(recovered);
        log.warn("Execution {} ({}) was interrupted: its process ended while it ran. Marked {} {}; restart it from the admin page, "
                + "the API (POST /admin/api/executions/{}/restart) or the command line (restart {})",
                orphan.getId(), orphan.getJobInstance().getJobName(), recovered.getStatus(), INTERRUPTED, orphan.getId(), orphan.getId());
    }

    /** Starts (or restarts) a run that keeps {@code lease} until it ends; the lease is released if it cannot start. */
    private JobExecution launch(WarehouseWriter.Lease lease, Launch start) throws Exception {
        launching.set(lease);
        try {
            return start.run();
        } finally {
            WarehouseWriter.Lease unused = launching.get();
            launching.remove();
            if (unused != null) {
                unused.close();
            }
        }
    }

    @FunctionalInterface
    private interface Launch {
        JobExecution run() throws Exception;
    }

    /** Runs {@code work} with a lease taken for it, releasing the lease when {@code work} fails before a launch. */
    private JobExecution withLease(String purpose, LeasedWork work) throws Exception {
        WarehouseWriter.Lease lease = writer.acquire(purpose);
        try {
            return work.run(lease);
        } catch (Exception | Error e) {
            lease.close();
            throw e;
        }
    }

    @FunctionalInterface
    private interface LeasedWork {
        JobExecution run(WarehouseWriter.Lease lease) throws Exception;
    }

    /** Starts the nightly flow now, unless a run that writes the warehouse is active. */
    public synchronized JobExecution startNightly(String trigger) throws Exception {
        refuseWhileRunning(EXCLUSIVE_JOBS, "the nightly flow");
        return withLease("the nightly flow (" + trigger + ")", lease -> launchNightly(lease, trigger));
    }

    private JobExecution launchNightly(WarehouseWriter.Lease lease, String trigger) throws Exception {
        JobParameters params = new JobParametersBuilder()
                .addLong("run.id", System.currentTimeMillis())
                .addString("trigger", trigger, false)
                .toJobParameters();
        JobExecution execution = launch(lease, () -> operator.start(jobs.get(NightlyJobConfiguration.JOB_NAME), params));
        startedHere.add(execution.getId());
        log.info("Started nightly flow, execution {} ({})", execution.getId(), trigger);
        return execution;
    }

    /**
     * Completes the scheduled nightly flow planned at {@code planned} that a node started and died running (Quartz
     * fires a recovery on a surviving node): its execution, still STARTED in the repository, is marked failed and
     * restarted, so the same job instance completes once. Holding the writer lock proves the dead node is not
     * writing. Nothing is started when that flow completed; a fresh flow when the dead node never started one.
     */
    public synchronized JobExecution recoverNightly(Instant planned, String trigger) throws Exception {
        refuseWhileRunning(EXCLUSIVE_JOBS, "recovery of the nightly flow");
        return withLease("recovery of the nightly flow planned " + planned, lease -> {
            List<JobExecution> ofPlan = jobRepository.getJobInstances(NightlyJobConfiguration.JOB_NAME, 0, 50).stream()
                    .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
                    .filter(e -> plannedAt(e, planned))
                    .sorted(java.util.Comparator.comparing(JobExecution::getId).reversed())
                    .toList();
            JobExecution completed = ofPlan.stream().filter(e -> e.getStatus() == BatchStatus.COMPLETED).findFirst().orElse(null);
            if (completed != null) {
                log.info("Nightly flow planned {} completed already (execution {}); nothing to recover", planned, completed.getId());
                lease.close();
                return completed;
            }
            if (ofPlan.isEmpty()) {
                log.info("Nightly flow planned {} never started; starting it now", planned);
                return launchNightly(lease, trigger);
            }
            JobExecution abandoned = ofPlan.get(0);
            log.info("Recovering nightly flow planned {}: execution {} was left {} by its node", planned, abandoned.getId(), abandoned.getStatus());
            return launchRestart(lease, abandoned);
        });
    }

    /** The scheduled nightly execution's trigger parameter names its planned fire time (NightlyQuartzJob). */
    private static boolean plannedAt(JobExecution execution, Instant planned) {
        String trigger = execution.getJobParameters().getString("trigger");
        return trigger != null && trigger.startsWith("schedule ") && trigger.endsWith("planned " + planned);
    }

    /** Reruns one (source, department, year) partition from a file in the source's landing folder. */
    public synchronized JobExecution rerunPartition(String source, String department, Integer year, String file) throws Exception {
        // The checks below read the warehouse, which a cluster node has open only while it holds the writer lock.
        return withLease("a partition rerun of " + source + " " + department + " " + year,
                lease -> rerunPartition(lease, source, department, year, file));
    }

    private JobExecution rerunPartition(WarehouseWriter.Lease lease, String source, String department, Integer year, String file) throws Exception {
        Source s = Sources.named(source);
        source = s.token();
        Path inbox = s.inbox(props);
        if (department == null || warehouse.queryLong("SELECT count(*) FROM ref.department WHERE department_code = ?", department) == 0) {
            throw new BadRunRequestException("unknown department '" + department + "': use a code from config/reference/departments.csv");
        }
        if (year == null || year < 2000 || year > java.time.Year.now().getValue() + 1) {
            throw new BadRunRequestException("year must be between 2000 and " + (java.time.Year.now().getValue() + 1) + ", not " + year);
        }
        // A rerun follows the same rule as a night: the partition comes from its current file, and only from that one.
        String current = currentFileOf(source, department, year);
        String fileName = file == null || file.isBlank() ? current : file;
        Path resolved = inbox.resolve(fileName).normalize();
        if (!resolved.startsWith(inbox) || !resolved.getParent().equals(inbox)) {
            throw new BadRunRequestException("file '" + fileName + "' is not a file name inside the " + source + " landing folder");
        }
        if (!Files.isRegularFile(resolved)) {
            throw new BadRunRequestException("file '" + fileName + "' is not in the " + source + " landing folder " + inbox);
        }
        if (!fileName.equals(current)) {
            throw new BadRunRequestException("file '" + fileName + "' is not the current file for " + source + " " + department + " " + year
                    + " (that is " + current + ", the latest arrival); leave the file out or retire " + current + " first");
        }
        refuseWhileRunning(EXCLUSIVE_JOBS.stream().filter(j -> !j.equals(PartitionRerunJobConfiguration.JOB_NAME))
                .collect(java.util.stream.Collectors.toSet()), "a partition rerun");
        for (JobExecution running : running(PartitionRerunJobConfiguration.JOB_NAME)) {
            JobParameters p = running.getJobParameters();
            if (source.equals(p.getString(PartitionRerunJobConfiguration.SOURCE))
                    && department.equals(p.getString(PartitionRerunJobConfiguration.DEPARTMENT))
                    && Long.valueOf(year).equals(p.getLong(PartitionRerunJobConfiguration.YEAR))) {
                throw new RunConflictException("partition " + source + " " + department + " " + year
                        + " is already being rerun by execution " + running.getId());
            }
        }
        if (!running(PartitionRerunJobConfiguration.JOB_NAME).isEmpty()) {
            throw new RunConflictException("another partition rerun is active; the warehouse has one writer, try again when it ends");
        }
        JobParameters params = new JobParametersBuilder()
                .addString(PartitionRerunJobConfiguration.SOURCE, source)
                .addString(PartitionRerunJobConfiguration.DEPARTMENT, department)
                .addLong(PartitionRerunJobConfiguration.YEAR, year.longValue())
                .addString(PartitionRerunJobConfiguration.FILE, resolved.getFileName().toString())
                .addLong("request.id", System.currentTimeMillis())
                .toJobParameters();
        JobExecution execution = launch(lease, () -> operator.start(jobs.get(PartitionRerunJobConfiguration.JOB_NAME), params));
        startedHere.add(execution.getId());
        log.info("Started rerun of {} {} {} from {}, execution {}", source, department, year, resolved.getFileName(), execution.getId());
        return execution;
    }

    /** Restarts a failed or stopped execution from where it failed. A run killed with its process is recovered first. */
    public synchronized JobExecution restart(long executionId) throws Exception {
        JobExecution execution = execution(executionId);
        // While this process holds the writer lease, a run not started here cannot be writing: its process died.
        return withLease("a restart of execution " + executionId, lease -> launchRestart(lease, execution));
    }

    private JobExecution launchRestart(WarehouseWriter.Lease lease, JobExecution execution) throws Exception {
        long executionId = execution.getId();
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != executionId) {
            throw new RunConflictException("execution " + executionId + " was superseded by execution " + last.getId()
                    + " of the same run (" + last.getStatus() + ")"
                    + (last.getStatus() == BatchStatus.COMPLETED ? "; nothing left to restart"
                    : last.isRunning() ? "; it is running now" : "; restart execution " + last.getId() + " instead"));
        }
        if (execution.isRunning() && !runsInThisProcess(execution)) {
            // Killed with its process: the repository still says STARTED. Mark it failed so it can restart.
            operator.recover(execution);
            execution = jobRepository.getJobExecution(executionId);
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new BadRunRequestException("execution " + executionId + " completed; start a new run instead");
        }
        if (execution.isRunning()) {
            throw new RunConflictException("execution " + executionId + " is still running");
        }
        refuseWhileRunning(EXCLUSIVE_JOBS, "a restart");
        JobExecution toRestart = execution;
        JobExecution restarted = launch(lease, () -> operator.restart(toRestart));
        startedHere.add(restarted.getId());
        return restarted;
    }

    /** Asks a running execution to stop after its current step. */
    public boolean stop(long executionId) throws Exception {
        JobExecution execution = execution(executionId);
        if (!execution.isRunning()) {
            throw new BadRunRequestException("execution " + executionId + " is not running (" + execution.getStatus() + ")");
        }
        if (!runsInThisProcess(execution) && !writer.clustered()) {
            // Nothing runs it: stopping means recording that it was interrupted, which leaves it restartable.
            markInterrupted(execution);
            return true;
        }
        return operator.stop(execution);
    }

    /** The execution with this id; Batch 6's repository throws instead of returning null for an unknown id. */
    private JobExecution execution(long executionId) {
        try {
            JobExecution execution = jobRepository.getJobExecution(executionId);
            if (execution != null) {
                return execution;
            }
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            // fall through: unknown id
        }
        throw new BadRunRequestException("no job execution " + executionId);
    }

    /** Waits until a run started here ends; returns its final state from the job repository. */
    public JobExecution awaitCompletion(JobExecution execution) throws InterruptedException {
        while (execution.isRunning()) {
            Thread.sleep(100);
        }
        return jobRepository.getJobExecution(execution.getId());
    }

    /**
     * Executions started by this process. While the service runs it holds the warehouse (DuckDB admits one writing
     * process), so a run the repository calls running but that was not started here died with an earlier process.
     * In a cluster that holds only while this node has the writer lease; a run on another node is refused by the lease.
     */
    private final Set<Long> startedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private boolean runsInThisProcess(JobExecution execution) {
        return startedHere.contains(execution.getId());
    }

    private List<JobExecution> running(String jobName) {
        return jobRepository.findRunningJobExecutions(jobName).stream().filter(this::runsInThisProcess).toList();
    }

    private void refuseWhileRunning(Set<String> jobNames, String what) {
        for (String name : jobNames) {
            for (JobExecution running : running(name)) {
                throw new RunConflictException(what + " cannot start while " + name + " (execution " + running.getId() + ") is running");
            }
        }
    }

    /** The file that is current for the partition: the latest arrival in the landing folder that supplies it. */
    private String currentFileOf(String source, String department, int year) {
        return warehouse.ledger().currentFor(source, department, year).map(InboxLedger.Supply::file)
                .orElseThrow(() -> new BadRunRequestException("no file in the " + source + " landing folder supplies " + source + " "
                        + department + " " + year + " now; deliver one and run the nightly flow"));
    }

    /** Every partition every counted file supplies or would supply, current first (for status and the admin page). */
    public List<InboxLedger.Supply> supplies() {
        try (Warehouse reader = warehouse.reader()) {
            return reader.ledger().supplies(null);
        }
    }

    /** Every file recorded in the landing folders, with its state (present, kept, retired). */
    public List<InboxLedger.Entry> inboxFiles() {
        try (Warehouse reader = warehouse.reader()) {
            return reader.ledger().all();
        }
    }

    /**
     * Withdraws a file that stays in the landing folder (a steward's {@code retire}): its partitions fall back to the
     * latest remaining file for them or disappear, from the next build on; it counts again when it arrives anew.
     */
    public synchronized InboxLedger.Withdrawal retire(String source, String file, String note) throws Exception {
        source = Sources.named(source).token();
        if (file == null || file.isBlank() || file.contains("/") || file.contains("\\")) {
            throw new BadRunRequestException("retire needs a file name in the " + source + " landing folder, without a path");
        }
        refuseWhileRunning(EXCLUSIVE_JOBS, "retiring a file");
        try (WarehouseWriter.Lease lease = writer.acquire("retiring " + source + " " + file)) {
            return warehouse.ledger().retire(source, file, note);
        } catch (IllegalArgumentException e) {
            throw new BadRunRequestException(e.getMessage());
        }
    }
}
