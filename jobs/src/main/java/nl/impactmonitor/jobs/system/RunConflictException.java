package nl.impactmonitor.jobs.system;

/** Another run that must not overlap is active (HTTP 409, CLI exit code 3). */
public class RunConflictException extends RuntimeException {

    public RunConflictException(String message) {
        super(message);
    }
}
