package nl.impactmonitor.jobs.report;

import java.util.List;

import nl.impactmonitor.jobs.extract.Publisher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTML report as part of every publication: the marts read into {@link ReportData}, rendered to pages. */
@Configuration(proxyBeanMethods = false)
public class ReportWriterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReportWriterConfiguration.class);

    @Bean
    Publisher.ReportWriter reportWriter() {
        return writer(new ReportRenderer());
    }

    /**
     * Writes the report into a folder of the publication; a page whose fingerprint equals the previous publication's is
     * linked from it (unit and file {@code <folder>/<page>}, as the publication's other files are reused).
     */
    public static Publisher.ReportWriter writer(ReportRenderer renderer) {
        return (warehouse, dataVersion, dir, reuse) -> {
            long t = System.nanoTime();
            ReportData data = ReportAssembler.assemble(warehouse, dataVersion);
            long assembled = System.nanoTime();
            String folder = dir.getFileName().toString();
            ReportRenderer.Rendering r = renderer.render(data, dir,
                    (file, fingerprint) -> reuse.linkIfUnchanged(folder + "/" + file, fingerprint, List.of(folder + "/" + file),
                            dir.getParent()));
            log.info("Report: {} pages rendered, {} linked unchanged; assembled in {} ms, rendered in {} ms", r.rendered(), r.linked(),
                    (assembled - t) / 1_000_000, (System.nanoTime() - assembled) / 1_000_000);
        };
    }
}
