package nl.impactmonitor.jobs.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.jobs.operations.PartitionRerunJobConfiguration;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.Snapshot;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The admin layer's reads: executions from the job repository (paged newest first with SQL on its tables, mapped
 * through {@link JobRepository}) and rejected rows from the warehouse through the load ids of an execution's file steps.
 * A cluster node that is not writing has no warehouse open: it reads the rejects of the latest publication instead.
 */
@Component
public class RunQueries {

    /**
     * Worker steps that land one file: {@code spend-file:<name>}, {@code tender-file:...}, {@code result-file:...} (and
     * {@code result-file:...} of runs before V017).
     */
    static final Pattern FILE_STEP = Pattern.compile("^(" + String.join("|", Source.all().stream()
            .flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.token()), s.formerToken().stream())).toList())
            + ")-file:.+");
    static final String RERUN_STEP = "partition-reload";

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final Warehouse warehouse;
    private final String prefix;
    private final java.nio.file.Path latestPublication;

    public RunQueries(JdbcTemplate jdbc, JobRepository jobRepository, Warehouse warehouse, ImpactmonitorProperties props,
                      @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.warehouse = warehouse;
        this.prefix = tablePrefix;
        this.latestPublication = props.resolve(props.outDir()).resolve(Publisher.LATEST);
    }

    /** Executions newest first, optionally of one job. */
    public ExecutionsPage executions(int page, int size, String jobName) {
        String from = " FROM " + prefix + "JOB_EXECUTION e INNER JOIN " + prefix + "JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + (jobName == null || jobName.isBlank() ? "" : " WHERE i.JOB_NAME = ?");
        Object[] filter = jobName == null || jobName.isBlank() ? new Object[0] : new Object[] {jobName};
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, filter);
        List<Object> args = new ArrayList<>(List.of(filter));
        args.add(size);
        args.add((long) page * size);
        List<Long> ids = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID" + from + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ? OFFSET ?",
                Long.class, args.toArray());
        List<ExecutionView> views = new ArrayList<>();
        for (long id : ids) {
            execution(id).ifPresent(views::add);
        }
        return new ExecutionsPage(page, size, total == null ? 0 : total, views);
    }

    public Optional<ExecutionView> execution(long id) {
        return find(id).map(this::view);
    }

    /** Batch 6's JDBC repository throws instead of returning null for an unknown execution id. */
    private Optional<JobExecution> find(long id) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(id));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    /** Rejected rows of all file steps of an execution, by file and line. Empty when the execution does not exist. */
    public Optional<RejectsPage> rejects(long executionId, int page, int size) {
        JobExecution execution = find(executionId).orElse(null);
        if (execution == null) {
            return Optional.empty();
        }
        List<String> loadIds = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .flatMap(s -> loadIds(s).stream()).distinct().toList();
        if (loadIds.isEmpty()) {
            return Optional.of(new RejectsPage(executionId, loadIds, page, size, 0, List.of()));
        }
        String in = String.join(", ", Collections.nCopies(loadIds.size(), "?"));
        List<Object> args = new ArrayList<>(loadIds);
        args.add(size);
        args.add((long) page * size);
        String count = "SELECT count(*) FROM raw.reject WHERE load_id IN (" + in + ")";
        String select = """
                SELECT %s FROM raw.reject
                WHERE load_id IN (%s) ORDER BY source, source_file, line_no NULLS FIRST, column_name LIMIT ? OFFSET ?"""
                .formatted(RejectsPage.Reject.COLUMNS, in);
        Warehouse.RowMapper<RejectsPage.Reject> reject = RejectsPage.Reject::read;
        if (!warehouse.isOpen()) {
            return Optional.of(publishedRejects(executionId, loadIds, page, size, count, select, reject, args));
        }
        try {
            // A connection of its own: the page does not wait for a run's statement on the writer's connection.
            try (Warehouse reader = warehouse.reader()) {
                long total = reader.queryLong(count, loadIds.toArray());
                List<RejectsPage.Reject> rows = reader.query(select, reject, args.toArray());
                return Optional.of(new RejectsPage(executionId, loadIds, page, size, total, rows));
            }
        } catch (nl.impactmonitor.warehouse.WarehouseException e) {
            if (warehouse.isOpen()) {
                throw e;
            }
            // A cluster node's run ended and closed the warehouse before this read got its connection.
            return Optional.of(publishedRejects(executionId, loadIds, page, size, count, select, reject, args));
        }
    }

    /** The same queries on the latest publication's lake (raw.reject is published as lake/reject/). */
    private RejectsPage publishedRejects(long executionId, List<String> loadIds, int page, int size, String count, String select,
                                         Warehouse.RowMapper<RejectsPage.Reject> reject, List<Object> args) {
        java.nio.file.Path publication;
        try {
            // The folder latest points at now; a publication swapping latest meanwhile leaves this one complete.
            publication = latestPublication.toRealPath();
        } catch (java.io.IOException e) {
            return new RejectsPage(executionId, loadIds, page, size, 0, List.of());
        }
        String lake = "read_parquet(" + Warehouse.quoteLiteral(publication.resolve("lake/reject").toString() + "/**/*.parquet") + ")";
        long total = Snapshot.queryPublished(publication, count.replace("raw.reject", lake), rs -> rs.getLong(1),
                loadIds.toArray()).get(0);
        List<RejectsPage.Reject> rows = Snapshot.queryPublished(publication, select.replace("raw.reject", lake), reject, args.toArray());
        return new RejectsPage(executionId, loadIds, page, size, total, rows);
    }

    static boolean isFileStep(String stepName) {
        return FILE_STEP.matcher(stepName).matches() || RERUN_STEP.equals(stepName);
    }

    /**
     * The warehouse load id of a file step: kept in its execution context by the load jobs; a partition rerun step
     * does not keep it there, so it is rebuilt from the naming rule of PartitionRerunJobConfiguration.
     */
    static List<String> loadIds(StepExecution step) {
        String ids = loadId(step);
        return ids == null ? List.of() : List.of(ids.split(","));
    }

    /** The load id of a file step, or the comma-separated load ids of a step that landed a run of files. */
    static String loadId(StepExecution step) {
        if (step.getExecutionContext().containsKey("load_id")) {
            return step.getExecutionContext().getString("load_id");
        }
        if (RERUN_STEP.equals(step.getStepName())) {
            String source = step.getJobParameters().getString(PartitionRerunJobConfiguration.SOURCE);
            return source == null ? null : source + "-rerun-e" + step.getJobExecutionId() + "-s" + step.getId();
        }
        return null;
    }

    ExecutionView view(JobExecution e) {
        Map<String, Object> identifying = new LinkedHashMap<>();
        Map<String, Object> other = new LinkedHashMap<>();
        e.getJobParameters().parameters().stream()
                .sorted(Comparator.comparing(JobParameter::name))
                .forEach(p -> (p.identifying() ? identifying : other).put(p.name(),
                        p.name().endsWith(".url") && p.value() instanceof String url
                                ? nl.impactmonitor.jobs.landing.Downloader.redact(url) : p.value()));
        List<ExecutionView.StepView> steps = e.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(s -> new ExecutionView.StepView(s.getId(), s.getStepName(), s.getStatus().name(),
                        s.getExitStatus().getExitCode(), s.getExitStatus().getExitDescription(), s.getStartTime(), s.getEndTime(),
                        s.getReadCount(), s.getWriteCount(), s.getSkipCount(), s.getFilterCount(),
                        isFileStep(s.getStepName()) ? loadId(s) : null))
                .toList();
        long read = 0, loaded = 0, rejected = 0, filtered = 0;
        for (ExecutionView.StepView s : steps) {
            if (isFileStep(s.name())) {
                read += s.readCount();
                loaded += s.writeCount();
                rejected += s.skipCount();
                filtered += s.filterCount();
            }
        }
        return new ExecutionView(e.getId(), e.getJobInstance().getJobName(), e.getJobInstance().getInstanceId(), e.getStatus().name(),
                e.getExitStatus().getExitCode(), e.getExitStatus().getExitDescription(), e.getCreateTime(), e.getStartTime(),
                e.getEndTime(), identifying, other, e.isRunning(),
                isRestartable(e), new ExecutionView.Totals(read, loaded, rejected, filtered),
                steps);
    }

    /** Failed or stopped, and the last execution of its job instance (an earlier one was restarted already). */
    private boolean isRestartable(JobExecution e) {
        if (e.getStatus() != BatchStatus.FAILED && e.getStatus() != BatchStatus.STOPPED) {
            return false;
        }
        JobExecution last = jobRepository.getLastJobExecution(e.getJobInstance());
        return last == null || last.getId() == e.getId();
    }
}
