package nl.impactmonitor.jobs.admin;

import java.util.List;

/** A page of executions, newest first. */
public record ExecutionsPage(int page, int size, long total, List<ExecutionView> executions) {
}
