package nl.impactmonitor.jobs.schedule;

import java.time.Instant;

import nl.impactmonitor.jobs.operations.RunConflictException;
import nl.impactmonitor.jobs.operations.RunService;
import nl.impactmonitor.jobs.system.WarehouseWriter;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind the nightly trigger: runs the nightly flow and waits for it, so Quartz (with
 * {@code @DisallowConcurrentExecution}) never starts a second one while the first runs. In a cluster, a firing
 * whose node died is fired again on another node as "recovering"; that one completes the dead node's run.
 */
@DisallowConcurrentExecution
public class NightlyQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(NightlyQuartzJob.class);

    private final RunService runService;
    private final WarehouseWriter writer;

    public NightlyQuartzJob(RunService runService, WarehouseWriter writer) {
        this.runService = runService;
        this.writer = writer;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        // A recovery firing runs under a trigger of its own; the data map names the original trigger and its planned time.
        String triggerName = context.isRecovering() && data.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_NAME)
                ? data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_NAME) : context.getTrigger().getKey().getName();
        Instant planned = context.isRecovering() && data.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)
                ? Instant.ofEpochMilli(Long.parseLong(data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)))
                : context.getScheduledFireTime().toInstant();
        String trigger = "schedule " + triggerName + (context.isRecovering() ? " (recovering)" : "") + ", planned " + planned;
        try {
            JobExecution started = context.isRecovering() && writer.clustered()
                    ? runService.recoverNightly(planned, trigger)
                    : runService.startNightly(trigger);
            JobExecution execution = runService.awaitCompletion(started);
            log.info("Scheduled nightly flow ended: execution {} {}", execution.getId(), execution.getStatus());
        } catch (RunConflictException e) {
            log.warn("Scheduled nightly flow skipped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("Scheduled nightly flow could not start: {}", e.getMessage(), e);
        }
    }
}
