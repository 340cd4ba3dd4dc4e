package nl.impactmonitor.jobs.progress;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supplier results, unit conversion, restatements and progress against config/targets.yaml. */
class ProgressTest {

    static final String HEADER = "Contractnummer;Leverancier;KvK-nummer;Ministerie;Jaar;Periode van;Periode tot;Indicator;Waarde;Eenheid;Toelichting;Rapportagedatum";

    @TempDir
    Path dir;
    Warehouse warehouse;
    int files;

    @BeforeEach
    void open() {
        warehouse = TestProject.warehouse(dir);
        referenceData(TestProject.DIR.resolve("config/targets.yaml")).load();
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private ReferenceData referenceData(Path targets) {
        ImpactmonitorProperties props = new ImpactmonitorProperties(dir, TestProject.SQL, TestProject.REFERENCE, targets,
                dir.resolve("out"), dir.resolve("downloads"), 5, new ImpactmonitorProperties.Warehouse(dir.resolve("w.duckdb"), "", 0),
                null, null, null, null, new ImpactmonitorProperties.Load(100, 250, false, java.time.Duration.ZERO));
        return new ReferenceData(warehouse, props);
    }

    private RawLoader.Result load(String... rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(List.of(rows));
        Path file = dir.resolve("results-" + (++files) + ".csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return new SourceFileLoader(warehouse, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()), dir.resolve("work"))
                .load(file, null, "results-" + files);
    }

    private String progress(String department, int year, String goalId) {
        return warehouse.query("""
                SELECT status, actual_value, trajectory_value, target_value, gap_to_trajectory
                FROM marts.effect_goal_department_year WHERE department_code = ? AND year = ? AND goal_id = ?""",
                rs -> rs.getString(1) + " actual=" + plain(rs.getBigDecimal(2)) + " trajectory=" + plain(rs.getBigDecimal(3))
                        + " target=" + plain(rs.getBigDecimal(4)) + " gap=" + plain(rs.getBigDecimal(5)),
                department, year, goalId).get(0);
    }

    private String reason(String department, int year, String goalId) {
        return warehouse.query("""
                SELECT status || ' | ' || status_reason_nl || ' | ' || status_reason_en
                FROM marts.effect_goal_department_year WHERE department_code = ? AND year = ? AND goal_id = ?""",
                rs -> rs.getString(1), department, year, goalId).get(0);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    @Test
    void unitConversionsMatchHandComputedValues() throws IOException {
        RawLoader.Result result = load(
                "C-1;Energiebedrijf;01234567;IenW;2023;;;electricity_use;1500;kWh;;15-01-2024",           // 1,500 kWh = 1.5 MWh
                "C-2;Energiebedrijf;01234567;IenW;2023;;;electricity_use;2;GWh;;15-01-2024",              // 2 GWh = 2,000 MWh
                "C-3;Energiebedrijf;01234567;IenW;2023;;;electricity_use;36;GJ;;15-01-2024",               // 36 GJ = 36/3.6 = 10 MWh
                "C-4;Schoonmaak BV;12345678;IenW;2023;;;participation_jobs;2;FTE;;15-01-2024",            // 2 x 36/25.5 = 2.823529 jobs
                "C-5;Schoonmaak BV;12345678;IenW;2023;;;participation_jobs;1326;uren;;15-01-2024",        // 1,326 h = 25.5 h x 52 = 1 job
                "C-6;Lease BV;23456789;IenW;2023;;;business_mobility_co2;2,5;t CO2-eq;;15-01-2024",       // 2.5 t = 2,500 kg
                "C-7;Gasbedrijf;34567890;IenW;2023;;;gas_use;10;GJ aardgas;;15-01-2024",                  // 10 GJ / 0.03165 GJ/m3 = 315.955766 m3
                "C-8;Bouwbedrijf;45678901;IenW;01-01-2023;;;primary_raw_materials;1.234.567,5;kg;;15-01-2024");
        assertThat(result.rowsRejected()).as(warehouse.rawLoader().rejectsOf(result.loadId()).toString()).isEqualTo(1);
        assertThat(warehouse.query("SELECT contract_id, value_base, base_unit FROM staging.result_record ORDER BY contract_id",
                rs -> rs.getString(1) + " " + plain(rs.getBigDecimal(2)) + " " + rs.getString(3)))
                .containsExactly("C-1 1.5 MWh", "C-2 2000 MWh", "C-3 10 MWh", "C-4 2.823529 jobs", "C-5 1 jobs",
                        "C-6 2500 kg CO2-eq", "C-7 315.955766 m3");
        // C-8 wrote a date where the year belongs.
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId())).extracting(r -> r.get("line_no") + " " + r.get("reason"))
                .containsExactly("9 year '01-01-2023' is not a year");
        // KvK numbers keep their leading zero.
        assertThat(warehouse.query("SELECT DISTINCT supplier_kvk FROM staging.result_record WHERE contract_id = 'C-1'", rs -> rs.getString(1)))
                .containsExactly("01234567");
    }

    @Test
    void implausibleAndUnknownValuesAreRejectedWithReasons() throws IOException {
        RawLoader.Result result = load(
                "C-1;A;;VWS;2023;;;vrolijkheid;5;%;;",
                "C-2;A;;VWS;2023;;;electricity_use;5;paardenkracht;;",
                "C-3;A;;VWS;2023;;;gas_use;5;kWh;;",
                "C-4;A;;VWS;2023;;;electricity_use;-500;MWh;;",
                "C-5;A;;VWS;2023;;;renewable_share;120;%;;",
                "C-6;A;;VWS;2099;;;electricity_use;5;MWh;;",
                "C-7;A;;VWS;2023;;;electricity_use;veel;MWh;;",
                "C-8;A;;VWS;;01-01-2023;31-12-2023;electricity_use;5;MWh;;");
        assertThat(result.rowsLoaded()).isEqualTo(1);
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId())).extracting(r -> r.get("line_no") + " " + r.get("reason"))
                .containsExactly(
                        "2 unknown metric 'vrolijkheid' (metrics are listed in config/reference/result_metrics.csv)",
                        "3 unknown unit 'paardenkracht' (units are listed in config/reference/units.csv)",
                        "4 unit 'kWh' measures energy, but metric gas_use is measured as gas_volume (base unit m3)",
                        "5 negative value -500 for electricity_use is not plausible",
                        "6 share 120 % is above 100%",
                        "7 period ending 31-12-2099 lies in the future",
                        "8 value 'veel' is not a number");
    }

    @Test
    void fleetShareBelowItsTrajectoryIsOffTrack() throws IOException {
        // Zero-emission share of the fleet 16.8% (2021), 19.1% (2022), 24.8% (2023) of 1,000 vehicles.
        load("L-1;Lease BV;;DEF;2021;;;fleet_vehicles;1000;voertuigen;;15-02-2022",
                "L-1;Lease BV;;DEF;2021;;;fleet_zero_emission_vehicles;168;voertuigen;;15-02-2022",
                "L-1;Lease BV;;DEF;2022;;;fleet_vehicles;1000;voertuigen;;15-02-2023",
                "L-1;Lease BV;;DEF;2022;;;fleet_zero_emission_vehicles;191;voertuigen;;15-02-2023",
                "L-1;Lease BV;;DEF;2023;;;fleet_vehicles;1000;voertuigen;;15-02-2024",
                "L-1;Lease BV;;DEF;2023;;;fleet_zero_emission_vehicles;248;voertuigen;;15-02-2024");
        warehouse.models().buildAll();
        // Trajectory from 20% in 2020 to 100% in 2028: 10 points a year, so 30 (2021), 40 (2022), 50 (2023).
        assertThat(progress("RIJK", 2021, "transport_fleet_zero_emission")).isEqualTo("off_track actual=16.8 trajectory=30 target=100 gap=-13.2");
        assertThat(progress("RIJK", 2023, "transport_fleet_zero_emission")).isEqualTo("off_track actual=24.8 trajectory=50 target=100 gap=-25.2");
        assertThat(progress("DEF", 2023, "transport_fleet_zero_emission")).isEqualTo("off_track actual=24.8 trajectory=50 target=100 gap=-25.2");
    }

    @Test
    void fleetTrajectoryRunsThroughTheInterimGoalWhichIsNeverABaseline() throws IOException {
        load("L-1;Lease BV;;DEF;2021;;;fleet_vehicles;1000;voertuigen;;15-02-2022",
                "L-1;Lease BV;;DEF;2021;;;fleet_zero_emission_vehicles;168;voertuigen;;15-02-2022",
                "L-1;Lease BV;;DEF;2022;;;fleet_vehicles;1000;voertuigen;;15-02-2023",
                "L-1;Lease BV;;DEF;2022;;;fleet_zero_emission_vehicles;191;voertuigen;;15-02-2023",
                "L-1;Lease BV;;DEF;2023;;;fleet_vehicles;1000;voertuigen;;15-02-2024",
                "L-1;Lease BV;;DEF;2023;;;fleet_zero_emission_vehicles;248;voertuigen;;15-02-2024");
        warehouse.models().buildAll();
        // 20% in 2020 is an interim goal (Table 2), not a measurement: no baseline, the trajectory runs through it.
        assertThat(warehouse.query("SELECT year, value FROM ref.goal_milestone WHERE goal_id = 'transport_fleet_zero_emission'",
                rs -> rs.getInt(1) + ": " + plain(rs.getBigDecimal(2)))).containsExactly("2020: 20");
        assertThat(warehouse.query("""
                SELECT year, trajectory_value, baseline_year FROM marts.effect_goal_department_year
                WHERE department_code = 'RIJK' AND goal_id = 'transport_fleet_zero_emission' ORDER BY year""",
                rs -> rs.getInt(1) + " " + plain(rs.getBigDecimal(2)) + " " + rs.getObject(3)))
                .containsExactly("2021 30 null", "2022 40 null", "2023 50 null");
        // 24.8 - 50 = -25.2 points
        assertThat(reason("RIJK", 2023, "transport_fleet_zero_emission")).isEqualTo("off_track"
                + " | 24,8%: 25,2 procentpunt te kort op het traject van 50% voor 2023 (traject door tussendoel 2020: 20%); doel 100% in 2028"
                + " | 24.8%: 25.2 percentage points short of the trajectory of 50% for 2023 (trajectory through interim goal 2020: 20%); target 100% in 2028");
        assertThat(warehouse.queryLong("SELECT count(*) FROM marts.effect_goal_department_year WHERE goal_id = 'transport_fleet_zero_emission'"
                + " AND (lower(status_reason_nl) LIKE '%nulmeting%' OR lower(status_reason_en) LIKE '%baseline%')")).isZero();
    }

    @Test
    void absoluteTargetUnderWaterWithoutBaselineIsBelowTargetWithItsGap() throws IOException {
        // 856 of 1,000 MWh renewable = 85.6%; the goal is 100% in 2030 and has no measured baseline.
        load("E-1;Energie BV;;FIN;2023;;;electricity_use;1000;MWh;;15-01-2024",
                "E-1;Energie BV;;FIN;2023;;;electricity_renewable;856;MWh;;15-01-2024");
        warehouse.models().buildAll();
        assertThat(progress("FIN", 2023, "energy_renewable_electricity_share")).isEqualTo("below_target actual=85.6 trajectory=null target=100 gap=null");
        assertThat(reason("FIN", 2023, "energy_renewable_electricity_share")).isEqualTo("below_target"
                + " | 85,6% tegen doel 100% in 2030: 14,4 procentpunt te kort; geen nulmeting, dus geen traject"
                + " | 85.6% against target 100% in 2030: 14.4 percentage points short; no baseline, so no trajectory");
        // The gap is a column too, not only words: 85.6 - 100 = -14.4 points.
        assertThat(warehouse.query("SELECT gap_to_target FROM marts.effect_goal_department_year WHERE department_code = 'FIN' AND year = 2023"
                + " AND goal_id = 'energy_renewable_electricity_share'", rs -> plain(rs.getBigDecimal(1)))).containsExactly("-14.4");
        // The same goal above its target is achieved: the verdict is two-sided.
        load("E-1;Energie BV;;FIN;2023;;;electricity_renewable;1000;MWh;;01-02-2024");
        warehouse.models().buildAll();
        assertThat(reason("FIN", 2023, "energy_renewable_electricity_share")).isEqualTo("achieved"
                + " | 100%: doel 100% in 2030 gehaald | 100%: target 100% in 2030 met");
    }

    @Test
    void cumulativeGoalAddsOnlyYearsWithDataAndNamesTheMissingOnes() throws IOException {
        load("SR-1;Schoonmaak BV;;AZ;2021;;;participation_jobs;100;banen;;15-01-2022",
                "SR-1;Schoonmaak BV;;AZ;2022;;;participation_jobs;150;banen;;15-01-2023",
                "SR-1;Schoonmaak BV;;AZ;2023;;;participation_jobs;200;banen;;15-01-2024");
        warehouse.models().buildAll();
        // 100 + 150 + 200 = 450 jobs over 2021-2023; 2015-2020 are missing, not zero, so no verdict on 2015-2023.
        assertThat(warehouse.query("""
                SELECT status, actual_value, years_with_data, years_missing FROM marts.effect_goal_department_year
                WHERE department_code = 'RIJK' AND goal_id = 'social_return_jobs' ORDER BY year""",
                rs -> rs.getString(1) + " " + plain(rs.getBigDecimal(2)) + " " + rs.getString(3) + " " + rs.getString(4)))
                .containsExactly("insufficient_data 100 2021 2015–2020", "insufficient_data 250 2021–2022 2015–2020",
                        "insufficient_data 450 2021–2023 2015–2020");
        assertThat(reason("RIJK", 2023, "social_return_jobs")).isEqualTo("insufficient_data"
                + " | opgeteld over 2021–2023: 450 jobs; 2015–2020 zonder gegevens, dus geen oordeel over 2015–2023"
                + " | summed over 2021–2023: 450 jobs; 2015–2020 without data, so no verdict on 2015–2023");
        // Not ranked either: a department without a verdict is neither leader nor laggard.
        assertThat(warehouse.queryLong("SELECT count(*) FROM marts.leaders_laggards WHERE goal_id = 'social_return_jobs'")).isZero();
    }

    @Test
    void rijkswaterstaatGoalIsNotApplicableToOtherMinistries() throws IOException {
        load("RWS-1;Netbeheer BV;;IenW;2023;;;rws_network_energy_neutral_share;40;%;;15-01-2024",
                "E-1;Energie BV;;AZ;2023;;;electricity_use;10;MWh;;15-01-2024");
        warehouse.models().buildAll();
        assertThat(reason("AZ", 2023, "gww_network_energy_neutral"))
                .isEqualTo("not_applicable | doel geldt alleen voor IenW | goal applies to IenW only");
        assertThat(progress("IenW", 2023, "gww_network_energy_neutral")).startsWith("below_target actual=40 ");
        assertThat(reason("AZ", 2023, "innovation_launching_customer")).startsWith("not_measurable | geen meetbaar doel; gevolgd wordt: ");
    }

    @Test
    void fewerReportingContractsIsInsufficientCoverageEvenWhenTheTotalFalls() throws IOException {
        // Five gas contracts of DEF report 100 m3 each in 2022; in 2023 four report 100 m3 and C-5 stays silent.
        List<String> rows = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            rows.add("G-" + c + ";Gas " + c + " BV;;DEF;2022;;;gas_use;100;m3;;15-01-2023");
            if (c < 5) {
                rows.add("G-" + c + ";Gas " + c + " BV;;DEF;2023;;;gas_use;100;m3;;15-01-2024");
            }
        }
        load(rows.toArray(String[]::new));
        warehouse.models().buildAll();
        assertThat(warehouse.query("""
                SELECT year, status, actual_value, reporting_contracts, reporting_suppliers, expected_contracts, coverage_pct
                FROM marts.effect_goal_department_year WHERE department_code = 'DEF' AND goal_id = 'energy_gas_use_reduction' ORDER BY year""",
                rs -> rs.getInt(1) + " " + rs.getString(2) + " " + plain(rs.getBigDecimal(3)) + " " + rs.getLong(4) + "/" + rs.getLong(5)
                        + " of " + rs.getLong(6) + " " + plain(rs.getBigDecimal(7))))
                .containsExactly("2022 no_baseline 500 5/5 of 0 null", "2023 insufficient_coverage 400 4/4 of 5 80");
        // Gas use fell from 500 to 400 m3, but only because C-5 stopped reporting: no verdict for the government either.
        assertThat(progress("RIJK", 2023, "energy_gas_use_reduction")).startsWith("insufficient_coverage actual=400 ");
        assertThat(reason("RIJK", 2023, "energy_gas_use_reduction")).isEqualTo("insufficient_coverage"
                + " | 4 van de 5 contracten die eerder rapporteerden, rapporteerden voor 2023 (80%, drempel 90%); een lager totaal kan door ontbrekende rapportages komen, dus geen oordeel"
                + " | 4 of the 5 contracts that reported before reported for 2023 (80%, threshold 90%); a lower total may come from missing reports, so no verdict");
    }

    @Test
    void contractWithAReportingObligationThatNeverReportsLowersTheCoverage() throws IOException {
        // G-2 must report gas use for DEF from 2023 (a reporting obligation) but never does; G-1 reports 100 m3.
        Path reference = dir.resolve("reference");
        try (var files = Files.list(TestProject.REFERENCE)) {
            Files.createDirectories(reference);
            for (Path f : files.toList()) {
                Files.copy(f, reference.resolve(f.getFileName()));
            }
        }
        Files.writeString(reference.resolve("reporting_obligations.csv"), """
                contract_id,department_code,metric,first_year,last_year,source
                G-1,DEF,gas_use,2023,,contract G-1 art. 12
                G-2,DEF,gas_use,2023,,contract G-2 art. 12
                """);
        ImpactmonitorProperties props = new ImpactmonitorProperties(dir, TestProject.SQL, reference, TestProject.DIR.resolve("config/targets.yaml"),
                dir.resolve("out"), dir.resolve("downloads"), 5, new ImpactmonitorProperties.Warehouse(dir.resolve("w.duckdb"), "", 0),
                null, null, null, null, new ImpactmonitorProperties.Load(100, 250, false, java.time.Duration.ZERO));
        new ReferenceData(warehouse, props).load();
        load("G-1;Gas 1 BV;;DEF;2023;;;gas_use;100;m3;;15-01-2024");
        warehouse.models().buildAll();
        // 1 of the 2 obliged contracts reported: 50%, below 90%, although it is the first year with data.
        assertThat(warehouse.query("""
                SELECT department_code, status, reporting_contracts, expected_reporting_contracts, expected_contracts, coverage_pct
                FROM marts.effect_goal_department_year WHERE year = 2023 AND goal_id = 'energy_gas_use_reduction'
                  AND department_code IN ('DEF', 'RIJK') ORDER BY department_code""",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + "/" + rs.getLong(5)
                        + " " + plain(rs.getBigDecimal(6))))
                .containsExactly("DEF insufficient_coverage 1 1/2 50", "RIJK insufficient_coverage 1 1/2 50");
    }

    @Test
    void averageLabelACountsLabelsBetterThanA() throws IOException {
        // Four offices: two A++ (score -1) and two B (score 2). Mean (-1 - 1 + 2 + 2) / 4 = 0.5, at or better than A (1).
        // On a scale that stops at A (A++ read as A), the mean would be 1.5: not met.
        RawLoader.Result result = load("K-1;Rijksvastgoed;;BZK;2023;;;offices_average_label_score;-1;label score;A++;15-01-2024",
                "K-2;Rijksvastgoed;;BZK;2023;;;offices_average_label_score;-1;label score;A++;15-01-2024",
                "K-3;Rijksvastgoed;;BZK;2023;;;offices_average_label_score;2;label score;B;15-01-2024",
                "K-4;Rijksvastgoed;;BZK;2023;;;offices_average_label_score;2;label score;B;15-01-2024",
                "K-5;Rijksvastgoed;;BZK;2023;;;offices_average_label_score;-4;label score;beyond A++++;15-01-2024");
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId())).extracting(r -> r.get("line_no") + " " + r.get("reason"))
                .containsExactly("6 label score -4 is outside the scale A++++ = -3 to G = 7");
        warehouse.models().buildAll();
        assertThat(progress("BZK", 2023, "buildings_average_label_a")).isEqualTo("achieved actual=0.5 trajectory=null target=1 gap=null");
    }

    @Test
    void circularGoalHasNoBaselineUntilOneIsConfigured() throws IOException {
        load("B-1;Bouw BV;;IenW;2022;;;primary_raw_materials;1000;t;;15-02-2023",
                "B-1;Bouw BV;;IenW;2023;;;primary_raw_materials;900;t;;15-02-2024");
        warehouse.models().buildAll();
        assertThat(progress("RIJK", 2023, "circular_primary_raw_materials")).isEqualTo("no_baseline actual=900 trajectory=null target=null gap=null");

        // A steward sets a baseline: 1,000 t in 2022. Target -50% = 500 t in 2030;
        // trajectory 2023 = 1000 + (500 - 1000) x 1/8 = 937.5, and 900 is below it: on track.
        Path targets = dir.resolve("targets.yaml");
        String catalogue = Files.readString(TestProject.DIR.resolve("config/targets.yaml"));
        String circular = catalogue.substring(catalogue.indexOf("  - id: circular_primary_raw_materials"));
        circular = circular.substring(0, circular.indexOf("  - id:", 5));
        Files.writeString(targets, catalogue.replace(circular, circular.replace("baseline: none", "baseline: {year: 2022, value: 1000, source: measured by a steward}")));
        referenceData(targets).load();
        warehouse.models().buildAll();
        assertThat(progress("RIJK", 2023, "circular_primary_raw_materials")).isEqualTo("on_track actual=900 trajectory=937.5 target=500 gap=-37.5");
        // The goal is a government-wide total: departments are not judged until it is split over them.
        assertThat(progress("IenW", 2023, "circular_primary_raw_materials")).startsWith("not_allocated actual=900 trajectory=null target=null");
    }

    @Test
    void restatementReplacesTheValueAndHistoryKeepsTheOld() throws IOException {
        load("E-1;Energie BV;;FIN;2023;;;electricity_use;100;MWh;;15-01-2024");
        load("E-1;Energie BV;;FIN;2023;;;electricity_use;120;MWh;restated after audit;01-03-2024");
        // A stale restatement (reported before the one above) arrives last; it must not win.
        load("E-1;Energie BV;;FIN;2023;;;electricity_use;90;MWh;;01-02-2024");
        warehouse.models().buildAll();
        assertThat(warehouse.query("SELECT value_base, version_count FROM core.fct_supplier_result", rs -> plain(rs.getBigDecimal(1)) + " of " + rs.getInt(2)))
                .containsExactly("120 of 3");
        assertThat(warehouse.query("SELECT value_base, reported_on, is_current FROM core.fct_supplier_result_history ORDER BY version_rank",
                rs -> plain(rs.getBigDecimal(1)) + " " + rs.getDate(2) + " " + rs.getBoolean(3)))
                .containsExactly("120 2024-03-01 true", "90 2024-02-01 false", "100 2024-01-15 false");
        assertThat(warehouse.query("SELECT value_base FROM results_as_reported_on(DATE '2024-02-15')", rs -> plain(rs.getBigDecimal(1))))
                .containsExactly("90");
        assertThat(warehouse.query("SELECT value_base FROM results_as_reported_on(DATE '2024-01-31')", rs -> plain(rs.getBigDecimal(1))))
                .containsExactly("100");
        assertThat(warehouse.query("SELECT numerator_value FROM marts.effect_goal_department_year WHERE department_code = 'FIN' AND year = 2023"
                + " AND goal_id = 'energy_renewable_electricity_share'", rs -> plain(rs.getBigDecimal(1)))).containsExactly("null");
        assertThat(warehouse.query("SELECT denominator_value FROM marts.effect_goal_department_year WHERE department_code = 'FIN' AND year = 2023"
                + " AND goal_id = 'energy_renewable_electricity_share'", rs -> plain(rs.getBigDecimal(1)))).containsExactly("120");
    }

    @Test
    void jsonRecordsLoadWithTheirPositionAsLine() throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, """
                [
                  {"Contractnummer": "J-1", "Leverancier": "Energie BV", "KvK-nummer": "01234567", "Ministerie": "IenW",
                   "Jaar": 2023, "Indicator": "electricity_use", "Waarde": 1500.5, "Eenheid": "MWh"},
                  {"Contractnummer": "J-2", "Leverancier": "Energie BV", "KvK-nummer": "01234567", "Ministerie": "IenW",
                   "Jaar": 2023, "Indicator": "electricity_use", "Waarde": "veel", "Eenheid": "MWh"}
                ]
                """);
        RawLoader.Result result = new SourceFileLoader(warehouse, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()),
                dir.resolve("work")).load(file, null, "json-1");
        assertThat(result.rowsRead()).isEqualTo(2);
        assertThat(warehouse.query("SELECT value_base, supplier_kvk FROM staging.result_record", rs -> plain(rs.getBigDecimal(1)) + " " + rs.getString(2)))
                .containsExactly("1500.5 01234567");
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId())).extracting(r -> r.get("line_no") + " " + r.get("reason"))
                .containsExactly("2 value 'veel' is not a number");
    }

    @Test
    void brokenCatalogueNamesEveryErrorWithItsLine() throws IOException {
        Path targets = dir.resolve("broken.yaml");
        Files.writeString(targets, """
                goals:
                  - id: fleet
                    name_nl: Wagenpark
                    name_en: Fleet
                    theme: {strategy: climate, national_plan: klimaat}
                    metric: share
                    unit: '%'
                    direction: up
                    aggregation: weighted_share
                    numerator: fleet_zero_emission_vehicles
                    denominator: vehicles
                    baseline: {year: 2020, value: 20}
                    target: {year: 2019, value: 100}
                    applies_to_departments: true
                    source: test
                """);
        assertThatThrownBy(() -> referenceData(targets))
                .isInstanceOf(TargetsCatalogue.InvalidCatalogueException.class)
                .hasMessageContaining("broken.yaml line 5: goal 'fleet': theme.'national_plan' must be one of")
                .hasMessageContaining("line 8: goal 'fleet': 'direction' must be one of [decrease, increase], not 'up'")
                .hasMessageContaining("line 11: goal 'fleet': denominator 'vehicles' is not a metric in config/reference/result_metrics.csv")
                .hasMessageContaining("line 13: goal 'fleet': target.year 2019 must be after baseline.year 2020");
    }

    @Test
    void milestoneAfterTheTargetOrUnknownDepartmentStopsStartUpWithTheLine() throws IOException {
        Path targets = dir.resolve("milestones.yaml");
        Files.writeString(targets, """
                goals:
                  - id: fleet
                    name_nl: Wagenpark
                    name_en: Fleet
                    theme: {strategy: climate, national_plan: climate}
                    metric: share
                    unit: '%'
                    direction: increase
                    aggregation: weighted_share
                    numerator: fleet_zero_emission_vehicles
                    denominator: fleet_vehicles
                    baseline: {year: 2019, value: 10, source: measured}
                    milestones:
                      - {year: 2020, value: 20, source: Table 2}
                      - {year: 2029, value: 90, source: test}
                    target: {year: 2028, value: 100}
                    applies_to_departments: true
                    applies_to: [IenW, RWS]
                    source: test
                  - id: network
                    name_nl: Netwerk
                    name_en: Network
                    theme: {strategy: climate, national_plan: climate}
                    metric: share
                    unit: '%'
                    direction: increase
                    aggregation: mean
                    numerator: rws_network_energy_neutral_share
                    baseline: {year: 2019, value: 10}
                    target: {year: 2030, value: 100}
                    applies_to_departments: true
                    source: test
                  - id: jobs
                    name_nl: Banen
                    name_en: Jobs
                    theme: {strategy: social_return, national_plan: social_return}
                    metric: jobs
                    unit: jobs
                    direction: increase
                    aggregation: cumulative_sum
                    numerator: participation_jobs
                    baseline: none
                    target: {year: 2023, value: 1500}
                    applies_to_departments: true
                    source: test
                """);
        assertThatThrownBy(() -> referenceData(targets))
                .isInstanceOf(TargetsCatalogue.InvalidCatalogueException.class)
                .hasMessageContaining("milestones.yaml line 15: goal 'fleet': milestone year 2029 must be before target.year 2028")
                .hasMessageContaining("line 18: goal 'fleet': applies_to names department 'RWS', which is not in config/reference/departments.csv")
                .hasMessageContaining("line 29: goal 'network': baseline.'source' is missing")
                .hasMessageContaining("line 33: goal 'jobs': 'period_start' is missing");
    }

    @Test
    void valuesTooLargeForTheirColumnAreRejectedNotFatal() throws IOException {
        RawLoader.Result result = load(
                "H-1;A;;VWS;2023;;;electricity_use;123456789012345678901234567890123;MWh;;",
                "H-2;A;;VWS;2023;;;electricity_use;5;MWh;;");
        assertThat(result.rowsLoaded()).isEqualTo(1);
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId())).extracting(r -> r.get("line_no") + " " + r.get("reason"))
                .containsExactly("2 value '123456789012345678901234567890123' is not a number");
    }

    @Test
    void jsonWithByteOrderMarkIsReadAsJson() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF[{\"Contractnummer\": \"J-9\", \"Leverancier\": \"E\", \"Ministerie\": \"AZ\", \"Jaar\": 2023,"
                + " \"Indicator\": \"electricity_use\", \"Waarde\": 7, \"Eenheid\": \"MWh\"}]");
        RawLoader.Result result = new SourceFileLoader(warehouse, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()),
                dir.resolve("work")).load(file, null, "json-bom");
        assertThat(result.status()).as(result.message()).isEqualTo(RawLoader.Status.LOADED);
        assertThat(result.rowsLoaded()).isEqualTo(1);
    }
}
