package nl.impactmonitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import nl.impactmonitor.tools.ToolsProject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the benchmark harness from rotting: a tiny run that must finish and report every measurement (no timing asserted). */
class BenchSmokeIT {

    @Test
    void harnessRunsEndToEndOnATinyDataSet(@TempDir Path work) throws Exception {
        String report = Bench.run(ScaleGenerator.Scale.SMOKE, work, ToolsProject.DIR, 20_000, 500);
        assertThat(report).contains("ingest/native = ", "ingest/naive = ", "### Nightly flow end to end", "Status COMPLETED",
                "| publish |", "Peak heap", "### Rerun of one department-year",
                "### Whole process", "Figure 1 (CLI start", "Figure 2 (", "Figure 4: ", "Figure 6: ");
        assertThat(report).doesNotContain("FAILED");
    }
}
