package nl.impactmonitor.tools.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.tools.ToolsProject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed samples are exactly what the seeded generators write, so they can always be remade. */
class SampleGeneratorTest {

    static final SampleReference REFERENCE = SampleReference.read(ToolsProject.REFERENCE);

    @Test
    void committedTenderAndResultSamplesAreReproducedByTheSeed(@TempDir Path dir) throws IOException {
        List<Path> tenders = TenderSampleGenerator.generate(dir.resolve("tender"), 20261127L, REFERENCE);
        List<Path> results = ResultSampleGenerator.generate(dir.resolve("result"), 20261127L);
        assertThat(tenders).hasSize(23);
        assertThat(results).hasSize(33);
        for (Path file : concat(tenders, results)) {
            Path committed = ToolsProject.SAMPLES.resolve(file.getParent().getFileName()).resolve(file.getFileName());
            assertThat(committed).exists();
            if (!file.toString().endsWith(".xlsx")) {
                assertThat(Files.mismatch(file, committed)).as("%s differs from the committed sample", file.getFileName()).isEqualTo(-1L);
            }
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void committedCsvSamplesAreReproducedByTheSeed(@TempDir Path dir) throws IOException {
        List<Path> files = SampleGenerator.generate(dir, 20261127L, REFERENCE);
        assertThat(files).hasSize(36); // 12 ministries x 2022, 2023 and 2019 (Figure 1's year, issue 19)
        for (Path file : files) {
            Path committed = ToolsProject.SAMPLES.resolve("spend").resolve(file.getFileName());
            assertThat(committed).exists();
            if (file.toString().endsWith(".csv")) {
                assertThat(Files.mismatch(file, committed)).as("%s differs from the committed sample", file.getFileName()).isEqualTo(-1L);
            }
        }
    }
}
