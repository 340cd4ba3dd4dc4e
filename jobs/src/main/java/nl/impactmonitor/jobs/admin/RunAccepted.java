package nl.impactmonitor.jobs.admin;

/** Answer to a request that started (or asked to stop) a run; the run goes on in the background. */
public record RunAccepted(long executionId, String jobName, String status, String location) {
}
