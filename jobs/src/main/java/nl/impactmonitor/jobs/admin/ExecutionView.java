package nl.impactmonitor.jobs.admin;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One job execution as stewards see it. Counts of a file step: read = rows read, write = rows loaded, skip = rows
 * rejected; the totals add up the file steps only (a partitioned manager step repeats its workers' counts).
 */
public record ExecutionView(
        long id,
        String jobName,
        long jobInstanceId,
        String status,
        String exitCode,
        String exitDescription,
        LocalDateTime createTime,
        LocalDateTime startTime,
        LocalDateTime endTime,
        Map<String, Object> identifyingParameters,
        Map<String, Object> otherParameters,
        boolean running,
        boolean restartable,
        Totals totals,
        List<StepView> steps) {

    public record Totals(long read, long loaded, long rejected, long filtered) {
    }

    public record StepView(
            long id,
            String name,
            String status,
            String exitCode,
            String exitDescription,
            LocalDateTime startTime,
            LocalDateTime endTime,
            long readCount,
            long writeCount,
            long skipCount,
            long filterCount,
            String loadId) {
    }
}
