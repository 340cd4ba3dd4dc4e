package nl.impactmonitor.jobs.progress;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footprint calibrated on the evaluation's Figure 1 (kt per segment / the segment's spend in 2019), the price
 * correction to 2019 euros, the range that combines staffel and factor uncertainty, and Defence's specific procurement
 * outside the strategy. Spend fixtures use category totals, so each segment's spend is one staffel midpoint.
 */
class FootprintCalibrationTest {

    @TempDir
    Path dir;
    Warehouse warehouse;

    @AfterEach
    void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    private void load(String spendLines) throws Exception {
        warehouse = TestProject.warehouse(dir);
        Path spend = dir.resolve("spend.csv");
        Files.writeString(spend, "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\n" + spendLines);
        new SourceFileLoader(warehouse, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work")).load(spend, null, "s-1");
        warehouse.models().buildAll();
    }

    /** One 2019 category total per Figure 1 segment, over two departments (staffel midpoints in the comments). */
    private static final String REFERENCE_YEAR = """
            AZ;2019;Facilitaire dienstverlening;Totaal;8
            AZ;2019;Energie;Totaal;9
            AZ;2019;Communicatie;Totaal;4
            AZ;2019;ICT;Totaal;11
            AZ;2019;Personeel en organisatie;Totaal;7
            BZK;2019;Gebouwen en installaties;Totaal;12
            BZK;2019;Beleidsonderzoek en advies;Totaal;6
            BZK;2019;Overige generieke inkoop;Totaal;10
            IenW;2019;Grond- weg- en waterbouw;Totaal;12
            DEF;2019;Defensiematerieel;Totaal;11
            DEF;2019;Overige specifieke inkoop;Totaal;5
            """;

    @Test
    void referenceYearReproducesFigure1PerSegmentAndEnergyIsMoreIntensiveThanIct() throws Exception {
        load(REFERENCE_YEAR);
        List<String> rows = warehouse.query("""
                SELECT impact_segment, figure1_co2_kt, project_co2_kt, difference_co2_pct, calibration
                FROM marts.footprint_reconciliation WHERE impact_segment NOT IN ('segments_sum', 'figure1_stated_total')""",
                rs -> rs.getString(1) + " " + rs.getBigDecimal(2) + " " + rs.getBigDecimal(3) + " " + rs.getBigDecimal(4) + " " + rs.getString(5));
        assertThat(rows).hasSize(11);
        for (Object[] r : warehouse.query("""
                SELECT impact_segment, figure1_co2_kt, project_co2_kt, figure1_material_kt, project_material_kt, calibration
                FROM marts.footprint_reconciliation WHERE impact_segment NOT IN ('segments_sum', 'figure1_stated_total')""",
                rs -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)})) {
            BigDecimal figure = (BigDecimal) r[1];
            assertThat(((BigDecimal) r[2]).doubleValue()).as("CO2 of " + r[0]).isCloseTo(figure.doubleValue(), within(figure.doubleValue() * 0.005));
            BigDecimal material = (BigDecimal) r[3];
            assertThat(((BigDecimal) r[4]).doubleValue()).as("material of " + r[0]).isCloseTo(material.doubleValue(), within(material.doubleValue() * 0.005));
            assertThat(r[5]).as("calibration of " + r[0]).isEqualTo("calibrated");
        }
        // Energy 428 kt on staffel 9 (mid EUR 17,500,001) = 24.457 kg/EUR; ICT 114 kt on staffel 11 (mid 75,000,001) = 1.52 kg/EUR.
        assertThat(warehouse.query("SELECT impact_segment, round(co2_kg_per_eur, 3) FROM core.int_segment_intensity"
                + " WHERE impact_segment IN ('energy', 'ict') ORDER BY 1", rs -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString()))
                .containsExactly("energy 24.457", "ict 1.52");
        // Figure 1's own inconsistency: its segments add up to 2,272 kt, its total line says 1,800 kt.
        assertThat(warehouse.query("SELECT impact_segment, figure1_co2_kt, round(project_co2_kt), round(difference_co2_kt)"
                + " FROM marts.footprint_reconciliation WHERE impact_segment IN ('segments_sum', 'figure1_stated_total') ORDER BY 1",
                rs -> rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + " " + rs.getBigDecimal(4).stripTrailingZeros().toPlainString()))
                .containsExactly("figure1_stated_total 1800 2272 472", "segments_sum 2272 2272 0");
    }

    @Test
    void withoutTheReferenceYearEveryFigureSaysItUsesTheGroupAverage() throws Exception {
        load("AZ;2023;Energie;Totaal;5\n");
        assertThat(warehouse.query("SELECT calibration, factor_source FROM marts.footprint_department_year"
                + " WHERE department_code = 'AZ' AND impact_segment = 'energy'",
                rs -> rs.getString(1) + " | " + rs.getString(2)))
                .singleElement().asString()
                .startsWith("group_average")
                .contains("reference year 2019 has no spend for this segment (not loaded): group average of category_management");
        assertThat(warehouse.queryLong("SELECT count(*) FROM marts.footprint_department_year WHERE calibration IS NULL OR factor_source IS NULL")).isZero();
    }

    @Test
    void theSameNominalSpendIn2023HasALowerFootprintByExactlyThePriceIndexRatio() throws Exception {
        load("""
                AZ;2019;Energie;Totaal;5
                AZ;2023;Energie;Totaal;5
                """);
        // Calibrated on AZ's own 2019 energy (mid 375,001): 428 kt exactly in 2019; 2023's EUR 375,001 are 106.1/126.1 of that in 2019 euros.
        List<BigDecimal> mid = warehouse.query("SELECT co2_mid_kg FROM core.int_footprint_category_year WHERE impact_segment = 'energy' ORDER BY year",
                rs -> rs.getBigDecimal(1));
        assertThat(mid.get(0)).isEqualByComparingTo("428000000");
        assertThat(mid.get(1).doubleValue()).isCloseTo(428_000_000d * 106.1 / 126.1, within(0.001));
        assertThat(mid.get(1).doubleValue() / mid.get(0).doubleValue()).isCloseTo(106.1 / 126.1, within(1e-12));
        assertThat(warehouse.query("SELECT price_year, price_index_ratio FROM core.int_footprint_category_year WHERE year = 2023",
                rs -> rs.getInt(1) + " " + rs.getBigDecimal(2).toPlainString())).containsExactly("2019 0.841396");
    }

    @Test
    void publishedRangeCombinesTheStaffelRangeAndTheFactorRange() throws Exception {
        load("AZ;2019;Energie;Totaal;5\n");
        // Intensity 428,000,000 / 375,001 kg per EUR, uncertainty +-30% (impact_factors.csv).
        // min: staffel 5 lower bound 250,001 x intensity x 0.7 = 199,733,599.644 kg; max: 500,000 x intensity x 1.3 = 741,864,688.361 kg.
        assertThat(warehouse.query("SELECT co2_min_kg, co2_mid_kg, co2_max_kg FROM marts.footprint_department_year"
                + " WHERE department_code = 'AZ' AND year = 2019 AND impact_segment = 'energy'",
                rs -> rs.getBigDecimal(1).toPlainString() + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getBigDecimal(3).toPlainString()))
                .containsExactly("199733599.644 428000000.000 741864688.361");
    }

    @Test
    void defenceSpecificProcurementIsReportedSeparatelyAndLeftOutOfTheAllocationBasis() throws Exception {
        // DEF: Defensiematerieel staffel 7 and ICT staffel 5; AZ: ICT staffel 5. No 2019: group averages.
        load("""
                DEF;2023;Defensiematerieel;Totaal;7
                DEF;2023;ICT;Totaal;5
                AZ;2023;ICT;Totaal;5
                """);
        // Climate-neutral procurement is split by CO2 footprint over all segments within the strategy: equal ICT, so 50/50.
        assertThat(warehouse.query("SELECT department_code, share_pct FROM core.int_goal_allocation_formula"
                + " WHERE goal_id = 'climate_neutral_procurement' AND year = 2023 ORDER BY 1",
                rs -> rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()))
                .containsExactly("AZ 50", "DEF 50");
        // The defence footprint is in its own row, not in DEF's total: 3,000,001 x 106.1/126.1 x 0.144561 kg.
        double defence = 3_000_001d * 106.1 / 126.1 * 0.144561;
        double ict = 375_001d * 106.1 / 126.1 * 0.282692;
        List<Object[]> rows = warehouse.query("SELECT impact_segment, co2_mid_kg FROM marts.footprint_department_year"
                + " WHERE department_code = 'DEF' AND year = 2023 AND impact_segment IN ('total', 'outside_strategy_scope') ORDER BY 1",
                rs -> new Object[] {rs.getString(1), rs.getBigDecimal(2).doubleValue()});
        assertThat(rows).extracting(r -> r[0]).containsExactly("outside_strategy_scope", "total");
        assertThat((double) rows.get(0)[1]).isCloseTo(defence, within(0.01));
        assertThat((double) rows.get(1)[1]).isCloseTo(ict, within(0.01));
    }
}
