package nl.impactmonitor.jobs.progress;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Departments are judged only against adopted parts of config/allocations.yaml, which stay fixed for their period when
 * spend moves; a proposal (or the yearly computed split) is shown as indicative, with no on/off-track verdict.
 * Social return: 1,500 jobs in 2023, split by spend; AZ reports 900 jobs and BZ 450 over 2015-2023.
 */
class AllocationRegisterProgressTest {

    @TempDir
    Path dir;
    Warehouse warehouse;

    @AfterEach
    void close() {
        warehouse.close();
    }

    private void load(String register) throws Exception {
        warehouse = TestProject.warehouse(dir, register);
        Path spend = dir.resolve("spend.csv");
        // 2022: AZ and BZ both staffel 5 (mid 375,001): the computed split is 750/750.
        // 2023: AZ staffel 8 (mid 7,500,001), BZ staffel 5: the computed split moves to 1,429/71.
        Files.writeString(spend, """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                AZ;2022;Energie;Totaal;5
                BZ;2022;Energie;Totaal;5
                AZ;2023;Energie;Totaal;8
                BZ;2023;Energie;Totaal;5
                """);
        new SourceFileLoader(warehouse, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work")).load(spend, null, "s-1");
        StringBuilder lines = new StringBuilder(
                "Contractnummer;Leverancier;KvK-nummer;Ministerie;Jaar;Periode van;Periode tot;Indicator;Waarde;Eenheid;Toelichting;Rapportagedatum\n");
        for (int year = 2015; year <= 2022; year++) {
            lines.append("SR-1;Schoonmaak BV;;AZ;").append(year).append(";;;participation_jobs;0;banen;;15-01-").append(year + 1).append('\n');
            lines.append("SR-2;Catering BV;;BZ;").append(year).append(";;;participation_jobs;0;banen;;15-01-").append(year + 1).append('\n');
        }
        lines.append("SR-1;Schoonmaak BV;;AZ;2023;;;participation_jobs;900;banen;;15-01-2024\n");
        lines.append("SR-2;Catering BV;;BZ;2023;;;participation_jobs;450;banen;;15-01-2024\n");
        Path results = Files.writeString(dir.resolve("results.csv"), lines.toString());
        new SourceFileLoader(warehouse, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()), dir.resolve("work"))
                .load(results, null, "r-1");
        warehouse.models().buildAll();
    }

    private static String register(String status, String adoption) {
        return """
                allocations:
                  - goal: social_return_jobs
                    period: {from: 2022, to: 2023}
                    status: %s
                %s    basis: afgesproken in de werkgroep van de ministeries
                    kind: absolute
                    parts:
                      AZ: 1000
                      BZ: 500
                """.formatted(status, adoption);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    @Test
    void adoptedPartsStayFixedWhenSpendMovesAndDepartmentsAreJudgedAgainstThem() throws Exception {
        load(register("adopted", "    adopted_on: 2025-06-12\n    adopted_by: ICBR\n"));
        // the computed split moves with spend ...
        assertThat(warehouse.query("SELECT year, department_code, allocated_target_value FROM core.int_goal_allocation_formula"
                + " WHERE goal_id = 'social_return_jobs' ORDER BY 1, 2", rs -> rs.getInt(1) + " " + rs.getString(2) + " " + plain(rs.getBigDecimal(3))))
                .containsExactly("2022 AZ 750", "2022 BZ 750", "2023 AZ 1429", "2023 BZ 71");
        // ... the adopted parts do not
        assertThat(warehouse.query("SELECT year, department_code, allocated_target_value, allocation_status, adopted_on, adopted_by"
                + " FROM core.int_goal_allocation WHERE goal_id = 'social_return_jobs' ORDER BY 1, 2",
                rs -> rs.getInt(1) + " " + rs.getString(2) + " " + plain(rs.getBigDecimal(3)) + " " + rs.getString(4) + " " + rs.getString(5)
                        + " " + rs.getString(6)))
                .containsExactly("2022 AZ 1000 adopted 2025-06-12 ICBR", "2022 BZ 500 adopted 2025-06-12 ICBR",
                        "2023 AZ 1000 adopted 2025-06-12 ICBR", "2023 BZ 500 adopted 2025-06-12 ICBR");
        // 900 of 1,000 and 450 of 500: both missed, and ranked
        assertThat(warehouse.query("SELECT department_code, status, allocation_status FROM marts.effect_goal_department_year"
                + " WHERE goal_id = 'social_return_jobs' AND year = 2023 AND department_code <> 'RIJK' ORDER BY 1",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)))
                .containsExactly("AZ period_ended_missed adopted", "BZ period_ended_missed adopted");
        assertThat(warehouse.queryLong("SELECT count(*) FROM marts.leaders_laggards WHERE goal_id = 'social_return_jobs' AND year = 2023")).isEqualTo(2);
    }

    @Test
    void aProposalIsIndicativeAndNeverGivesAVerdict() throws Exception {
        load(register("proposal", ""));
        assertThat(warehouse.query("SELECT department_code, status, target_value, status_reason_nl FROM marts.effect_goal_department_year"
                + " WHERE goal_id = 'social_return_jobs' AND year = 2023 AND department_code <> 'RIJK' ORDER BY 1",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + plain(rs.getBigDecimal(3)) + " | " + rs.getString(4)))
                .containsExactly(
                        "AZ allocation_not_adopted 1000 | 900 jobs; indicatief deel 1.000 jobs in 2023 (voorstel, niet vastgesteld): geen oordeel op of achter koers tot de verdeling is vastgesteld",
                        "BZ allocation_not_adopted 500 | 450 jobs; indicatief deel 500 jobs in 2023 (voorstel, niet vastgesteld): geen oordeel op of achter koers tot de verdeling is vastgesteld");
        assertThat(warehouse.queryLong("SELECT count(*) FROM marts.leaders_laggards WHERE goal_id = 'social_return_jobs'")).isZero();
        // no department row of any split goal carries a verdict unless its part is adopted
        assertThat(warehouse.queryLong("""
                SELECT count(*) FROM marts.effect_goal_department_year
                WHERE allocation_status IN ('proposal', 'computed')
                  AND status IN ('on_track', 'off_track', 'achieved', 'period_ended_met', 'period_ended_missed', 'below_target')""")).isZero();
    }

    @Test
    void withoutARegisterEntryTheYearlySplitIsComputedAndIndicative() throws Exception {
        load("allocations:\n");
        assertThat(warehouse.query("SELECT department_code, status, allocation_status FROM marts.effect_goal_department_year"
                + " WHERE goal_id = 'social_return_jobs' AND year = 2023 AND department_code <> 'RIJK' ORDER BY 1",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)))
                .containsExactly("AZ allocation_not_adopted computed", "BZ allocation_not_adopted computed");
    }
}
