package nl.impactmonitor.jobs.admin;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.operations.PartitionRerunJobConfiguration;
import nl.impactmonitor.jobs.pipeline.NightlyJobConfiguration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.batch.core.job.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Run metrics read from the job repository when scraped, so no job needs a listener: rows loaded and rejected per
 * source (file steps {@code <source>-file:*} and partition reruns of that source), run durations per job, and when
 * the nightly flow last completed. Values are cached for a few seconds so a scrape costs a handful of queries.
 * Prometheus names: {@code impactmonitor_rows_loaded_total}, {@code impactmonitor_rows_rejected_total},
 * {@code impactmonitor_run_duration_seconds_{count,sum,...}}, {@code impactmonitor_nightly_last_success_timestamp_seconds}.
 */
@ConditionalOnWebApplication
@Component
public class RunMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);
    private static final long CACHE_MILLIS = 5000;

    private final JdbcTemplate jdbc;
    private final List<String> jobNames;
    private final String prefix;
    private volatile Snapshot snapshot;

    public RunMetrics(JdbcTemplate jdbc, List<Job> jobs, @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
        this.jdbc = jdbc;
        this.jobNames = jobs.stream().map(Job::getName).distinct().sorted().toList();
        this.prefix = tablePrefix;
    }

    record Rows(long loaded, long rejected) {
    }

    record Runs(long count, double totalSeconds) {
    }

    record Snapshot(long takenAt, Map<String, Rows> rows, Map<String, Runs> runs, double lastNightlySuccess) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String source : Source.tokens()) {
            FunctionCounter.builder("impactmonitor.rows.loaded", this, m -> m.rows(source).loaded())
                    .description("Rows loaded into the warehouse by file steps and partition reruns")
                    .tag("source", source).register(registry);
            FunctionCounter.builder("impactmonitor.rows.rejected", this, m -> m.rows(source).rejected())
                    .description("Rows rejected with a reason (see raw.reject) by file steps and partition reruns")
                    .tag("source", source).register(registry);
        }
        for (String job : jobNames) {
            FunctionTimer.builder("impactmonitor.run.duration", this, m -> m.runs(job).count(), m -> m.runs(job).totalSeconds(),
                            TimeUnit.SECONDS)
                    .description("Duration of finished job executions")
                    .tag("job", job).register(registry);
        }
        Gauge.builder("impactmonitor.nightly.last.success.timestamp", this, m -> m.snapshot().lastNightlySuccess())
                .description("End time of the last completed nightly flow, seconds since the epoch")
                .baseUnit("seconds").register(registry);
    }

    private Rows rows(String source) {
        return snapshot().rows().getOrDefault(source, new Rows(0, 0));
    }

    private Runs runs(String job) {
        return snapshot().runs().getOrDefault(job, new Runs(0, 0));
    }

    Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || System.currentTimeMillis() - s.takenAt() > CACHE_MILLIS) {
            try {
                s = take();
            } catch (DataAccessException e) {
                // Keep the last values (metrics must not break a scrape); the job repository may be briefly unreachable.
                log.warn("Run metrics not refreshed: {}", e.getMessage());
                return s != null ? s : new Snapshot(System.currentTimeMillis(), Map.of(), Map.of(), Double.NaN);
            }
            snapshot = s;
        }
        return s;
    }

    private Snapshot take() {
        Map<String, Rows> rows = new HashMap<>();
        String skips = "COALESCE(SUM(s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT), 0)";
        for (Source source : Source.all()) {
            // Steps of before V017 count under the source's token of now (result-file:* as result).
            for (String token : java.util.stream.Stream.concat(java.util.stream.Stream.of(source.token()), source.formerToken().stream()).toList()) {
                jdbc.query("SELECT COALESCE(SUM(s.WRITE_COUNT), 0), " + skips + " FROM " + prefix + "STEP_EXECUTION s WHERE s.STEP_NAME LIKE ?",
                        rs -> {
                            rows.merge(source.token(), new Rows(rs.getLong(1), rs.getLong(2)), RunMetrics::add);
                        }, token + "-file:%");
            }
        }
        jdbc.query("SELECT p.PARAMETER_VALUE, COALESCE(SUM(s.WRITE_COUNT), 0), " + skips + " FROM " + prefix + "STEP_EXECUTION s"
                        + " INNER JOIN " + prefix + "JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID AND p.PARAMETER_NAME = ?"
                        + " WHERE s.STEP_NAME = ? GROUP BY p.PARAMETER_VALUE",
                rs -> {
                    String token = Source.byToken(rs.getString(1)).map(Source::token).orElse(rs.getString(1));
                    rows.merge(token, new Rows(rs.getLong(2), rs.getLong(3)), RunMetrics::add);
                }, PartitionRerunJobConfiguration.SOURCE, RunQueries.RERUN_STEP);

        Map<String, Runs> runs = new HashMap<>();
        ZoneId zone = ZoneId.systemDefault();
        jdbc.query("SELECT i.JOB_NAME, e.START_TIME, e.END_TIME FROM " + prefix + "JOB_EXECUTION e INNER JOIN " + prefix + "JOB_INSTANCE i"
                        + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE e.START_TIME IS NOT NULL AND e.END_TIME IS NOT NULL",
                rs -> {
                    Duration d = Duration.between(rs.getObject(2, LocalDateTime.class).atZone(zone), rs.getObject(3, LocalDateTime.class).atZone(zone));
                    runs.merge(rs.getString(1), new Runs(1, d.toMillis() / 1000.0), (a, b) -> new Runs(a.count() + b.count(), a.totalSeconds() + b.totalSeconds()));
                });

        List<LocalDateTime> last = jdbc.query("SELECT MAX(e.END_TIME) FROM " + prefix + "JOB_EXECUTION e INNER JOIN " + prefix + "JOB_INSTANCE i"
                        + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED'",
                (rs, n) -> rs.getObject(1, LocalDateTime.class), NightlyJobConfiguration.JOB_NAME);
        double lastSuccess = last.isEmpty() || last.get(0) == null ? Double.NaN : last.get(0).atZone(zone).toInstant().toEpochMilli() / 1000.0;
        return new Snapshot(System.currentTimeMillis(), rows, runs, lastSuccess);
    }

    private static Rows add(Rows a, Rows b) {
        return new Rows(a.loaded() + b.loaded(), a.rejected() + b.rejected());
    }
}
