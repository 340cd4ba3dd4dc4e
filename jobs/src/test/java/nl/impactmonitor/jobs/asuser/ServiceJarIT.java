package nl.impactmonitor.jobs.asuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/** The service jar holds the product only: the sample generators and the benchmark live in tools/ and its own jar. */
class ServiceJarIT {

    @Test
    void serviceJarHasNoSampleOrBenchClasses() throws Exception {
        Path jar = UserCheckout.JAR;
        List<String> classes;
        try (JarFile file = new JarFile(jar.toFile())) {
            classes = Collections.list(file.entries()).stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("BOOT-INF/classes/") && n.endsWith(".class")).toList();
        }
        assertThat(classes).as("classes in %s", jar).isNotEmpty()
                .anyMatch(n -> n.endsWith("nl/impactmonitor/jobs/ImpactmonitorApplication.class"));
        assertThat(classes).as("classes in %s", jar)
                .noneMatch(n -> n.contains("/jobs/samples/") || n.contains("/jobs/bench/") || n.contains("/impactmonitor/tools/"))
                .noneMatch(n -> n.contains("SampleGenerator") || n.contains("Bench"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(Collections.list(file.entries()).stream().map(ZipEntry::getName))
                    .as("libraries in %s", jar).noneMatch(n -> n.startsWith("BOOT-INF/lib/impactmonitor-tools"));
        }
    }
}
