package nl.impactmonitor.jobs.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code impactmonitor.cluster.*} (config/application-cluster.yml).
 *
 * @param enabled true in profile {@code cluster}: the warehouse is opened only while this node holds the writer lock
 * @param nodeName how this node is named to the others (in the writer lock's session); the host name by default
 * @param writerLockId the PostgreSQL advisory lock key of the warehouse writer lock (below 2^31, so pg_locks shows it as objid)
 * @param schemaLockId the advisory lock key that serialises the schema check of nodes starting at the same time
 * @param recoveryLockWait how long the recovery of a dead node's nightly flow waits for the writer lock: PostgreSQL
 *        keeps the session of a vanished machine (and so its lock) until TCP keepalive gives up on it
 */
@ConfigurationProperties("impactmonitor.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String nodeName,
        @DefaultValue("20261127") long writerLockId,
        @DefaultValue("20261128") long schemaLockId,
        @DefaultValue("5m") java.time.Duration recoveryLockWait) {

    public ClusterProperties {
        if (nodeName == null || nodeName.isBlank()) {
            nodeName = hostName();
        }
        if (writerLockId <= 0 || writerLockId > Integer.MAX_VALUE || schemaLockId <= 0 || schemaLockId > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("impactmonitor.cluster lock ids must be between 1 and " + Integer.MAX_VALUE);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "pid-" + ProcessHandle.current().pid();
        }
    }
}
