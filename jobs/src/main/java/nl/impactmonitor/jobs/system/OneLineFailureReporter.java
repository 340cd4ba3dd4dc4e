package nl.impactmonitor.jobs.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints a start-up failure as one line on standard error ({@code Impactmonitor did not start: <problem>. Fix:
 * <fix>.}) instead of Spring Boot's framed block and stack trace; the stack trace is logged at DEBUG
 * ({@code --logging.level.nl.impactmonitor.jobs.system=DEBUG}).
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger(OneLineFailureReporter.class);

    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println("Impactmonitor did not start: " + StartupFailures.oneLine(analysis.getDescription())
                + (analysis.getAction() == null ? "" : ". Fix: " + StartupFailures.oneLine(analysis.getAction()) + "."));
        log.debug("Start-up failure", analysis.getCause());
    }
}
