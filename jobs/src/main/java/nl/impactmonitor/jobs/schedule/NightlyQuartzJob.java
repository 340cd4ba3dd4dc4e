package nl.impactmonitor.jobs.schedule;

import java.time.Instant;

import nl.impactmonitor.jobs.cluster.ClusterProperties;
import nl.impactmonitor.jobs.system.RunConflictException;
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

    private static final long RECOVERY_RETRY_MILLIS = 5000;

    private final RunService runService;
    private final WarehouseWriter writer;
    private final ClusterProperties cluster;

    public NightlyQuartzJob(RunService runService, WarehouseWriter writer, ClusterProperties cluster) {
        this.runService = runService;
        this.writer = writer;
        this.cluster = cluster;
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
                    ? recover(planned, trigger)
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

    /**
     * Quartz may call a node dead before PostgreSQL ends that node's session (a vanished machine: until TCP keepalive
     * gives up), so the writer lock may still look held. Waits for it a while; a node that was only slow meanwhile
     * completes its run, and the recovery then finds it completed.
     */
    private JobExecution recover(Instant planned, String trigger) throws Exception {
        long deadline = System.nanoTime() + cluster.recoveryLockWait().toNanos();
        while (true) {
            try {
                return runService.recoverNightly(planned, trigger);
            } catch (WarehouseWriter.WarehouseBusyException busy) {
                if (System.nanoTime() - deadline > 0) {
                    throw busy;
                }
                log.info("Recovery of the nightly flow planned {} waits for the writer lock: {}", planned, busy.getMessage());
                Thread.sleep(RECOVERY_RETRY_MILLIS);
            }
        }
    }
}
