package nl.impactmonitor.jobs.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.impactmonitor.jobs.system.WarehouseWriter;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's writer lock: a PostgreSQL session advisory lock held on a connection of its own for as long as this
 * node writes, with the warehouse file open only meanwhile. PostgreSQL drops the lock with the session, so a node
 * killed mid-run frees it without anyone cleaning up; the next writer finds the file as the last commit left it.
 * The session's {@code application_name} carries the node name, so a refused writer can say who writes.
 */
public class AdvisoryLockWriter implements WarehouseWriter {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLockWriter.class);
    static final String APPLICATION_NAME_PREFIX = "impactmonitor writer ";

    private final ClusterProperties cluster;
    private final String url;
    private final Properties connectionProperties;
    private final Warehouse warehouse;

    /** Guarded by {@code this}: the lock's session while held, and how many leases of this process share it. */
    private Connection session;
    private int leases;
    private String heldFor;

    public AdvisoryLockWriter(ClusterProperties cluster, String url, String username, String password, Warehouse warehouse) {
        this.cluster = cluster;
        this.url = url;
        this.warehouse = warehouse;
        this.connectionProperties = new Properties();
        if (username != null && !username.isBlank()) {
            connectionProperties.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            connectionProperties.setProperty("password", password);
        }
        // application_name is at most 63 bytes in PostgreSQL.
        String name = APPLICATION_NAME_PREFIX + cluster.nodeName();
        connectionProperties.setProperty("ApplicationName", name.length() > 63 ? name.substring(0, 63) : name);
        // A node that vanishes without closing its socket (power, network) is noticed by TCP keepalive (ops/cluster.md).
        connectionProperties.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public synchronized Lease acquire(String purpose) {
        if (leases == 0) {
            lock(purpose);
        }
        leases++;
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                release();
            }
        };
    }

    private void lock(String purpose) {
        Connection c;
        try {
            c = DriverManager.getConnection(url, connectionProperties);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL for the warehouse writer lock: " + e.getMessage(), e);
        }
        try {
            boolean locked;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, cluster.writerLockId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    locked = rs.getBoolean(1);
                }
            }
            if (!locked) {
                String who = holder(c).orElse("another node (it has just released the lock; try again)");
                throw new WarehouseBusyException(purpose + " refused on node " + cluster.nodeName() + ": the warehouse "
                        + warehouse.settings().databaseFile() + " has one writer and it is " + who);
            }
            warehouse.attach();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Warehouse writer lock failed: " + e.getMessage(), e);
        }
        session = c;
        heldFor = purpose;
        log.info("Node {} holds the warehouse writer lock for {}", cluster.nodeName(), purpose);
    }

    private synchronized void release() {
        if (--leases > 0) {
            return;
        }
        try {
            warehouse.detach();
        } finally {
            try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, cluster.writerLockId());
                ps.execute();
            } catch (SQLException e) {
                // Closing the session below releases the lock as well.
                log.warn("Unlocking the warehouse writer lock failed ({}); closing its session releases it", e.getMessage());
            }
            closeQuietly(session);
            session = null;
            log.info("Node {} released the warehouse writer lock after {}", cluster.nodeName(), heldFor);
        }
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public Optional<String> holder() {
        try (Connection c = DriverManager.getConnection(url, connectionProperties)) {
            return holder(c);
        } catch (SQLException e) {
            return Optional.of("unknown (PostgreSQL not reachable: " + e.getMessage() + ")");
        }
    }

    /** The session holding the lock, from pg_locks and pg_stat_activity (a bigint key below 2^31 is classid 0, objid key). */
    private Optional<String> holder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.application_name, a.pid, a.client_addr, a.backend_start
                FROM pg_locks AS l INNER JOIN pg_stat_activity AS a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = ? AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())""")) {
            ps.setLong(1, cluster.writerLockId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String app = rs.getString(1);
                String node = app != null && app.startsWith(APPLICATION_NAME_PREFIX) ? "node " + app.substring(APPLICATION_NAME_PREFIX.length())
                        : "session '" + app + "'";
                return Optional.of(node + " (PostgreSQL backend pid " + rs.getInt(2)
                        + (rs.getString(3) == null ? "" : " from " + rs.getString(3))
                        + ", connected since " + rs.getObject(4, java.time.OffsetDateTime.class).toInstant() + ")");
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the session ends either way
        }
    }
}
