package nl.impactmonitor.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.jobs.ImpactmonitorApplication;
import nl.impactmonitor.jobs.TestProject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The nightly trigger with Quartz's JDBC store on a real H2 job-repository file. */
class NightlyScheduleIT {

    @TempDir
    Path home;

    private ConfigurableApplicationContext start(String cron, boolean schedulerRuns) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("impactmonitor.home", home.toString());
        props.put("impactmonitor.sql-dir", TestProject.SQL.toString());
        props.put("impactmonitor.reference-dir", TestProject.REFERENCE.toString());
        props.put("impactmonitor.targets-file", TestProject.DIR.resolve("config/targets.yaml").toString());
        props.put("spring.datasource.url", "jdbc:h2:file:" + home.resolve("jobrepo/batch"));
        props.put("impactmonitor.schedule.nightly-cron", cron);
        props.put("spring.quartz.auto-startup", Boolean.toString(schedulerRuns));
        props.put("spring.quartz.properties.org.quartz.jobStore.misfireThreshold", "1000");
        props.put("server.port", "0");
        // As command-line options, so they outrank application.properties.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ImpactmonitorApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    private static List<JobExecution> nightlyRuns(ConfigurableApplicationContext context) {
        JobRepository repository = context.getBean(JobRepository.class);
        return repository.getJobInstances("nightly", 0, 100).stream()
                .map(JobInstance::getInstanceId)
                .flatMap(id -> repository.getJobExecutions(repository.getJobInstance(id)).stream())
                .toList();
    }

    private static List<JobExecution> awaitRuns(ConfigurableApplicationContext context, int expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<JobExecution> runs = nightlyRuns(context);
        while (Instant.now().isBefore(deadline) && (runs.size() < expected || runs.stream().anyMatch(JobExecution::isRunning))) {
            Thread.sleep(250);
            runs = nightlyRuns(context);
        }
        return runs;
    }

    @Test
    void nearFutureTriggerRunsTheFlowOnce() throws Exception {
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")).plusSeconds(8);
        String once = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
                + at.getMonthValue() + " ? " + at.getYear();
        try (ConfigurableApplicationContext context = start(once, true)) {
            assertThat(nightlyRuns(context)).isEmpty();
            List<JobExecution> runs = awaitRuns(context, 1, Duration.ofSeconds(40));
            Thread.sleep(2000);
            runs = nightlyRuns(context);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).getStatus().name()).isEqualTo("COMPLETED");
            assertThat(runs.get(0).getJobParameters().getString("trigger")).startsWith("schedule nightly-trigger");
        }
    }

    @Test
    void nightsMissedWhileDownRunOnceAtStartUp() throws Exception {
        String nightly = "0 30 2 * * ?";
        // First start stores the trigger (the scheduler itself stays in standby), then the service goes down.
        try (ConfigurableApplicationContext context = start(nightly, false)) {
            assertThat(context.getBean(Scheduler.class).getTrigger(TriggerKey.triggerKey(ScheduleConfiguration.TRIGGER))).isNotNull();
        }
        // While it is down three nights pass: the stored next fire time lies three days back.
        long threeNightsAgo = Instant.now().minus(Duration.ofDays(3)).toEpochMilli();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("jobrepo/batch"), "sa", "");
             PreparedStatement ps = c.prepareStatement("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = ?")) {
            ps.setLong(1, threeNightsAgo);
            ps.setString(2, ScheduleConfiguration.TRIGGER);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext context = start(nightly, true)) {
            List<JobExecution> runs = awaitRuns(context, 1, Duration.ofSeconds(40));
            Thread.sleep(3000);
            runs = nightlyRuns(context);
            assertThat(runs).as("one catch-up run, not one per missed night").hasSize(1);
            assertThat(runs.get(0).getStatus().name()).isEqualTo("COMPLETED");
            Instant next = context.getBean(Scheduler.class).getTrigger(TriggerKey.triggerKey(ScheduleConfiguration.TRIGGER))
                    .getNextFireTime().toInstant();
            assertThat(next).isAfter(Instant.now());
        }
    }
}
