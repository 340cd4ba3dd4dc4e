package nl.impactmonitor.jobs.system;

import java.util.Optional;


/**
 * Who may write the warehouse. Every run that writes holds a {@link Lease} from start to end. On one machine the
 * process holds the warehouse for its life and a lease costs nothing; in profile {@code cluster} a lease is the
 * cluster-wide writer lock, and the warehouse file is open on a node only while it holds one.
 */
public interface WarehouseWriter {

    /**
     * Takes the right to write for {@code purpose} (named in the message another node gets), re-entrant within this
     * process; fails at once with {@link WarehouseBusyException} when another process writes.
     */
    Lease acquire(String purpose);

    /** True in profile {@code cluster}: the lock is shared with other nodes. */
    boolean clustered();

    /** Who holds the writer lock now, e.g. {@code node-b (pid 4242 at 10.0.0.12, since 02:30:01Z)}; empty when nobody. */
    Optional<String> holder();

    /** A held right to write; closing it more than once is harmless. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** Another process writes the warehouse now: a second writer is refused rather than queued. */
    class WarehouseBusyException extends RunConflictException {
        public WarehouseBusyException(String message) {
            super(message);
        }
    }

    /** One process owns the warehouse for its whole life (the default): nothing to lock. */
    final class SingleProcess implements WarehouseWriter {
        private static final Lease NOTHING = () -> { };

        @Override
        public Lease acquire(String purpose) {
            return NOTHING;
        }

        @Override
        public boolean clustered() {
            return false;
        }

        @Override
        public Optional<String> holder() {
            return Optional.empty();
        }
    }
}
