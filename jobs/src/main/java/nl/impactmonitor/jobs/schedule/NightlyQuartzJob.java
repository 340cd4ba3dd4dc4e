package nl.impactmonitor.jobs.schedule;

import nl.impactmonitor.jobs.operations.RunConflictException;
import nl.impactmonitor.jobs.operations.RunService;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind the nightly trigger: runs the nightly flow and waits for it, so Quartz (with
 * {@code @DisallowConcurrentExecution}) never starts a second one while the first runs.
 */
@DisallowConcurrentExecution
public class NightlyQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(NightlyQuartzJob.class);

    private final RunService runService;

    public NightlyQuartzJob(RunService runService) {
        this.runService = runService;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String trigger = "schedule " + context.getTrigger().getKey().getName()
                + (context.isRecovering() ? " (recovering)" : "") + ", planned " + context.getScheduledFireTime().toInstant();
        try {
            JobExecution execution = runService.awaitCompletion(runService.startNightly(trigger));
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
