package nl.impactmonitor.jobs.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the Spring Batch and Quartz tables in PostgreSQL with the official scripts from their jars, once. Boot's
 * own initialisers cannot be used here: Quartz's PostgreSQL script starts by dropping its tables, so running it on
 * every start would wipe the triggers and the cluster's state under a running node. This one runs a script only when
 * its tables are missing, in one transaction, while holding an advisory lock, so nodes starting together take turns
 * and the second finds the tables made. Being a script initialiser, Boot creates the job repository and the
 * scheduler after it.
 */
public class ClusterSchemaInitializer extends DataSourceScriptDatabaseInitializer {

    private static final Logger log = LoggerFactory.getLogger(ClusterSchemaInitializer.class);
    static final String BATCH_SCRIPT = "org/springframework/batch/core/schema-postgresql.sql";
    static final String QUARTZ_SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    private final long lockId;

    public ClusterSchemaInitializer(DataSource dataSource, long lockId) {
        super(dataSource, new DatabaseInitializationSettings());
        this.lockId = lockId;
    }

    @Override
    public boolean initializeDatabase() {
        try (Connection c = getDataSource().getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                throw new IllegalStateException("Profile cluster needs PostgreSQL for the job repository and Quartz, not "
                        + c.getMetaData().getDatabaseProductName() + " (set SPRING_DATASOURCE_URL=jdbc:postgresql://...)");
            }
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, lockId);
                lock.execute();
            }
            try {
                boolean created = createIfMissing(c, "batch_job_instance", BATCH_SCRIPT);
                return createIfMissing(c, "qrtz_locks", QUARTZ_SCRIPT) || created;
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, lockId);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the job repository and Quartz tables: " + e.getMessage(), e);
        }
    }

    private static boolean createIfMissing(Connection c, String table, String script) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(script));
        populator.setCommentPrefixes("--", "#");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            populator.populate(c);
            c.commit();
        } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        log.info("Created the {} tables with {}", table.startsWith("qrtz") ? "Quartz" : "Spring Batch", script);
        return true;
    }
}
