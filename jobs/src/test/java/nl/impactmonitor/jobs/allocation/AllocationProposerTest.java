package nl.impactmonitor.jobs.allocation;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.progress.TargetsCatalogue;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** propose-allocation: the footprint method's split of one year, appended to the register as a proposal. */
class AllocationProposerTest {

    @TempDir
    Path dir;

    @Test
    void aProposalIsAppendedThatAddsUpExactlyAndTheRegisterStaysValid() throws Exception {
        try (Warehouse w = TestProject.warehouse(dir, "# register\nallocations:\n")) {
            Path spend = Files.writeString(dir.resolve("spend.csv"), """
                    Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                    AZ;2023;Energie;Totaal;5
                    AZ;2023;Grond- weg- en waterbouw;Totaal;3
                    AZ;2023;Communicatie;Totaal;2
                    BZ;2023;Energie;Totaal;4
                    DEF;2023;Defensiematerieel;Totaal;12
                    """);
            new SourceFileLoader(w, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work")).load(spend, null, "s-1");
            w.models().buildAll();
            ReferenceData ref = TestProject.referenceData(w, dir, dir.resolve("config/targets.yaml"));
            List<TargetsCatalogue.Goal> goals = ref.goals();
            TargetsCatalogue.Goal jobs = goals.stream().filter(g -> g.id().equals("social_return_jobs")).findFirst().orElseThrow();

            // Spend within the strategy: AZ 480,003, BZ 175,001 (Defence's specific procurement is left out): AZ 1,099, BZ 401.
            AllocationProposer.Proposal p = AllocationProposer.propose(w, jobs, 2023, LocalDate.of(2026, 12, 2));
            assertThat(p.parts()).containsExactly(java.util.Map.entry("AZ", new BigDecimal("1099")), java.util.Map.entry("BZ", new BigDecimal("401")));
            AllocationProposer.append(ref.allocationsFile(), p, goals, ref.departmentCodes());
            List<AllocationRegister.Allocation> read = ref.allocations(goals);
            assertThat(read).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo("proposal");
                assertThat(a.from() + "-" + a.to()).isEqualTo("2023-2023");
                assertThat(a.parts()).extracting(x -> x.departmentCode() + " " + x.value()).containsExactly("AZ 1099", "BZ 401");
            });
            assertThat(Files.readString(ref.allocationsFile())).startsWith("# register\nallocations:\n  - goal: social_return_jobs\n");

            // a second proposal for the same years would overlap: refused, file unchanged
            String before = Files.readString(ref.allocationsFile());
            assertThatThrownBy(() -> AllocationProposer.append(ref.allocationsFile(), p, goals, ref.departmentCodes()))
                    .hasMessageContaining("left unchanged").hasMessageContaining("overlaps");
            assertThat(Files.readString(ref.allocationsFile())).isEqualTo(before);

            // a goal with a relative target and no baseline gets shares that add up to exactly 100%
            TargetsCatalogue.Goal climate = goals.stream().filter(g -> g.id().equals("climate_neutral_procurement")).findFirst().orElseThrow();
            AllocationProposer.Proposal shares = AllocationProposer.propose(w, climate, 2023, LocalDate.of(2026, 12, 2));
            assertThat(shares.kind()).isEqualTo("share");
            assertThat(shares.parts().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
            assertThat(shares.parts()).doesNotContainKey("DEF");
        }
    }
}
