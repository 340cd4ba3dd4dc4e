package nl.impactmonitor.jobs.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nl.impactmonitor.jobs.system.WarehouseWriter;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code warehouse}: a {@code SELECT 1} on a reading connection of its own
 * ({@link Warehouse#reader()}) answers, and the warehouse file's folder is writable. The probe does not queue behind
 * a run's statement on the writer's connection; should DuckDB itself stall it, after two seconds the component
 * reports UP as busy instead of holding up the health endpoint. A cluster node that is not writing has no warehouse
 * open: it reports UP with the node that holds the writer lock, if any.
 */
@ConditionalOnWebApplication
@Component("warehouseHealthIndicator")
public class WarehouseHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final long WAIT_MILLIS = 2000;

    private final Warehouse warehouse;
    private final WarehouseWriter writer;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warehouse-health");
        t.setDaemon(true);
        return t;
    });
    private Future<Long> pending;

    public WarehouseHealthIndicator(Warehouse warehouse, WarehouseWriter writer) {
        super("warehouse health check failed");
        this.warehouse = warehouse;
        this.writer = writer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Path file = warehouse.settings().databaseFile().toAbsolutePath();
        Path folder = file.getParent();
        builder.withDetail("file", file.toString());
        boolean writable = folder != null && Files.isDirectory(folder) && Files.isWritable(folder);
        builder.withDetail("folderWritable", writable);
        if (writer.clustered() && !warehouse.isOpen()) {
            builder.withDetail("query", "not open on this node: "
                    + writer.holder().map(h -> "the writer is " + h).orElse("no node writes now"));
        } else if (!answers(builder)) {
            builder.down();
            return;
        }
        if (writable) {
            builder.up();
        } else {
            builder.down().withDetail("error", "folder " + folder + " is not writable");
        }
    }

    /** False when the probe query gives a wrong answer; a probe still waiting for a run counts as answering. */
    private boolean answers(Health.Builder builder) throws Exception {
        try {
            long one = probe().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            builder.withDetail("query", one == 1 ? "SELECT 1 answered" : "SELECT 1 gave " + one);
            return one == 1;
        } catch (TimeoutException busy) {
            builder.withDetail("query", "busy: SELECT 1 did not answer within " + WAIT_MILLIS + " ms");
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            if (writer.clustered() && !warehouse.isOpen()) {
                // The run that had it open ended while the probe waited.
                builder.withDetail("query", "not open on this node: its run has just ended");
                return true;
            }
            throw e;
        }
    }

    /** At most one probe waits for the connection at a time; callers meanwhile share it. */
    private synchronized Future<Long> probe() {
        if (pending == null || pending.isDone()) {
            pending = probes.submit(() -> {
                try (Warehouse reader = warehouse.reader()) {
                    return reader.queryLong("SELECT 1");
                }
            });
        }
        return pending;
    }

    @Override
    public void destroy() {
        probes.shutdownNow();
    }
}
