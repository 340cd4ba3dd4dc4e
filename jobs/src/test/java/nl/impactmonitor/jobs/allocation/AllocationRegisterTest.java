package nl.impactmonitor.jobs.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.progress.TargetsCatalogue;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.warehouse.Warehouse;
import nl.impactmonitor.warehouse.WarehouseSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/allocations.yaml is checked as a whole at start-up; every mistake is reported with its line. */
class AllocationRegisterTest {

    @TempDir
    Path dir;

    static final List<TargetsCatalogue.Goal> GOALS = goals();

    /** The project's catalogue, read as the application reads it. */
    private static List<TargetsCatalogue.Goal> goals() {
        try {
            Set<String> metrics = new java.util.HashSet<>();
            for (String line : Files.readAllLines(TestProject.REFERENCE.resolve("result_metrics.csv")).subList(1,
                    Files.readAllLines(TestProject.REFERENCE.resolve("result_metrics.csv")).size())) {
                metrics.add(line.split(",", 2)[0].strip());
            }
            return TargetsCatalogue.read(TestProject.DIR.resolve("config/targets.yaml"), metrics);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    static final Set<String> DEPARTMENTS = Set.of("AZ", "BZ", "BZK", "DEF", "EZK", "FIN", "IenW", "JenV", "LNV", "OCW", "SZW", "VWS");

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("allocations.yaml"), yaml);
    }

    @Test
    void aValidRegisterIsRead() throws Exception {
        Path file = write("""
                allocations:
                  - goal: social_return_jobs
                    period: {from: 2022, to: 2023}
                    status: adopted
                    adopted_on: 2025-06-12
                    adopted_by: ICBR
                    basis: afgesproken in de werkgroep
                    kind: absolute
                    parts:
                      AZ: 1000
                      BZ: 500
                  - goal: climate_neutral_procurement
                    period: {from: 2025, to: 2030}
                    status: proposal
                    basis: voetafdruk 2023
                    kind: share
                    parts:
                      IenW: 62.5
                      BZK: 37.5
                """);
        List<AllocationRegister.Allocation> read = AllocationRegister.read(file, GOALS, DEPARTMENTS);
        assertThat(read).extracting(a -> a.goalId() + " " + a.status() + " " + a.adoptedOn() + " " + a.parts().size())
                .containsExactly("social_return_jobs adopted 2025-06-12 2", "climate_neutral_procurement proposal null 2");
        assertThat(read.get(0).parts().get(1).line()).isEqualTo(11);
    }

    @Test
    void everyMistakeIsNamedWithItsLine() throws Exception {
        Path file = write("""
                allocations:
                  - goal: world_peace
                    period: {from: 2025, to: 2030}
                    status: proposal
                    basis: x
                    kind: share
                    parts: {AZ: 100}
                  - goal: social_return_jobs
                    period: {from: 2022, to: 2023}
                    status: adopted
                    adopted_by: ICBR
                    basis: afgesproken
                    kind: absolute
                    parts:
                      AZ: 1000
                      XYZ: 499
                  - goal: climate_neutral_procurement
                    period: {from: 2025, to: 2030}
                    status: proposal
                    basis: voetafdruk
                    kind: share
                    parts:
                      AZ: 60
                      BZ: 39.9
                """);
        assertThatThrownBy(() -> AllocationRegister.read(file, GOALS, DEPARTMENTS))
                .isInstanceOf(AllocationRegister.InvalidRegisterException.class)
                .hasMessageContaining(file + " line 2: unknown goal 'world_peace': not in targets.yaml")
                .hasMessageContaining(file + " line 8: allocation of 'social_return_jobs': status adopted without 'adopted_on'")
                .hasMessageContaining(file + " line 16: allocation of 'social_return_jobs': unknown department 'XYZ'")
                .hasMessageContaining(file + " line 23: allocation of 'climate_neutral_procurement': shares add up to 99.9%, not exactly 100%");
    }

    @Test
    void absolutePartsMustAddUpToTheTargetAndPeriodsMustNotOverlap() throws Exception {
        Path file = write("""
                allocations:
                  - goal: social_return_jobs
                    period: {from: 2022, to: 2023}
                    status: proposal
                    basis: a
                    kind: absolute
                    parts: {AZ: 1000, BZ: 500}
                  - goal: social_return_jobs
                    period: {from: 2023, to: 2024}
                    status: proposal
                    basis: b
                    kind: share
                    parts: {AZ: 100}
                  - goal: social_return_jobs
                    period: {from: 2025, to: 2026}
                    status: proposal
                    basis: c
                    kind: absolute
                    parts: {AZ: 1000, BZ: 499}
                """);
        assertThatThrownBy(() -> AllocationRegister.read(file, GOALS, DEPARTMENTS))
                .hasMessageContaining("line 8: allocation of goal 'social_return_jobs' for 2023-2024 overlaps the one on line 2 (2022-2023)")
                .hasMessageContaining("line 19: allocation of 'social_return_jobs': parts add up to 1499, not exactly the goal's target 1500 jobs");
    }

    @Test
    void aBrokenRegisterStopsStartUp() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.copy(TestProject.DIR.resolve("config/targets.yaml"), config.resolve("targets.yaml"));
        Files.writeString(config.resolve("allocations.yaml"), """
                allocations:
                  - goal: social_return_jobs
                    period: {from: 2022, to: 2023}
                    status: adopted
                    basis: x
                    kind: absolute
                    parts: {AZ: 1500}
                """);
        try (Warehouse w = Warehouse.open(WarehouseSettings.of(dir.resolve("w.duckdb"), TestProject.SQL))) {
            assertThatThrownBy(() -> TestProject.referenceData(w, dir, config.resolve("targets.yaml")))
                    .isInstanceOf(AllocationRegister.InvalidRegisterException.class)
                    .hasMessageContaining("allocations.yaml line 2: allocation of 'social_return_jobs': status adopted without 'adopted_on'");
        }
    }

    @Test
    void theBundledRegisterIsValid() {
        try (Warehouse w = Warehouse.open(WarehouseSettings.of(dir.resolve("w.duckdb"), TestProject.SQL))) {
            ReferenceData ref = TestProject.referenceData(w, dir);
            assertThat(ref.allocations(ref.goals())).isNotNull();
        }
    }
}
