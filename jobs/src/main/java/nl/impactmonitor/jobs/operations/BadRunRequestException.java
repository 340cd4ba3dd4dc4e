package nl.impactmonitor.jobs.operations;

/** A run request names something that does not exist or is not allowed (HTTP 400, CLI exit code 2). */
public class BadRunRequestException extends RuntimeException {

    public BadRunRequestException(String message) {
        super(message);
    }
}
