package nl.impactmonitor.jobs.report;

import nl.impactmonitor.jobs.extract.Publisher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTML report as part of every publication: the marts read into {@link ReportData}, rendered to pages. */
@Configuration(proxyBeanMethods = false)
public class ReportWriterConfiguration {

    @Bean
    Publisher.ReportWriter reportWriter() {
        ReportRenderer renderer = new ReportRenderer();
        return (warehouse, dataVersion, dir) -> renderer.render(ReportAssembler.assemble(warehouse, dataVersion), dir);
    }
}
