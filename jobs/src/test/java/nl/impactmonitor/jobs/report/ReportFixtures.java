package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.report.ReportData.CoverageRow;
import nl.impactmonitor.jobs.report.ReportData.DepartmentPage;
import nl.impactmonitor.jobs.report.ReportData.DictionaryEntry;
import nl.impactmonitor.jobs.report.ReportData.FootprintRow;
import nl.impactmonitor.jobs.report.ReportData.InputGoalRow;
import nl.impactmonitor.jobs.report.ReportData.LeaderLaggard;
import nl.impactmonitor.jobs.report.ReportData.ProgressPoint;
import nl.impactmonitor.jobs.report.ReportData.ProgressSeries;
import nl.impactmonitor.jobs.report.ReportData.SpendYear;

/**
 * A small report by hand: AZ and IenW plus the whole government, 2023 and 2024. Spend figures follow the evaluation's
 * Table 1 (AZ EUR 80 mln, IenW EUR 4,840 mln in 2023); AZ 2024 includes a staffel-13 amount, so its maximum is unknown.
 * AZ's Dutch name carries markup characters to prove that everything is escaped. Footprints follow the intensities of
 * config/reference/impact_factors.csv; AZ 2024 has no maximum (its specific spend is unbounded), IenW's is large
 * enough to be shown in kilotonnes. Social return is a government-wide goal split over the departments (allocated);
 * ISV has different themes in the two theme sets; innovation has no National Plan theme (RIJK only).
 */
final class ReportFixtures {

    static final String AZ_NAME_NL = "Algemene Zaken <b>&";

    static final String CATEGORY_MANAGEMENT = "KPMG 2019 via evaluation Figure 1 (category_management, 2019, EUR 2019 spend)";
    static final String SPECIFIC = "KPMG 2019 via evaluation Figure 1 (specific, 2019, EUR 2019 spend)";
    /** The fallback source holds "; " itself, as config/reference/impact_factors.csv has it. */
    static final String FALLBACK = "RIVM all-government average; material from Figure 1 total (fallback, 2019, EUR spend)";

    private ReportFixtures() {
    }

    static ReportData report() {
        DepartmentPage az = new DepartmentPage("AZ", AZ_NAME_NL, "General Affairs <b>&",
                List.of(
                        spend(2023, "generic", 30, 40, 50L), spend(2023, "specific", 30, 40, 50L),
                        spend(2023, "total", 60, 80, 100L),
                        spend(2024, "generic", 35, 45, 55L), spend(2024, "specific", 150, 175, null),
                        spend(2024, "total", 185, 220, null)),
                List.of(
                        input(2023, "I", 10L, 40L, 2L, "25.0", "50", "below_target"),
                        input(2024, "I", 12L, 40L, 3L, "30.0", "50", "below_target"),
                        input(2023, "II", 5L, 8L, 0L, "62.5", "50", "on_target"),
                        input(2024, "II", null, null, null, null, "50", "no_data")),
                List.of(climateNeutral("no_baseline", "1200.5", "1100"), renewableElectricity("on_track", "62.0", null),
                        isvRiskContracts("no_baseline", "40.0"), socialReturnJobs(true, "1099", "400", "612")),
                List.of(new CoverageRow(2023, true, true, true, 812, 40, 25),
                        new CoverageRow(2024, true, false, false, 790, 0, 0)),
                AZ_FOOTPRINT);

        DepartmentPage ienw = new DepartmentPage("IenW", "Infrastructuur en Waterstaat", "Infrastructure and Water Management",
                List.of(
                        spend(2023, "generic", 1000, 1070, 1150L),
                        spend(2023, "specific", 3600, 3770, 3950L),
                        spend(2023, "total", 4600, 4840, 5100L),
                        spend(2024, "total", 4700, 4950, 5200L)),
                List.of(
                        input(2023, "I", 60L, 100L, 10L, "60.0", "50", "on_target"),
                        input(2024, "I", 70L, 112L, 8L, "62.5", "50", "on_target"),
                        input(2024, "II", 3L, 9L, 1L, "33.3", "50", "below_target")),
                List.of(climateNeutral("no_baseline", "250000", "240000"), renewableElectricity("off_track", "55.0", "58.0"),
                        isvRiskContracts("no_baseline", "75.0"), socialReturnJobs(true, "401", "130", "200")),
                List.of(new CoverageRow(2023, true, true, true, 15_234, 100, 410),
                        new CoverageRow(2024, true, true, true, 15_901, 112, 455)),
                IENW_FOOTPRINT);

        DepartmentPage rijk = new DepartmentPage("RIJK", "Rijksoverheid", "Central government",
                List.of(spend(2023, "total", 4660, 4920, 5200L),
                        spend(2024, "total", 4885, 5170, null)),
                List.of(input(2024, "I", 82L, 152L, 11L, "53.9", "50", "on_target")),
                List.of(climateNeutral("not_allocated", "251200.5", "241100"), socialReturnJobs(false, "1500", "530", "812"),
                        innovationShare()),
                List.of(new CoverageRow(2023, true, true, true, 16_046, 140, 435),
                        new CoverageRow(2024, true, true, true, 16_691, 112, 455)),
                sum(AZ_FOOTPRINT, IENW_FOOTPRINT));

        List<LeaderLaggard> leaders = List.of(
                new LeaderLaggard("input_I", "Inspanningsdoel I: MVI-criteria", "Input goal I: MVI criteria", 2024, "IenW",
                        new BigDecimal("12.500"), "%", 1, "leader", "input_share_target"),
                new LeaderLaggard("input_I", "Inspanningsdoel I: MVI-criteria", "Input goal I: MVI criteria", 2024, "AZ",
                        new BigDecimal("-20.000"), "%", 2, "laggard", "input_share_target"));

        List<DictionaryEntry> dictionary = List.of(
                new DictionaryEntry("spend_by_department_year", "spend_mid_eur", "Midpoint of the spend bands, whole euros"),
                new DictionaryEntry("spend_by_department_year", "spend_max_eur", "Upper bound; empty where staffel 13 has none"));

        // invented figures: marked as sample data, as a publication from the bundled samples is
        return new ReportData("run-2025-03-01-fixture", 2024, List.of(2023, 2024), List.of(az, ienw), rijk, leaders, dictionary, true)
                .withLabels(ReportLabels.read(TestProject.DIR.resolve("config/reference")));
    }

    /**
     * AZ 2024 in kg: energy EUR 10 mln x 0.282692, facilities EUR 20 mln x 0.282692, other specific EUR 175 mln x 0.144561
     * (unbounded), unclassified EUR 15 mln x 0.258824. Only energy is a high-impact group: 2,826,920 / 37,661,295 = 7.506%.
     */
    static final List<FootprintRow> AZ_FOOTPRINT = List.of(
            footprint(2023, "energy", "2120190", "2826920", "3533650", "2623080", null, CATEGORY_MANAGEMENT),
            footprint(2023, "total", "2120190", "2826920", "3533650", "2623080", "100.000", CATEGORY_MANAGEMENT),
            footprint(2024, "energy", "2120190", "2826920", "3533650", "2623080", null, CATEGORY_MANAGEMENT),
            footprint(2024, "facilities", "4240380", "5653840", "7067300", "5246160", null, CATEGORY_MANAGEMENT),
            footprint(2024, "other_specific", "21684150", "25298175", null, "96679800", null, SPECIFIC),
            footprint(2024, "unclassified", "3235300", "3882360", "4529420", "3719010", null, FALLBACK),
            footprint(2024, "total", "31280020", "37661295", null, "108268050", "7.506",
                    CATEGORY_MANAGEMENT + "; " + FALLBACK + "; " + SPECIFIC));

    /** IenW 2024: civil works EUR 3,000 mln x 0.144561 and energy EUR 200 mln x 0.282692, both high-impact. */
    static final List<FootprintRow> IENW_FOOTPRINT = List.of(
            footprint(2024, "civil_works", "411998850", "433683000", "455367150", "1657368000", null, SPECIFIC),
            footprint(2024, "energy", "53711480", "56538400", "59365320", "52461600", null, CATEGORY_MANAGEMENT),
            footprint(2024, "total", "465710330", "490221400", "514732470", "1709829600", "100.000",
                    CATEGORY_MANAGEMENT + "; " + SPECIFIC));

    private static FootprintRow footprint(int year, String segment, String min, String mid, String max, String material,
                                          String highImpactShare, String source) {
        return new FootprintRow(year, segment, new BigDecimal(min), new BigDecimal(mid), max == null ? null : new BigDecimal(max),
                new BigDecimal(material), highImpactShare == null ? null : new BigDecimal(highImpactShare), source);
    }

    /** RIJK as the sum of the departments; its total's high-impact share is (59,365,320 + 433,683,000) / 527,882,695. */
    private static List<FootprintRow> sum(List<FootprintRow> a, List<FootprintRow> b) {
        Map<String, FootprintRow> sums = new TreeMap<>();
        List<FootprintRow> all = new ArrayList<>(a);
        all.addAll(b);
        for (FootprintRow f : all) {
            sums.merge(f.year() + "|" + f.segment(), f, (x, y) -> new FootprintRow(x.year(), x.segment(),
                    x.co2MinKg().add(y.co2MinKg()), x.co2MidKg().add(y.co2MidKg()),
                    x.co2MaxKg() == null || y.co2MaxKg() == null ? null : x.co2MaxKg().add(y.co2MaxKg()),
                    x.materialMidKg().add(y.materialMidKg()),
                    x.highImpactSharePct() == null ? null : new BigDecimal("93.400"),
                    x.factorSource().equals(y.factorSource()) ? x.factorSource()
                            : CATEGORY_MANAGEMENT + "; " + FALLBACK + "; " + SPECIFIC));
        }
        return List.copyOf(sums.values());
    }

    private static SpendYear spend(int year, String spendClass, long minMln, long midMln, Long maxMln) {
        long mln = 1_000_000L;
        return new SpendYear(year, spendClass, minMln * mln, midMln * mln, maxMln == null ? null : maxMln * mln);
    }

    private static InputGoalRow input(int year, String goal, Long numerator, Long denominator, Long undetermined,
                                      String share, String target, String status) {
        return new InputGoalRow(year, goal, "Inspanningsdoel " + goal, "Input goal " + goal, numerator, denominator,
                undetermined, share == null ? null : new BigDecimal(share), target == null ? null : new BigDecimal(target),
                status);
    }

    /** Table 2: climate-neutral procurement has no baseline in the strategy, so no trajectory and no target value. */
    private static ProgressSeries climateNeutral(String status, String actual2023, String actual2024) {
        return new ProgressSeries("climate_neutral_procurement", "Klimaatneutraal inkopen in 2030",
                "Climate-neutral procurement in 2030", "climate", "climate", "kg CO2-eq", "decrease", null, null, 2030,
                null, status, List.of(
                        new ProgressPoint(2023, new BigDecimal(actual2023), null, status),
                        new ProgressPoint(2024, new BigDecimal(actual2024), null, status)), false);
    }

    /** 100% renewable electricity in 2030 from a 2019 baseline of 40%; 2024 may be missing (no_data). */
    private static ProgressSeries renewableElectricity(String status2023, String actual2023, String actual2024) {
        String status2024 = actual2024 == null ? "no_data" : "off_track";
        return new ProgressSeries("energy_electricity_renewable", "Elektriciteit 100% hernieuwbaar in 2030",
                "Electricity 100% renewable in 2030", "climate", "climate", "%", "increase", 2019, new BigDecimal("40"),
                2030, new BigDecimal("100"), status2024, List.of(
                        new ProgressPoint(2023, new BigDecimal(actual2023), new BigDecimal("61.8"), status2023),
                        new ProgressPoint(2024, actual2024 == null ? null : new BigDecimal(actual2024),
                                new BigDecimal("67.3"), status2024)), false);
    }

    /**
     * Social return, 1,500 jobs government-wide by 2023 from 0 in 2014, split over the departments by spend: on a
     * department page target and trajectory are the department's own share ({@code allocated}).
     */
    private static ProgressSeries socialReturnJobs(boolean allocated, String target, String actual2023, String actual2024) {
        BigDecimal t = new BigDecimal(target);
        return new ProgressSeries("social_return_jobs", "1.500 banen via inkoop voor mensen met een arbeidsbeperking",
                "1,500 jobs through procurement for people with a work disability", "social_return", "social_return",
                "banen", "increase", 2014, BigDecimal.ZERO, 2023, t, "off_track", List.of(
                        new ProgressPoint(2023, new BigDecimal(actual2023), t, "off_track"),
                        new ProgressPoint(2024, new BigDecimal(actual2024), t, "off_track")), allocated);
    }

    /** A goal whose theme differs between the sets: ISV in Inkopen met Impact, ISV and chain responsibility in the plan. */
    private static ProgressSeries isvRiskContracts(String status, String actual2024) {
        return new ProgressSeries("isv_risk_contracts", "ISV toegepast in risicovolle contracten",
                "ISV applied in high-risk contracts", "isv", "isv_chain", "%", "increase", null, null, 2030,
                new BigDecimal("100"), status, List.of(new ProgressPoint(2024, new BigDecimal(actual2024), null, status)),
                false);
    }

    /** Innovation-oriented procurement has no theme of its own in the National Plan MVI. */
    private static ProgressSeries innovationShare() {
        return new ProgressSeries("innovation_share", "2,5% innovatiegericht inkopen", "2.5% innovation-oriented procurement",
                "innovation", null, "%", "increase", 2020, new BigDecimal("1.0"), 2030, new BigDecimal("2.5"), "on_track",
                List.of(new ProgressPoint(2024, new BigDecimal("1.9"), new BigDecimal("1.6"), "on_track")), false);
    }
}
