package nl.impactmonitor.jobs.pipeline;

/** A data test of severity error found offending rows: the run stops before publication. */
public class DataTestsFailedException extends RuntimeException {

    public DataTestsFailedException(String message) {
        super(message);
    }
}
