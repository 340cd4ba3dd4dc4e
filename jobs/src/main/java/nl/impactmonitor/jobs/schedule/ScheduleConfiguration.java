package nl.impactmonitor.jobs.schedule;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The nightly schedule: a cron trigger in Europe/Amsterdam time, kept in Quartz's JDBC store next to the job
 * repository so a night missed while the service was down is noticed at start-up and run once (misfire
 * "fire and proceed"), not once per missed night. The stored trigger is kept across restarts for that reason;
 * when the configured cron changes it is rescheduled.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScheduleConfiguration.class);
    static final String TRIGGER = "nightly-trigger";

    @Bean
    JobDetail nightlyJobDetail() {
        return JobBuilder.newJob(NightlyQuartzJob.class)
                .withIdentity("nightly")
                .withDescription("Loads, models, data tests and publication")
                .storeDurably()
                .requestRecovery(true)
                .build();
    }

    @Bean
    Trigger nightlyTrigger(JobDetail nightlyJobDetail, @Value("${impactmonitor.schedule.nightly-cron}") String cron,
                           @Value("${impactmonitor.schedule.time-zone}") String timeZone) {
        return TriggerBuilder.newTrigger()
                .forJob(nightlyJobDetail)
                .withIdentity(TRIGGER)
                .withSchedule(schedule(cron, timeZone))
                .build();
    }

    static CronScheduleBuilder schedule(String cron, String timeZone) {
        return CronScheduleBuilder.cronSchedule(cron)
                .inTimeZone(TimeZone.getTimeZone(timeZone))
                .withMisfireHandlingInstructionFireAndProceed();
    }

    /** A trigger kept from an earlier start follows the cron of the current configuration. */
    @EventListener(ApplicationReadyEvent.class)
    void followConfiguredCron(ApplicationReadyEvent event) throws SchedulerException {
        var context = event.getApplicationContext();
        if (context.getBeanNamesForType(Scheduler.class).length == 0) {
            return;
        }
        Scheduler scheduler = context.getBean(Scheduler.class);
        String cron = context.getEnvironment().getProperty("impactmonitor.schedule.nightly-cron");
        String timeZone = context.getEnvironment().getProperty("impactmonitor.schedule.time-zone");
        Trigger stored = scheduler.getTrigger(TriggerKey.triggerKey(TRIGGER));
        if (stored instanceof CronTrigger c && (!c.getCronExpression().equals(cron) || !c.getTimeZone().getID().equals(timeZone))) {
            log.info("Nightly schedule changed from '{}' ({}) to '{}' ({})", c.getCronExpression(), c.getTimeZone().getID(), cron, timeZone);
            scheduler.rescheduleJob(stored.getKey(), TriggerBuilder.newTrigger().forJob(stored.getJobKey()).withIdentity(TRIGGER)
                    .withSchedule(schedule(cron, timeZone)).build());
        }
        if (stored != null) {
            log.info("Next nightly run: {}", scheduler.getTrigger(TriggerKey.triggerKey(TRIGGER)).getNextFireTime());
        }
    }
}
