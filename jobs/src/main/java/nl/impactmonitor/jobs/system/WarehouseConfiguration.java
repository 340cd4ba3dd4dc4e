package nl.impactmonitor.jobs.system;

import nl.impactmonitor.warehouse.Warehouse;
import nl.impactmonitor.warehouse.WarehouseSettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process's single DuckDB warehouse connection, opened (and migrated) at start-up. In profile cluster it is
 * opened only while this node holds the writer lock (cluster/ClusterConfiguration).
 */
@Configuration(proxyBeanMethods = false)
public class WarehouseConfiguration {

    @Bean(destroyMethod = "close")
    Warehouse warehouse(ImpactmonitorProperties props, @Value("${impactmonitor.cluster.enabled:false}") boolean clustered) {
        WarehouseSettings settings = new WarehouseSettings(
                props.resolve(props.warehouse().file()),
                props.resolve(props.sqlDir()),
                props.warehouse().memoryLimit(),
                props.warehouse().threads());
        // The cluster package reads the same setting (ClusterProperties.enabled); system does not depend on it.
        return clustered ? Warehouse.unopened(settings) : Warehouse.open(settings);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "impactmonitor.cluster.enabled", havingValue = false, matchIfMissing = true)
    WarehouseWriter warehouseWriter() {
        return new WarehouseWriter.SingleProcess();
    }
}
