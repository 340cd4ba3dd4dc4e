package nl.impactmonitor.jobs.report;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.report.ReportData.DepartmentPage;
import nl.impactmonitor.jobs.report.ReportData.FootprintRow;
import nl.impactmonitor.jobs.report.ReportData.ProgressSeries;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report read from a real warehouse: the footprint per impact segment and whether a goal is a split
 * government-wide one come from the marts (footprint_department_year, effect_goal_department_year.allocation_share_pct).
 */
class ReportAssemblerTest {

    /** The bundled samples rendered, for humans to look at (with the browser test's screenshots). */
    static final Path SAMPLE_REPORT = Path.of("target/report-samples");

    @TempDir
    Path dir;

    @Test
    void footprintAndAllocationComeFromTheMarts() throws IOException {
        try (Warehouse w = TestProject.warehouse(dir)) {
            Path spend = dir.resolve("spend.csv");
            // AZ: Energie staffel 5 (mid 375,001), GWW staffel 3 (mid 75,001), Communicatie staffel 2; BZ: Energie staffel 4.
            Files.writeString(spend, """
                    Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                    AZ;2023;Energie;Totaal;5
                    AZ;2023;Grond- weg- en waterbouw;Totaal;3
                    AZ;2023;Communicatie;Totaal;2
                    BZ;2023;Energie;Totaal;4
                    """);
            new SourceFileLoader(w, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"))
                    .load(spend, null, "s-1");
            Path results = dir.resolve("results.csv");
            Files.writeString(results, """
                    Contractnummer;Leverancier;KvK-nummer;Ministerie;Jaar;Periode van;Periode tot;Indicator;Waarde;Eenheid;Toelichting;Rapportagedatum
                    SR-1;Schoonmaak BV;;AZ;2023;;;participation_jobs;900;banen;;15-01-2024
                    SR-2;Catering BV;;BZ;2023;;;participation_jobs;450;banen;;15-01-2024
                    """);
            new SourceFileLoader(w, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()),
                    dir.resolve("work")).load(results, null, "r-1");
            w.models().buildAll();

            ReportData data = ReportAssembler.assemble(w, "run-test");
            DepartmentPage az = data.departments().stream().filter(d -> d.code().equals("AZ")).findFirst().orElseThrow();

            // AZ energy: 375,001 x 106.1/126.1 (2023 euros in 2019 euros) x 0.282692 kg CO2-eq per euro (the group average:
            // no 2019 spend is loaded, so nothing is calibrated), between 250,001 x .. x 0.7 and 500,000 x .. x 1.3
            FootprintRow energy = row(az, "energy");
            assertThat(energy.year()).isEqualTo(2023);
            assertThat(energy.co2MidKg()).isEqualByComparingTo("89196.177");
            assertThat(energy.co2MinKg()).isEqualByComparingTo("41624.938");
            assertThat(energy.co2MaxKg()).isEqualByComparingTo("154606.295");
            assertThat(energy.factorSource()).startsWith("KPMG 2019 via evaluation Figure 1 (group_average: reference year 2019 has no spend");
            assertThat(row(az, "total").highImpactSharePct()).isEqualByComparingTo("93.233");
            assertThat(az.footprint()).extracting(FootprintRow::segment)
                    .containsExactly("civil_works", "communication", "energy", "total");
            assertThat(az.footprint()).allSatisfy(f -> assertThat(f.factorSource()).isNotBlank());
            assertThat(data.rijk().footprint()).extracting(FootprintRow::segment).contains("energy", "total");

            // social return is split over the departments by spend: AZ is judged on its own 1,099 of the 1,500 jobs
            ProgressSeries jobs = goal(az, "social_return_jobs");
            assertThat(jobs.allocated()).isTrue();
            assertThat(jobs.targetValue()).isEqualByComparingTo("1099");
            assertThat(goal(data.rijk(), "social_return_jobs").allocated()).isFalse();
            // a goal every department is judged on against the same trajectory is not a share of anything
            assertThat(goal(az, "energy_renewable_electricity_share").allocated()).isFalse();

            new ReportRenderer().render(data, dir.resolve("report"));
            String page = Files.readString(dir.resolve("report/AZ.html"), StandardCharsets.UTF_8);
            assertThat(page).contains("Aandeel in rijksdoel 2023: 1.099 jobs", "Share of the government-wide target 2023: 1.099 jobs",
                    "<span class=\"nl\">Energie</span>", ">89,2<", "41,6 – 154,6", "93,2%",
                    "KPMG 2019 via evaluation Figure 1 (group_average");
            // the department's share, its basis and the status of the allocation (no register entry: computed, indicative)
            assertThat(page).contains("Aandeel van Ministerie van Algemene Zaken in het rijksdoel (2023): 73,3%",
                    "Status: berekend uit de voetafdruk van het jaar, niet vastgesteld: indicatief, geen oordeel op of achter koers",
                    "Basis: berekend uit spend 2023 binnen de strategie (grootste-restmethode); niet vastgesteld");
            assertThat(Files.readString(dir.resolve("report/RIJK.html"), StandardCharsets.UTF_8))
                    .contains("Doel 2023: 1.500 jobs", "Aansluiting met Figuur 1 van de evaluatie", "Totaal zoals Figuur 1 het noemt",
                            "niet gekalibreerd: referentiejaar 2019 niet geladen")
                    .doesNotContain("Aandeel in rijksdoel");
        }
    }

    @Test
    void interimGoalIsShownAsAGoalNeverAsABaselineAndEveryStatusHasItsReason() throws IOException {
        try (Warehouse w = TestProject.warehouse(dir)) {
            Path results = dir.resolve("results.csv");
            // Fleet 16.8% (2021), 19.1% (2022), 24.8% (2023); renewable electricity 85.6% in 2023.
            Files.writeString(results, """
                    Contractnummer;Leverancier;KvK-nummer;Ministerie;Jaar;Periode van;Periode tot;Indicator;Waarde;Eenheid;Toelichting;Rapportagedatum
                    L-1;Lease BV;;DEF;2021;;;fleet_vehicles;1000;voertuigen;;15-02-2022
                    L-1;Lease BV;;DEF;2021;;;fleet_zero_emission_vehicles;168;voertuigen;;15-02-2022
                    L-1;Lease BV;;DEF;2022;;;fleet_vehicles;1000;voertuigen;;15-02-2023
                    L-1;Lease BV;;DEF;2022;;;fleet_zero_emission_vehicles;191;voertuigen;;15-02-2023
                    L-1;Lease BV;;DEF;2023;;;fleet_vehicles;1000;voertuigen;;15-02-2024
                    L-1;Lease BV;;DEF;2023;;;fleet_zero_emission_vehicles;248;voertuigen;;15-02-2024
                    E-1;Energie BV;;DEF;2023;;;electricity_use;1000;MWh;;15-01-2024
                    E-1;Energie BV;;DEF;2023;;;electricity_renewable;856;MWh;;15-01-2024
                    G-1;Gas 1 BV;;DEF;2022;;;gas_use;100;m3;;15-01-2023
                    G-2;Gas 2 BV;;DEF;2022;;;gas_use;100;m3;;15-01-2023
                    G-3;Gas 3 BV;;DEF;2022;;;gas_use;100;m3;;15-01-2023
                    G-4;Gas 4 BV;;DEF;2022;;;gas_use;100;m3;;15-01-2023
                    G-5;Gas 5 BV;;DEF;2022;;;gas_use;100;m3;;15-01-2023
                    G-1;Gas 1 BV;;DEF;2023;;;gas_use;100;m3;;15-01-2024
                    G-2;Gas 2 BV;;DEF;2023;;;gas_use;100;m3;;15-01-2024
                    G-3;Gas 3 BV;;DEF;2023;;;gas_use;100;m3;;15-01-2024
                    G-4;Gas 4 BV;;DEF;2023;;;gas_use;100;m3;;15-01-2024
                    """);
            new SourceFileLoader(w, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()),
                    dir.resolve("work")).load(results, null, "r-1");
            w.models().buildAll();

            ReportData data = ReportAssembler.assemble(w, "run-test");
            DepartmentPage def = data.departments().stream().filter(d -> d.code().equals("DEF")).findFirst().orElseThrow();
            ProgressSeries fleet = goal(def, "transport_fleet_zero_emission");
            assertThat(fleet.baselineYear()).isNull();
            assertThat(fleet.milestones()).extracting(m -> m.year() + ": " + m.value().stripTrailingZeros().toPlainString())
                    .containsExactly("2020: 20");
            assertThat(fleet.points()).extracting(p -> p.year() + " " + p.trajectory().stripTrailingZeros().toPlainString() + " " + p.status())
                    .containsExactly("2021 30 off_track", "2022 40 off_track", "2023 50 off_track");

            new ReportRenderer().render(data, dir.resolve("report"));
            String page = Files.readString(dir.resolve("report/DEF.html"), StandardCharsets.UTF_8);
            String card = card(page, "Wagenpark 20% emissievrij in 2020 en 100% in 2028");
            assertThat(card).contains("Tussendoel 2020: 20% (een doel, geen meting)", "Interim goal 2020: 20% (a goal, not a measurement)",
                    "niet op koers", "24,8%: 25,2 procentpunt te kort op het traject van 50% voor 2023", "class=\"milestone\"");
            assertThat(card.toLowerCase(java.util.Locale.ROOT)).doesNotContain("nulmeting", "baseline");
            assertThat(card(page, "100% hernieuwbare elektriciteit in 2030")).contains("onder doel",
                    "85,6% tegen doel 100% in 2030: 14,4 procentpunt te kort; geen nulmeting, dus geen traject");
            // Rijkswaterstaat's goals concern IenW only; qualitative goals say what is monitored instead.
            assertThat(card(page, "Netwerk Rijkswaterstaat energieneutraal in 2030")).contains("n.v.t.", "doel geldt alleen voor IenW")
                    .doesNotContain("<svg");
            assertThat(card(page, "Volledig circulair in 2050")).contains("geen meetbaar doel", "gevolgd wordt: primaire grondstoffen");
            assertThat(card(page, "Alle ICT-hardware voldoet aan actuele Energy Star")).contains("Doel 2030 (jaar aangenomen): 100%", "Target 2030 (year assumed): 100%");
            // Coverage: 4 of the 5 gas contracts of 2022 reported for 2023 (80%, below 90%): the row is flagged, no verdict.
            assertThat(def.goalCoverage()).filteredOn(c -> c.goalId().equals("energy_gas_use_reduction"))
                    .extracting(c -> c.year() + " " + c.reportingContracts() + " " + c.expectedReporting() + "/" + c.expectedContracts() + " " + c.status())
                    .containsExactly("2022 5 0/0 no_baseline", "2023 4 4/5 insufficient_coverage");
            String coverage = page.substring(page.indexOf("<table class=\"coverage goal-coverage\">"));
            coverage = coverage.substring(0, coverage.indexOf("</table>"));
            assertThat(coverage).contains("<td class=\"num\">4 / 5</td>", "onvoldoende dekking", "class=\"no\"");
            // Real (non-sample) files: no sample-data banner.
            assertThat(data.sampleData()).isFalse();
            assertThat(page).doesNotContain("Voorbeelddata");
            // The appendix explains every status, in the order they are decided.
            assertThat(page).contains("<section id=\"statussen\"", "data-status=\"insufficient_coverage\"", "onvoldoende dekking",
                    "data-status=\"period_ended_missed\"", "data-status=\"not_measurable\"");
        }
    }

    /** The effect-goal card whose heading names {@code goal}. */
    @Test
    void trendAcrossAReorganisationShowsBothCodesWithANote() throws IOException {
        try (Warehouse w = TestProject.warehouse(dir)) {
            Path results = dir.resolve("results.csv");
            // The same lease contract reports for LNV in 2023 (40 of 100 vehicles zero-emission) and, in a 2025 file that
            // still says "Landbouw", 60 of 100: LNV is LVVN since 2024 (config/reference/departments.csv).
            Files.writeString(results, """
                    Contractnummer;Leverancier;KvK-nummer;Ministerie;Jaar;Periode van;Periode tot;Indicator;Waarde;Eenheid;Toelichting;Rapportagedatum
                    L-1;Lease BV;;LNV;2023;;;fleet_vehicles;100;voertuigen;;15-02-2024
                    L-1;Lease BV;;LNV;2023;;;fleet_zero_emission_vehicles;40;voertuigen;;15-02-2024
                    L-1;Lease BV;;Landbouw;2025;;;fleet_vehicles;100;voertuigen;;15-02-2026
                    L-1;Lease BV;;Landbouw;2025;;;fleet_zero_emission_vehicles;60;voertuigen;;15-02-2026
                    """);
            new SourceFileLoader(w, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()),
                    dir.resolve("work")).load(results, null, "r-1");
            w.models().buildAll();
            assertThat(w.query("SELECT DISTINCT department_code || ' ' || year FROM staging.result_record ORDER BY 1", rs -> rs.getString(1)))
                    .containsExactly("LNV 2023", "LVVN 2025");

            ReportData data = ReportAssembler.assemble(w, "run-test");
            DepartmentPage lvvn = data.departments().stream().filter(d -> d.code().equals("LVVN")).findFirst().orElseThrow();
            DepartmentPage lnv = data.departments().stream().filter(d -> d.code().equals("LNV")).findFirst().orElseThrow();
            // Each page runs across 2024; a year under the other code carries that code.
            assertThat(goal(lvvn, "transport_fleet_zero_emission").points()).filteredOn(p -> p.actual() != null)
                    .extracting(p -> p.year() + " " + p.departmentCode() + " " + p.actual().stripTrailingZeros().toPlainString())
                    .containsExactly("2023 LNV 40", "2025 null 60");
            assertThat(goal(lnv, "transport_fleet_zero_emission").points()).filteredOn(p -> p.actual() != null)
                    .extracting(p -> p.year() + " " + p.departmentCode())
                    .containsExactly("2023 null", "2025 LVVN");
            assertThat(lvvn.reorganisations()).extracting(Text::nl).containsExactly(
                    "LVVN: Sinds 2024 de naam van LNV; de cijfers tot en met 2024 staan onder LNV",
                    "LNV: LNV bestond (opnieuw) van 2017 tot 2024: van 2010 tot 2017 was het deel van EZ, sinds 2024 heet het LVVN");

            new ReportRenderer().render(data, dir.resolve("report"));
            String page = Files.readString(dir.resolve("report/LVVN.html"), StandardCharsets.UTF_8);
            assertThat(page).contains("class=\"reorganisations\"", "Sinds 2024 de naam van LNV", "The name of LNV since 2024");
            assertThat(card(page, "Wagenpark 20% emissievrij in 2020 en 100% in 2028")).contains("<td>2023 (LNV)</td>", "<td>2025</td>",
                    "<title>2023 (LNV): ");
        }
    }

    private static String card(String page, String goal) {
        int heading = page.indexOf(goal + "</span>");
        assertThat(heading).as(goal).isPositive();
        int start = page.lastIndexOf("<article class=\"card\"", heading);
        return page.substring(start, page.indexOf("</article>", heading));
    }

    /** All bundled samples through the real marts into the report; the pages land in target/report-samples/. */
    @Test
    void bundledSamplesGiveAFootprintOnEveryDepartmentPage() throws IOException {
        try (Warehouse w = TestProject.warehouseWithSamples(dir)) {

            ReportData data = ReportAssembler.assemble(w, "run-samples");
            List<Path> files = new ReportRenderer().render(data, SAMPLE_REPORT);

            // index, a page per department and RIJK, and one per procurement category: the samples' MVI-ZET files name
            // all eleven categories of config/reference/rijksinkoopcategorieen.csv
            assertThat(data.categories()).hasSize(11);
            assertThat(files).hasSize(data.departments().size() + 2 + data.categories().size());
            // every bundled sample is listed in config/reference/sample_files.csv: the publication is marked as such
            assertThat(data.sampleData()).isTrue();
            assertThat(Files.readString(SAMPLE_REPORT.resolve("index.html"), StandardCharsets.UTF_8)).contains("Voorbeelddata — geen echte cijfers.");
            assertThat(data.departments()).anySatisfy(d -> assertThat(d.effectGoals()).anyMatch(ProgressSeries::allocated));
            assertThat(data.rijk().effectGoals()).noneMatch(ProgressSeries::allocated);
            // the departments' shares of the latest year add up to the government-wide target (1,500 jobs in 2023),
            // also where a department had no spend, so no share, in an earlier year
            BigDecimal shares = BigDecimal.ZERO;
            for (DepartmentPage d : data.departments()) {
                ProgressSeries jobs = goal(d, "social_return_jobs");
                assertThat(jobs.allocated()).as(d.code()).isTrue();
                shares = shares.add(jobs.targetValue());
            }
            assertThat(shares).isEqualByComparingTo(goal(data.rijk(), "social_return_jobs").targetValue());
            for (DepartmentPage d : ReportPages.allPages(data)) {
                boolean footprint = d.footprint().stream().anyMatch(f -> f.year() == data.latestYear());
                String html = Files.readString(SAMPLE_REPORT.resolve(d.code() + ".html"), StandardCharsets.UTF_8);
                assertThat(html).as(d.code()).contains("<section id=\"voetafdruk\"", "class=\"group-np\"",
                        "Voorbeelddata — geen echte cijfers.", "Sample data — not real figures.");
                if (footprint) {
                    assertThat(html).as(d.code()).contains("<ol class=\"notes\">", "KPMG 2019 via evaluation Figure 1");
                }
            }
            assertThat(data.rijk().footprint()).anyMatch(f -> f.year() == data.latestYear() && f.segment().equals("total")
                    && f.co2MidKg().compareTo(BigDecimal.ZERO) > 0);
        }
    }

    private static FootprintRow row(DepartmentPage page, String segment) {
        return page.footprint().stream().filter(f -> f.segment().equals(segment)).findFirst().orElseThrow();
    }

    private static ProgressSeries goal(DepartmentPage page, String goalId) {
        return page.effectGoals().stream().filter(g -> g.goalId().equals(goalId)).findFirst().orElseThrow();
    }
}
