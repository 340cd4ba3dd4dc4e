package nl.impactmonitor.jobs.admin;

import java.util.List;

/** A page of the rows an execution's file steps rejected, with the load ids they came from. */
public record RejectsPage(long executionId, List<String> loadIds, int page, int size, long total, List<Reject> rejects) {

    /** One rejected row (or, without a line number, a whole rejected file). */
    public record Reject(String loadId, String source, String file, Long line, String column, String value, String reason) {
    }
}
