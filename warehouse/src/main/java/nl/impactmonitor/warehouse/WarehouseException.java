package nl.impactmonitor.warehouse;

/** A warehouse operation failed; the message names the SQL file or source file involved. */
public class WarehouseException extends RuntimeException {

    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
