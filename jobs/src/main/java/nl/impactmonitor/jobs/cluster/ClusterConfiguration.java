package nl.impactmonitor.jobs.cluster;

import javax.sql.DataSource;

import nl.impactmonitor.jobs.system.WarehouseWriter;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Profile {@code cluster} (impactmonitor.cluster.enabled): job repository and Quartz tables in PostgreSQL, made once
 * for all nodes, and the warehouse writer lock. Quartz's own clustering is switched on in config/application-cluster.yml.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("impactmonitor.cluster.enabled")
public class ClusterConfiguration {

    @Bean
    ClusterSchemaInitializer clusterSchemaInitializer(DataSource dataSource, ClusterProperties cluster) {
        return new ClusterSchemaInitializer(dataSource, cluster.schemaLockId());
    }

    @Bean
    WarehouseWriter warehouseWriter(ClusterProperties cluster, DataSourceProperties dataSource, Warehouse warehouse) {
        return new AdvisoryLockWriter(cluster, dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword(), warehouse);
    }
}
