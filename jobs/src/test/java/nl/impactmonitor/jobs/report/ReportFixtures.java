package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
import java.util.List;

import nl.impactmonitor.jobs.report.ReportData.CoverageRow;
import nl.impactmonitor.jobs.report.ReportData.DepartmentPage;
import nl.impactmonitor.jobs.report.ReportData.DictionaryEntry;
import nl.impactmonitor.jobs.report.ReportData.InputGoalRow;
import nl.impactmonitor.jobs.report.ReportData.LeaderLaggard;
import nl.impactmonitor.jobs.report.ReportData.ProgressPoint;
import nl.impactmonitor.jobs.report.ReportData.ProgressSeries;
import nl.impactmonitor.jobs.report.ReportData.SpendYear;

/**
 * A small report by hand: AZ and IenW plus the whole government, 2023 and 2024. Spend figures follow the evaluation's
 * Table 1 (AZ EUR 80 mln, IenW EUR 4,840 mln in 2023); AZ 2024 includes a staffel-13 amount, so its maximum is unknown.
 * AZ's Dutch name carries markup characters to prove that everything is escaped.
 */
final class ReportFixtures {

    static final String AZ_NAME_NL = "Algemene Zaken <b>&";

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
                List.of(climateNeutral("no_baseline", "1200.5", "1100"), renewableElectricity("on_track", "62.0", null)),
                List.of(new CoverageRow(2023, true, true, true, 812, 40, 25),
                        new CoverageRow(2024, true, false, false, 790, 0, 0)));

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
                List.of(climateNeutral("no_baseline", "250000", "240000"), renewableElectricity("off_track", "55.0", "58.0")),
                List.of(new CoverageRow(2023, true, true, true, 15_234, 100, 410),
                        new CoverageRow(2024, true, true, true, 15_901, 112, 455)));

        DepartmentPage rijk = new DepartmentPage("RIJK", "Rijksoverheid", "Central government",
                List.of(spend(2023, "total", 4660, 4920, 5200L),
                        spend(2024, "total", 4885, 5170, null)),
                List.of(input(2024, "I", 82L, 152L, 11L, "53.9", "50", "on_target")),
                List.of(climateNeutral("not_allocated", "251200.5", "241100")),
                List.of(new CoverageRow(2023, true, true, true, 16_046, 140, 435),
                        new CoverageRow(2024, true, true, true, 16_691, 112, 455)));

        List<LeaderLaggard> leaders = List.of(
                new LeaderLaggard("input_I", "Inspanningsdoel I: MVI-criteria", "Input goal I: MVI criteria", 2024, "IenW",
                        new BigDecimal("12.500"), "%", 1, "leader"),
                new LeaderLaggard("input_I", "Inspanningsdoel I: MVI-criteria", "Input goal I: MVI criteria", 2024, "AZ",
                        new BigDecimal("-20.000"), "%", 2, "laggard"));

        List<DictionaryEntry> dictionary = List.of(
                new DictionaryEntry("spend_by_department_year", "spend_mid_eur", "Midpoint of the spend bands, whole euros"),
                new DictionaryEntry("spend_by_department_year", "spend_max_eur", "Upper bound; empty where staffel 13 has none"));

        return new ReportData("run-2025-03-01-fixture", 2024, List.of(2023, 2024), List.of(az, ienw), rijk, leaders, dictionary);
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
                        new ProgressPoint(2024, new BigDecimal(actual2024), null, status)));
    }

    /** 100% renewable electricity in 2030 from a 2019 baseline of 40%; 2024 may be missing (no_data). */
    private static ProgressSeries renewableElectricity(String status2023, String actual2023, String actual2024) {
        String status2024 = actual2024 == null ? "no_data" : "off_track";
        return new ProgressSeries("energy_electricity_renewable", "Elektriciteit 100% hernieuwbaar in 2030",
                "Electricity 100% renewable in 2030", "climate", "climate", "%", "increase", 2019, new BigDecimal("40"),
                2030, new BigDecimal("100"), status2024, List.of(
                        new ProgressPoint(2023, new BigDecimal(actual2023), new BigDecimal("61.8"), status2023),
                        new ProgressPoint(2024, actual2024 == null ? null : new BigDecimal(actual2024),
                                new BigDecimal("67.3"), status2024)));
    }
}
