package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the HTML progress report shows, read from the marts once per publication. Amounts are whole euros;
 * shares are percentages; a null maximum means no upper bound is known (staffel 13); a null value is missing data.
 * {@code sampleData}: a bundled sample file (ref.sample_file) was loaded, so the figures are not real. {@code labels}:
 * the names of spend classes, impact segments and themes (config/reference). {@code runId}: the publication's data
 * version; not shown on pages (it changes with every load, and a page is re-rendered only when what it shows changes).
 */
public record ReportData(
        String runId,
        int latestYear,
        List<Integer> years,
        List<DepartmentPage> departments,
        DepartmentPage rijk,
        List<LeaderLaggard> leadersLaggards,
        List<DictionaryEntry> dataDictionary,
        boolean sampleData,
        List<ReconciliationRow> reconciliation,
        ReportLabels labels,
        List<CategoryPage> categories) {

    /** A report without labels for codes (each code shown as itself) and without category pages. */
    public ReportData(String runId, int latestYear, List<Integer> years, List<DepartmentPage> departments, DepartmentPage rijk,
                      List<LeaderLaggard> leadersLaggards, List<DictionaryEntry> dataDictionary, boolean sampleData,
                      List<ReconciliationRow> reconciliation) {
        this(runId, latestYear, years, departments, rijk, leadersLaggards, dataDictionary, sampleData, reconciliation, ReportLabels.none(),
                List.of());
    }

    /** The same report with the names of config/reference for its codes. */
    public ReportData withLabels(ReportLabels newLabels) {
        return new ReportData(runId, latestYear, years, departments, rijk, leadersLaggards, dataDictionary, sampleData, reconciliation,
                newLabels, categories);
    }

    /** The same report with these category pages. */
    public ReportData withCategories(List<CategoryPage> newCategories) {
        return new ReportData(runId, latestYear, years, departments, rijk, leadersLaggards, dataDictionary, sampleData, reconciliation,
                labels, newCategories);
    }

    /** A report on real data (no bundled sample file loaded). */
    public ReportData(String runId, int latestYear, List<Integer> years, List<DepartmentPage> departments, DepartmentPage rijk,
                      List<LeaderLaggard> leadersLaggards, List<DictionaryEntry> dataDictionary) {
        this(runId, latestYear, years, departments, rijk, leadersLaggards, dataDictionary, false);
    }

    /** A report without the reconciliation with Figure 1. */
    public ReportData(String runId, int latestYear, List<Integer> years, List<DepartmentPage> departments, DepartmentPage rijk,
                      List<LeaderLaggard> leadersLaggards, List<DictionaryEntry> dataDictionary, boolean sampleData) {
        this(runId, latestYear, years, departments, rijk, leadersLaggards, dataDictionary, sampleData, List.of());
    }

    /**
     * One line of the reconciliation with the evaluation's Figure 1 (marts.footprint_reconciliation): a segment, the sum
     * of the segments, or Figure 1's stated total; kt; {@code projectCo2Kt} null when the reference year is not loaded.
     */
    public record ReconciliationRow(String segment, int referenceYear, BigDecimal figure1Co2Kt, BigDecimal projectCo2Kt,
                                    BigDecimal differenceCo2Kt, BigDecimal differencePct, BigDecimal figure1MaterialKt,
                                    BigDecimal projectMaterialKt, String calibration, String note) {
    }

    /**
     * A department's part of a split government-wide goal in the latest year that has one: its share, status (adopted,
     * proposal, computed), basis in words, and when and by whom it was adopted (null unless adopted).
     */
    public record AllocationInfo(int year, BigDecimal sharePct, String status, String basis, java.time.LocalDate adoptedOn,
                                 String adoptedBy) {
    }

    /** One department's page (the whole government uses the same shape with code RIJK). */
    public record DepartmentPage(
            String code,
            String nameNl,
            String nameEn,
            List<SpendYear> spend,
            List<InputGoalRow> inputGoals,
            List<ProgressSeries> effectGoals,
            List<CoverageRow> coverage,
            List<FootprintRow> footprint,
            List<GoalCoverageRow> goalCoverage,
            List<Text> reorganisations) {

        /** A page without reorganisations to mention. */
        public DepartmentPage(String code, String nameNl, String nameEn, List<SpendYear> spend, List<InputGoalRow> inputGoals,
                              List<ProgressSeries> effectGoals, List<CoverageRow> coverage, List<FootprintRow> footprint,
                              List<GoalCoverageRow> goalCoverage) {
            this(code, nameNl, nameEn, spend, inputGoals, effectGoals, coverage, footprint, goalCoverage, List.of());
        }

        /** A page without per-goal coverage of supplier reports. */
        public DepartmentPage(String code, String nameNl, String nameEn, List<SpendYear> spend, List<InputGoalRow> inputGoals,
                              List<ProgressSeries> effectGoals, List<CoverageRow> coverage, List<FootprintRow> footprint) {
            this(code, nameNl, nameEn, spend, inputGoals, effectGoals, coverage, footprint, List.of());
        }
    }

    /**
     * How many of the contracts expected to report on a goal did in a year (effect_goal_department_year): a falling
     * total means little when fewer suppliers reported. {@code coveragePct} null: no contract was expected yet.
     */
    public record GoalCoverageRow(int year, String goalId, String nameNl, String nameEn, long reportingContracts,
                                  long reportingSuppliers, long expectedContracts, long expectedReporting,
                                  BigDecimal coveragePct, BigDecimal minCoveragePct, String status) {
    }

    /** Spend of one year and class (generic, specific, unclassified, total) as a range with the report's midpoint. */
    public record SpendYear(int year, String spendClass, long minEur, long midEur, Long maxEur) {
    }

    /** One input goal (I-IV) in one year. */
    public record InputGoalRow(int year, String goalId, String nameNl, String nameEn, Long numerator, Long denominator,
                               Long undetermined, BigDecimal sharePct, BigDecimal targetPct, String status) {
    }

    /**
     * One effect goal over the years, with the straight-line trajectory from baseline to target. {@code allocated}: a
     * government-wide goal split over departments, so on a department page baseline, target and trajectory are the
     * department's own part of the government-wide ones (evaluation 8.2.6); never set on the RIJK page.
     */
    public record ProgressSeries(String goalId, String nameNl, String nameEn, String themeStrategy, String themeNationalPlan,
                                 String unit, String direction, Integer baselineYear, BigDecimal baselineValue,
                                 Integer targetYear, BigDecimal targetValue, String latestStatus, List<ProgressPoint> points,
                                 boolean allocated, List<Milestone> milestones, boolean targetYearAssumed,
                                 AllocationInfo allocationInfo) {

        /** A series without a recorded allocation status. */
        public ProgressSeries(String goalId, String nameNl, String nameEn, String themeStrategy, String themeNationalPlan,
                              String unit, String direction, Integer baselineYear, BigDecimal baselineValue,
                              Integer targetYear, BigDecimal targetValue, String latestStatus, List<ProgressPoint> points,
                              boolean allocated, List<Milestone> milestones, boolean targetYearAssumed) {
            this(goalId, nameNl, nameEn, themeStrategy, themeNationalPlan, unit, direction, baselineYear, baselineValue,
                    targetYear, targetValue, latestStatus, points, allocated, milestones, targetYearAssumed, null);
        }

        /** A series without interim goals whose target year is given by the strategy. */
        public ProgressSeries(String goalId, String nameNl, String nameEn, String themeStrategy, String themeNationalPlan,
                              String unit, String direction, Integer baselineYear, BigDecimal baselineValue,
                              Integer targetYear, BigDecimal targetValue, String latestStatus, List<ProgressPoint> points,
                              boolean allocated) {
            this(goalId, nameNl, nameEn, themeStrategy, themeNationalPlan, unit, direction, baselineYear, baselineValue,
                    targetYear, targetValue, latestStatus, points, allocated, List.of(), false);
        }

        /** The latest year's point, whose status and reason the goal's badge shows; null without points. */
        public ProgressPoint latest() {
            return points.isEmpty() ? null : points.get(points.size() - 1);
        }
    }

    /** An interim goal (config/targets.yaml milestones): a target on the way, never a measurement. */
    public record Milestone(int year, BigDecimal value) {
    }

    /**
     * One year of an effect goal; the reason is the mart's sentence for the status (null in older fixtures).
     * {@code departmentCode}: the code the figure is published under, when it is not the page's own (a year before or
     * after a reorganisation, config/reference/departments.csv); null otherwise.
     */
    public record ProgressPoint(int year, BigDecimal actual, BigDecimal trajectory, String status, String reasonNl,
                                String reasonEn, String departmentCode) {

        public ProgressPoint(int year, BigDecimal actual, BigDecimal trajectory, String status, String reasonNl, String reasonEn) {
            this(year, actual, trajectory, status, reasonNl, reasonEn, null);
        }

        public ProgressPoint(int year, BigDecimal actual, BigDecimal trajectory, String status) {
            this(year, actual, trajectory, status, null, null);
        }
    }

    /**
     * Spend-based footprint of one year and impact segment ('total' for the department-year as a whole), in kg: the
     * range follows the spend range ({@code co2MaxKg == null}: unbounded, staffel 13). The high-impact share is given
     * on total rows only; factorSource names the intensities used (source, factor group, reference year).
     */
    public record FootprintRow(int year, String segment, BigDecimal co2MinKg, BigDecimal co2MidKg, BigDecimal co2MaxKg,
                               BigDecimal materialMidKg, BigDecimal highImpactSharePct, String factorSource) {
    }

    /**
     * Which sources arrived for a department in a year; for spend also the file that supplies it and the files that
     * file superseded (NULL on the government-wide page).
     */
    public record CoverageRow(int year, boolean hasSpend, boolean hasMviZet, boolean hasSupplierResults,
                              long spendLines, long tenders, long supplierResults, String spendFile, String spendSupersededFiles) {

        public CoverageRow(int year, boolean hasSpend, boolean hasMviZet, boolean hasSupplierResults, long spendLines, long tenders,
                           long supplierResults) {
            this(year, hasSpend, hasMviZet, hasSupplierResults, spendLines, tenders, supplierResults, null, null);
        }
    }

    /**
     * A department's position on one goal in one year: gap to its trajectory (effect) or target (input); ranked only
     * among departments judged against the same {@code targetKind} (department_target, allocated_part, input_share_target).
     */
    public record LeaderLaggard(String goalId, String goalNameNl, String goalNameEn, int year, String departmentCode,
                                BigDecimal gap, String unit, int rank, String position, String targetKind) {

        public LeaderLaggard(String goalId, String goalNameNl, String goalNameEn, int year, String departmentCode, BigDecimal gap,
                             String unit, int rank, String position) {
            this(goalId, goalNameNl, goalNameEn, year, departmentCode, gap, unit, rank, position, "department_target");
        }
    }

    /** One published column and what it means (the report's appendix). */
    public record DictionaryEntry(String table, String column, String description) {
    }
}
