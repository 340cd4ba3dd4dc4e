package nl.impactmonitor.jobs.progress;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Footprint from spend and the split of government-wide goals over departments, on two departments whose spend per
 * segment is known. No 2019 spend is loaded, so the intensities are the group averages of
 * config/reference/impact_factors.csv (each figure says so): category-management segments (energy, communication)
 * 0.282692 kg CO2-eq/EUR, specific segments (civil works) 0.144561, per EUR of 2019: 2023 spend counts for
 * 106.1/126.1 (CPI, price_indices.csv) of that. The range is the staffel range with the factor range (+-30%) on top.
 * The social-return split of 2023 is recorded as adopted in the allocation register (AZ 1,099, BZ 401, what the
 * footprint method gives), so departments are judged against it.
 */
class FootprintAllocationTest {

    @TempDir
    Path dir;
    Warehouse warehouse;

    @BeforeEach
    void load() throws Exception {
        warehouse = TestProject.warehouse(dir, """
                allocations:
                  - goal: social_return_jobs
                    period: {from: 2023, to: 2023}
                    status: adopted
                    adopted_on: 2024-03-01
                    adopted_by: ICBR
                    basis: uitgaven 2023, grootste-restmethode
                    kind: absolute
                    parts: {AZ: 1099, BZ: 401}
                """);
        Path spend = dir.resolve("spend.csv");
        // AZ: Energie staffel 5 (mid 375,001), GWW staffel 3 (mid 75,001), Communicatie staffel 2 (mid 30,001).
        // BZ: Energie staffel 4 (mid 175,001).
        Files.writeString(spend, """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                AZ;2023;Energie;Totaal;5
                AZ;2023;Grond- weg- en waterbouw;Totaal;3
                AZ;2023;Communicatie;Totaal;2
                BZ;2023;Energie;Totaal;4
                """);
        new SourceFileLoader(warehouse, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work")).load(spend, null, "s-1");
        Path results = dir.resolve("results.csv");
        // Social return counts 2015-2023: both contracts report every year of the period, no jobs before 2023.
        StringBuilder lines = new StringBuilder(
                "Contractnummer;Leverancier;KvK-nummer;Ministerie;Jaar;Periode van;Periode tot;Indicator;Waarde;Eenheid;Toelichting;Rapportagedatum\n");
        for (int year = 2015; year <= 2022; year++) {
            lines.append("SR-1;Schoonmaak BV;;AZ;").append(year).append(";;;participation_jobs;0;banen;;15-01-").append(year + 1).append('\n');
            lines.append("SR-2;Catering BV;;BZ;").append(year).append(";;;participation_jobs;0;banen;;15-01-").append(year + 1).append('\n');
        }
        lines.append("SR-1;Schoonmaak BV;;AZ;2023;;;participation_jobs;900;banen;;15-01-2024\n");
        lines.append("SR-2;Catering BV;;BZ;2023;;;participation_jobs;450;banen;;15-01-2024\n");
        Files.writeString(results, lines.toString());
        new SourceFileLoader(warehouse, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()), dir.resolve("work"))
                .load(results, null, "r-1");
        warehouse.models().buildAll();
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private String footprint(String department, String segment) {
        return warehouse.query("""
                SELECT co2_min_kg, co2_mid_kg, co2_max_kg, high_impact_co2_share_pct, factor_source
                FROM marts.footprint_department_year WHERE department_code = ? AND year = 2023 AND impact_segment = ?""",
                rs -> plain(rs.getBigDecimal(1)) + " " + plain(rs.getBigDecimal(2)) + " " + plain(rs.getBigDecimal(3)) + " "
                        + plain(rs.getBigDecimal(4)) + " | " + rs.getString(5), department, segment).get(0);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    @Test
    void footprintIsSpendTimesTheSegmentIntensityWithRangeAndSource() {
        // r = 106.1 / 126.1 = 0.841396 (2023 euros in 2019 euros).
        // AZ energy: 375,001 x r x 0.282692 = 89,196.177 kg; min 250,001 x r x 0.282692 x 0.7 = 41,624.938; max 500,000 x r x 0.282692 x 1.3 = 154,606.295
        assertThat(footprint("AZ", "energy")).startsWith("41624.938 89196.177 154606.295 null | KPMG 2019 via evaluation Figure 1 (group_average: reference"
                + " year 2019 has no spend for this segment (not loaded): group average of category_management, not calibrated; EUR 2019, spend 2023 deflated by CPI)");
        // AZ civil works: 75,001 x r x 0.144561 = 9,122.597 kg; min 50,001 x r x 0.144561 x 0.7 = 4,257.24; max 100,000 x r x 0.144561 x 1.3 = 15,812.291
        assertThat(footprint("AZ", "civil_works")).startsWith("4257.24 9122.597 15812.291 null | KPMG 2019 via evaluation Figure 1 (group_average");
        // AZ total: + communication 30,001 x r x 0.282692 = 7,135.913: 105,454.687 kg (min 47,547.336, max 185,879.215);
        // energy and GWW are high-impact groups: 98,318.774 / 105,454.687 = 93.233% (the price ratio cancels out)
        assertThat(footprint("AZ", "total")).startsWith("47547.336 105454.687 185879.215 93.233 | ");
        // RIJK is the sum of the departments: + BZ energy 175,001 x r x 0.282692 = 41,625.01
        assertThat(warehouse.query("SELECT co2_mid_kg FROM marts.footprint_department_year WHERE department_code = 'RIJK' AND year = 2023"
                + " AND impact_segment = 'total'", rs -> plain(rs.getBigDecimal(1)))).containsExactly("147079.697");
        assertThat(warehouse.queryLong("SELECT count(*) FROM marts.footprint_department_year WHERE factor_source IS NULL")).isZero();
    }

    @Test
    void governmentWideJobsTargetIsSplitBySpendAndAddsUpExactly() {
        // Social return: 1,500 jobs split by spend. AZ 480,003 of 655,004 -> 1,099.2368 jobs, BZ 175,001 -> 400.7632.
        // Rounded down 1,099 + 400 = 1,499; the one job left goes to the larger remainder (BZ, .7632): AZ 1,099, BZ 401.
        assertThat(warehouse.query("""
                SELECT department_code, allocated_target_value, allocated_baseline_value FROM core.int_goal_allocation_formula
                WHERE goal_id = 'social_return_jobs' AND year = 2023 ORDER BY department_code""",
                rs -> rs.getString(1) + " " + plain(rs.getBigDecimal(2)) + " " + plain(rs.getBigDecimal(3))))
                .containsExactly("AZ 1099 null", "BZ 401 null");
        // Every split goal adds up to its government-wide target in every year.
        assertThat(warehouse.query("""
                SELECT a.goal_id, a.year, sum(a.allocated_target_value) AS parts,
                       round(coalesce(g.target_value, g.baseline_value * (1 + g.target_change_pct / 100)), g.allocation_decimals) AS whole
                FROM core.int_goal_allocation AS a INNER JOIN ref.goal AS g USING (goal_id)
                GROUP BY ALL HAVING parts IS DISTINCT FROM whole AND whole IS NOT NULL""", rs -> rs.getString(1))).isEmpty();
    }

    @Test
    void departmentsAreJudgedAgainstTheirOwnPartAndRanked() {
        // Judged against the adopted part (config/allocations.yaml); without it the part would be indicative, no verdict.
        // Trajectory of the split goal from 0 (end of 2014) to the department's part (2023): AZ 1,099 in 2023; actual
        // 900 jobs over 2015-2023. 2023 is the end of the goal's period, so the verdict is final.
        assertThat(warehouse.query("""
                SELECT department_code, status, actual_value, target_value, trajectory_value, allocation_share_pct
                FROM marts.effect_goal_department_year WHERE goal_id = 'social_return_jobs' AND year = 2023 ORDER BY department_code""",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + plain(rs.getBigDecimal(3)) + " of " + plain(rs.getBigDecimal(4))
                        + " trajectory " + plain(rs.getBigDecimal(5))))
                .containsExactly("AZ period_ended_missed 900 of 1099 trajectory 1099", "BZ period_ended_met 450 of 401 trajectory 401",
                        "RIJK period_ended_missed 1350 of 1500 trajectory 1500");
        assertThat(warehouse.query("SELECT status_reason_nl FROM marts.effect_goal_department_year WHERE goal_id = 'social_return_jobs'"
                + " AND year = 2023 AND department_code = 'AZ'", rs -> rs.getString(1)))
                .containsExactly("900 jobs in 2023 tegen doel 1.099 jobs in 2023 (eigen deel van het rijksdoel): 199 jobs te kort; de doelperiode is voorbij");
        // A goal without gas results has no data for departments (a missing year is never zero).
        assertThat(warehouse.query("SELECT DISTINCT status FROM marts.effect_goal_department_year WHERE goal_id = 'energy_gas_use_reduction'"
                + " AND department_code IN ('AZ', 'BZ')", rs -> rs.getString(1))).containsExactly("no_data");
        // Leaders and laggards rank the departments by their gap to their own trajectory: BZ +49, AZ -199; both are
        // judged against their adopted part, so they are compared; AZ has the largest shortfall.
        assertThat(warehouse.query("""
                SELECT rank, department_code, position, gap, target_kind, lead_rank, shortfall_rank FROM marts.leaders_laggards
                WHERE goal_id = 'social_return_jobs' AND year = 2023 ORDER BY rank""",
                rs -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + plain(rs.getBigDecimal(4)) + " "
                        + rs.getString(5) + " lead " + rs.getInt(6) + " shortfall " + rs.getInt(7)))
                .containsExactly("1 BZ leader 49 allocated_part lead 1 shortfall 2", "2 AZ laggard -199 allocated_part lead 2 shortfall 1");
    }

    @Test
    void themeCrosswalkMapsEveryStrategyTheme() {
        List<String> themes = warehouse.query("SELECT theme_strategy || '>' || coalesce(theme_national_plan, '-') FROM ref.theme_crosswalk ORDER BY 1",
                rs -> rs.getString(1));
        assertThat(themes).contains("climate>climate", "isv>isv_chain", "living_environment>environment", "innovation>-");
        assertThat(warehouse.query("SELECT DISTINCT theme_strategy FROM ref.theme_crosswalk ORDER BY 1", rs -> rs.getString(1)))
                .containsExactly("circular", "climate", "innovation", "isv", "living_environment", "social_return", "wellbeing_health");
    }
}
