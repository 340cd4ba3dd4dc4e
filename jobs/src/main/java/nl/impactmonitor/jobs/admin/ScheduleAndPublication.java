package nl.impactmonitor.jobs.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;

import org.quartz.CronExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedule and publication panel: when the nightly flow runs next (from the configured cron and zone, as the
 * Quartz trigger is built from them), the last nightly and the last successful one (job repository), and the
 * publication {@code latest} points to ({@code manifest.json}). {@code warnings} is the banner: the publication is older
 * than the health threshold ({@code impactmonitor.health.publication-max-age}, as {@link PublicationHealthIndicator}),
 * there is none, or the last nightly failed.
 */
@ConditionalOnWebApplication
@Component
public class ScheduleAndPublication {

    private final JdbcTemplate jdbc;
    private final String prefix;
    private final String cron;
    private final ZoneId zone;
    private final Duration maxAge;
    private final Path latest;
    private final Clock clock = Clock.systemUTC();

    public ScheduleAndPublication(JdbcTemplate jdbc, ImpactmonitorProperties props,
                                  @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix,
                                  @Value("${impactmonitor.schedule.nightly-cron}") String cron,
                                  @Value("${impactmonitor.schedule.time-zone}") String timeZone,
                                  @Value("${impactmonitor.health.publication-max-age:36h}") Duration maxAge) {
        this.jdbc = jdbc;
        this.prefix = tablePrefix;
        this.cron = cron;
        this.zone = ZoneId.of(timeZone);
        this.maxAge = maxAge;
        this.latest = props.resolve(props.outDir()).resolve(Publisher.LATEST);
    }

    /** A nightly execution: id, status as the job repository has it, exit code and when it ended. */
    public record Nightly(long executionId, String status, String exitCode, java.time.LocalDateTime endTime) {
    }

    /** The publication {@code latest} points to; {@code age} from {@code published_at} to now. */
    public record Publication(String folder, String runId, String dataVersion, Instant publishedAt, Duration age, boolean sampleData) {
        /** Age in whole hours and minutes, e.g. {@code 5u 07m}. */
        public String ageText() {
            return age.toHours() + "u " + String.format("%02d", age.toMinutesPart()) + "m";
        }
    }

    public record Panel(String cron, String timeZone, ZonedDateTime nextNightly, Nightly lastNightly, Nightly lastSuccessfulNightly,
                        Publication publication, Duration maxAge, List<String> warnings, List<String> warningsEn) {
    }

    public Panel panel() {
        ZonedDateTime next = null;
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            var fire = expression.getNextValidTimeAfter(java.util.Date.from(clock.instant()));
            next = fire == null ? null : fire.toInstant().atZone(zone);
        } catch (ParseException e) {
            // The schedule refuses to start with a bad cron; the panel then shows no next run.
        }
        String nightlies = "SELECT e.JOB_EXECUTION_ID, e.STATUS, e.EXIT_CODE, e.END_TIME FROM " + prefix + "JOB_EXECUTION e INNER JOIN "
                + prefix + "JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'nightly'";
        org.springframework.jdbc.core.RowMapper<Nightly> nightly = (rs, n) -> new Nightly(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, java.time.LocalDateTime.class));
        Nightly last = jdbc.query(nightlies + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1", nightly).stream().findFirst().orElse(null);
        Nightly lastOk = jdbc.query(nightlies + " AND e.STATUS = 'COMPLETED' ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1", nightly)
                .stream().findFirst().orElse(null);
        Publication publication = publication();
        List<String> nl = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (publication == null) {
            nl.add("Er is nog geen publicatie (" + latest + " ontbreekt).");
            en.add("There is no publication yet (" + latest + " is missing).");
        } else if (publication.age().compareTo(maxAge) > 0) {
            nl.add("De publicatie is " + publication.ageText() + " oud, ouder dan de drempel van " + maxAge.toHours() + " uur.");
            en.add("The publication is " + publication.ageText().replace('u', 'h') + " old, older than the threshold of "
                    + maxAge.toHours() + " hours.");
        }
        if (last != null && ("FAILED".equals(last.status()) || "ABANDONED".equals(last.status()) || "STOPPED".equals(last.status()))) {
            nl.add("De laatste nachtelijke run (uitvoering " + last.executionId() + ") is niet voltooid: " + last.status().toLowerCase()
                    + " (" + last.exitCode() + ").");
            en.add("The last nightly run (execution " + last.executionId() + ") did not complete: " + last.status().toLowerCase()
                    + " (" + last.exitCode() + ").");
        }
        return new Panel(cron, zone.getId(), next, last, lastOk, publication, maxAge, nl, en);
    }

    /** The publication latest points to, or null when there is none or its manifest cannot be read. */
    Publication publication() {
        Path manifest = latest.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            JsonNode json = JsonMapper.builder().build().readTree(manifest.toFile());
            Instant published = Instant.parse(json.path("published_at").asString());
            return new Publication(latest.toRealPath().getFileName().toString(), json.path("run_id").asString(""),
                    json.path("data_version").asString(""), published, Duration.between(published, clock.instant()).withNanos(0),
                    json.path("sample_data").asBoolean(false));
        } catch (RuntimeException | java.io.IOException e) {
            return null;
        }
    }

    /** A file of the latest publication's report, or null when the name is not a plain file there. */
    Path reportFile(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            return null;
        }
        Path file = latest.resolve("report").resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }
}
