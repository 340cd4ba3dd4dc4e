package nl.impactmonitor.jobs.system;

import nl.impactmonitor.warehouse.Warehouse;
import nl.impactmonitor.warehouse.WarehouseSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process's single DuckDB warehouse connection, opened (and migrated) at start-up. */
@Configuration(proxyBeanMethods = false)
public class WarehouseConfiguration {

    @Bean(destroyMethod = "close")
    Warehouse warehouse(ImpactmonitorProperties props) {
        return Warehouse.open(new WarehouseSettings(
                props.resolve(props.warehouse().file()),
                props.resolve(props.sqlDir()),
                props.warehouse().memoryLimit(),
                props.warehouse().threads()));
    }
}
