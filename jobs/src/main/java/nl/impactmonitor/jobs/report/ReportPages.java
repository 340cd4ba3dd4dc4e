package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * What each report page shows, worked out from {@link ReportData}: formatted numbers, status badges and chart
 * geometry, in a fixed order. The templates only lay it out.
 */
final class ReportPages {

    static final String TOTAL = "total";
    static final String RIJK = "RIJK";
    static final String UNCLASSIFIED = "unclassified";
    static final String OUTSIDE_SCOPE = "outside_strategy_scope";

    /** Footprints from 100,000 tonnes up are shown in kilotonnes. */
    private static final BigDecimal KILOTONNE_FROM_KG = new BigDecimal("100000000");

    private ReportPages() {
    }

    // ---------------------------------------------------------------- shared pieces

    record Link(String code, Text name, String href) {
    }

    /** A spend range: midpoint, minimum and maximum ({@code max == null}: no upper bound, staffel 13). */
    record SpendCell(boolean present, String mid, String min, String max) {

        static final SpendCell NONE = new SpendCell(false, null, null, null);

        static SpendCell of(SpendYear s) {
            return s == null ? NONE
                    : new SpendCell(true, Formats.eur(s.midEur()), Formats.eur(s.minEur()),
                            s.maxEur() == null ? null : Formats.eur(s.maxEur()));
        }

        public boolean unbounded() {
            return present && max == null;
        }
    }

    record StatusCount(Status status, int count) {
    }

    record CoverageCell(boolean present, String count) {
    }

    record CoverageView(int year, CoverageCell spend, CoverageCell mviZet, CoverageCell results, String spendFile,
                        String spendSupersededFiles) {

        static CoverageView of(CoverageRow row) {
            return new CoverageView(row.year(),
                    new CoverageCell(row.hasSpend(), Formats.count(row.spendLines())),
                    new CoverageCell(row.hasMviZet(), Formats.count(row.tenders())),
                    new CoverageCell(row.hasSupplierResults(), Formats.count(row.supplierResults())),
                    row.spendFile(), row.spendSupersededFiles());
        }
    }

    /**
     * One goal's supplier-report coverage in one year: reporting of expected contracts as a share, flagged when below
     * the goal's threshold (then the goal gets no verdict that year).
     */
    record GoalCoverageView(int year, Text name, String reporting, String suppliers, String expected, String share,
                            boolean low, Status status) {

        static GoalCoverageView of(ReportData.GoalCoverageRow r) {
            boolean low = r.coveragePct() != null && r.minCoveragePct() != null && r.coveragePct().compareTo(r.minCoveragePct()) < 0;
            return new GoalCoverageView(r.year(), new Text(r.nameNl(), r.nameEn()), Formats.count(r.reportingContracts()),
                    Formats.count(r.reportingSuppliers()),
                    r.expectedContracts() == 0 ? "–" : Formats.count(r.expectedReporting()) + " / " + Formats.count(r.expectedContracts()),
                    r.coveragePct() == null ? "–" : Formats.pct(r.coveragePct()), low, Status.of(r.status()));
        }
    }

    /** Goals under one theme heading, in the order of the page. */
    record ThemeGroup<T>(String code, Text name, Text count, List<T> goals) {
    }

    /**
     * The same goals grouped twice: by the themes of Inkopen met Impact and by those of the National Plan MVI. The page
     * shows one grouping; the reader switches with a checkbox (#theme-np), without JavaScript.
     */
    record ThemeGroups<T>(List<ThemeGroup<T>> strategy, List<ThemeGroup<T>> nationalPlan) {

        public boolean isEmpty() {
            return strategy.isEmpty();
        }
    }

    static <T> ThemeGroups<T> themeGroups(List<T> goals, Function<T, String> strategy, Function<T, String> nationalPlan,
                                           ReportLabels labels) {
        return new ThemeGroups<>(
                group(goals, strategy, List.copyOf(labels.strategyThemes().keySet()), new Text("Zonder thema", "No theme"), labels),
                group(goals, nationalPlan, List.copyOf(labels.nationalPlanThemes().keySet()),
                        new Text("Geen eigen thema in het Nationaal Plan MVI", "No theme of its own in the National Plan MVI"), labels));
    }

    private static <T> List<ThemeGroup<T>> group(List<T> goals, Function<T, String> theme, List<String> order, Text none,
                                                  ReportLabels labels) {
        Map<String, List<T>> byKey = new TreeMap<>();
        Map<String, String> codes = new TreeMap<>();
        for (T goal : goals) {
            String code = theme.apply(goal);
            String key = code == null ? "9|"
                    : order.contains(code) ? String.format(Locale.ROOT, "0|%02d", order.indexOf(code)) : "1|" + code;
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(goal);
            codes.put(key, code);
        }
        List<ThemeGroup<T>> groups = new ArrayList<>();
        byKey.forEach((key, list) -> {
            String code = codes.get(key);
            int n = list.size();
            groups.add(new ThemeGroup<>(code == null ? "none" : code, code == null ? none : theme(code, labels),
                    new Text(n == 1 ? "1 doel" : n + " doelen", n == 1 ? "1 goal" : n + " goals"), List.copyOf(list)));
        });
        return List.copyOf(groups);
    }

    // ---------------------------------------------------------------- overview (index.html)

    record OverviewRow(Link department, boolean rijk, SpendCell total, List<StatusCount> effectGoals,
                       List<StatusCount> inputGoals, CoverageView coverage) {
    }

    record Ranked(int rank, Link department, String gap, Text unit, boolean ahead) {
    }

    /** {@code kind}: what the ranked departments are judged against (only departments judged alike are compared). */
    record LeaderGoal(String goalId, Text name, Text kind, List<Ranked> top, List<Ranked> bottom) {
    }

    /** The kinds of target of marts.leaders_laggards (target_kind), in words. */
    private static final Map<String, Text> TARGET_KINDS = Map.of(
            "department_target", new Text("eigen traject", "own trajectory"),
            "allocated_part", new Text("vastgesteld deel van het rijksdoel", "adopted part of the government-wide goal"),
            "input_share_target", new Text("streefaandeel", "target share"));

    /**
     * One effect goal across the government: the government-wide status and value of the latest year, and how the
     * departments judged on it stand.
     */
    record GoalSummary(String goalId, Text name, Text themes, Status status, Text latest, Text target, Text split,
                       List<StatusCount> departments, String themeStrategy, String themeNationalPlan) {
    }

    /** No data version or run id: a page's fingerprint is its view model, and those change with every load. */
    record Overview(int latestYear, Text title, Text years, List<OverviewRow> rows,
                    SvgCharts.OverviewChart chart, ThemeGroups<GoalSummary> effectGroups, List<LeaderGoal> leaders,
                    List<DictionaryEntry> dictionary, List<CategoryLink> categories) {
    }

    /** A link to a category's page: only what the overview shows of it, so a category's figures do not change the overview's fingerprint. */
    record CategoryLink(String nameNl, String href) {
    }

    static Overview overview(ReportData data) {
        int year = data.latestYear();
        Map<String, Link> links = links(data);
        List<OverviewRow> rows = new ArrayList<>();
        for (DepartmentPage d : allPages(data)) {
            SpendYear total = spend(d, year, TOTAL);
            CoverageView coverage = d.coverage().stream().filter(c -> c.year() == year).findFirst()
                    .map(CoverageView::of).orElse(null);
            List<InputGoalRow> inputs = d.inputGoals().stream().filter(g -> g.year() == year).toList();
            rows.add(new OverviewRow(links.get(d.code()), RIJK.equals(d.code()), SpendCell.of(total),
                    counts(d.effectGoals().stream().map(ProgressSeries::latestStatus).toList()),
                    counts(inputs.stream().map(InputGoalRow::status).toList()), coverage));
        }
        Map<String, SpendYear> totals = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        for (DepartmentPage d : data.departments()) {
            codes.add(d.code());
            SpendYear total = spend(d, year, TOTAL);
            if (total != null) {
                totals.put(d.code(), total);
            }
        }
        SvgCharts.OverviewChart chart = SvgCharts.spendPerDepartment(codes, totals,
                new Text("Inkoopvolume per departement in " + year + ": bandbreedte en middenwaarde in miljoen euro",
                        "Purchasing volume per department in " + year + ": range and midpoint in million euros"));
        List<GoalSummary> goals = goalSummaries(data);
        return new Overview(year, title(year), yearsText(data.years()), rows, chart,
                themeGroups(goals, GoalSummary::themeStrategy, GoalSummary::themeNationalPlan, data.labels()), leaders(data, links),
                dictionary(data), data.categories().stream().map(c -> new CategoryLink(c.nameNl(), c.href())).toList());
    }

    /** Every effect goal of the publication, by goal id: government-wide where RIJK has it, else as a department has it. */
    private static List<GoalSummary> goalSummaries(ReportData data) {
        int year = data.latestYear();
        Map<String, ProgressSeries> rijk = new TreeMap<>();
        if (data.rijk() != null) {
            data.rijk().effectGoals().forEach(g -> rijk.putIfAbsent(g.goalId(), g));
        }
        Map<String, ProgressSeries> any = new TreeMap<>(rijk);
        data.departments().forEach(d -> d.effectGoals().forEach(g -> any.putIfAbsent(g.goalId(), g)));
        List<GoalSummary> goals = new ArrayList<>();
        any.forEach((goalId, g) -> {
            String unit = g.unit() == null ? "" : g.unit();
            List<ProgressSeries> perDepartment = data.departments().stream()
                    .flatMap(d -> d.effectGoals().stream().filter(s -> goalId.equals(s.goalId()))).toList();
            ProgressSeries whole = rijk.get(goalId);
            Text latest;
            if (whole == null) {
                latest = new Text("niet rijksbreed beoordeeld", "not judged government-wide");
            } else {
                ProgressPoint p = whole.points().stream().filter(x -> x.year() == year).findFirst().orElse(null);
                latest = p == null || p.actual() == null
                        ? new Text("geen gegevens voor " + year, "no data for " + year)
                        : new Text(value(p.actual(), unit) + " in " + year
                                + (p.trajectory() == null ? "" : "; traject " + value(p.trajectory(), unit)),
                                value(p.actual(), unit) + " in " + year
                                        + (p.trajectory() == null ? "" : "; trajectory " + value(p.trajectory(), unit)));
            }
            boolean split = perDepartment.stream().anyMatch(ProgressSeries::allocated);
            goals.add(new GoalSummary(goalId, new Text(g.nameNl(), g.nameEn()), themes(g, data.labels()),
                    whole == null ? null : whole.latest() == null ? Status.of(whole.latestStatus())
                            : Status.of(whole.latestStatus(), whole.latest().reasonNl(), whole.latest().reasonEn()),
                    latest, targetValue(g, unit),
                    split ? new Text("Rijksdoel verdeeld over de departementen; een departement wordt alleen beoordeeld op een vastgesteld"
                            + " aandeel (config/allocations.yaml), een voorstel of berekend aandeel is indicatief",
                            "Government-wide target split over the departments; a department is judged only on an adopted part"
                                    + " (config/allocations.yaml), a proposed or computed part is indicative") : null,
                    counts(perDepartment.stream().map(ProgressSeries::latestStatus).toList()),
                    g.themeStrategy(), g.themeNationalPlan()));
        });
        return goals;
    }

    private static List<StatusCount> counts(List<String> statuses) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : statuses) {
            String code = Status.of(s).code();
            counts.merge(Status.sortKey(code) + "|" + code, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new StatusCount(Status.of(e.getKey().substring(e.getKey().indexOf('|') + 1)), e.getValue()))
                .toList();
    }

    /**
     * Per goal and kind of target, the departments with the largest lead and those with the largest shortfall in the
     * latest year (8.2.5: who leads, who lags); the shortfall list is numbered from the largest shortfall.
     */
    private static List<LeaderGoal> leaders(ReportData data, Map<String, Link> links) {
        Map<String, List<LeaderLaggard>> byGoal = new LinkedHashMap<>();
        data.leadersLaggards().stream()
                .filter(l -> l.year() == data.latestYear())
                .sorted(Comparator.comparing(LeaderLaggard::goalId).thenComparing(LeaderLaggard::targetKind)
                        .thenComparingInt(LeaderLaggard::rank).thenComparing(LeaderLaggard::departmentCode))
                .forEach(l -> byGoal.computeIfAbsent(l.goalId() + "|" + l.targetKind(), k -> new ArrayList<>()).add(l));
        List<LeaderGoal> goals = new ArrayList<>();
        byGoal.forEach((goalId, ranked) -> {
            int n = ranked.size();
            int top = Math.min(3, (n + 1) / 2);
            int bottom = Math.min(3, n - top);
            LeaderLaggard first = ranked.get(0);
            Function<LeaderLaggard, Ranked> view = l -> new Ranked(l.rank(),
                    links.getOrDefault(l.departmentCode(), new Link(l.departmentCode(), Text.both(l.departmentCode()), null)),
                    Formats.signed(l.gap()), gapUnit(l.unit()), l.gap() != null && l.gap().signum() >= 0);
            Function<LeaderLaggard, Ranked> shortfall = l -> {
                Ranked r = view.apply(l);
                return new Ranked(n - l.rank() + 1, r.department(), r.gap(), r.unit(), r.ahead());
            };
            List<Ranked> behind = new ArrayList<>(ranked.subList(n - bottom, n).stream().map(shortfall).toList());
            java.util.Collections.reverse(behind);
            goals.add(new LeaderGoal(first.goalId(), new Text(first.goalNameNl(), first.goalNameEn()),
                    TARGET_KINDS.getOrDefault(first.targetKind(), Text.both(String.valueOf(first.targetKind()))),
                    ranked.subList(0, top).stream().map(view).toList(), List.copyOf(behind)));
        });
        return goals;
    }

    /** Gaps of input goals are differences of percentages: percentage points. */
    private static Text gapUnit(String unit) {
        if (unit == null) {
            return Text.both("");
        }
        return "%".equals(unit) ? new Text("%-punt", "pp") : Text.both(unit);
    }

    // ---------------------------------------------------------------- department page (<CODE>.html, RIJK.html)

    record SpendRow(int year, List<SpendCell> cells) {
    }

    /** {@code trend}: the goal's share in every year of the page against the target (null with a single year). */
    record InputGoalView(String goalId, Text name, Status status, String share, String target, Text counts,
                         String undetermined, SvgCharts.ShareBar bar, SvgCharts.LineChart trend) {
    }

    record HistoryCell(String share, Status status) {
    }

    record InputHistory(Text name, List<HistoryCell> cells) {
    }

    /** {@code code}: the department code of the year's figure when it is not the page's (across a reorganisation). */
    record EffectRow(int year, String code, String actual, String trajectory, Status status) {
    }

    /** {@code allocation}: set when the goal is a government-wide one split over departments (its target is a share). */
    record EffectGoalView(String goalId, Text name, Text themes, Text direction, String unit, Status status,
                          Text baseline, Text target, Text allocation, SvgCharts.LineChart chart, List<EffectRow> rows,
                          String themeStrategy, String themeNationalPlan) {
    }

    /** One segment (or the total) of the footprint table; {@code max == null}: no upper bound. */
    record FootprintLine(Text name, String mid, String min, String max, String materialMid, List<Integer> notes) {

        public boolean unbounded() {
            return max == null;
        }
    }

    /** A factor source, numbered for the footnotes the table refers to. */
    record FactorNote(int number, String source) {
    }

    /** The latest year's footprint from spend (8.2.6); {@code present} is false when there is none for that year. */
    record FootprintView(boolean present, int year, Text unit, Text materialUnit, SvgCharts.FootprintChart chart,
                         List<FootprintLine> segments, FootprintLine total, String highImpactShare,
                         List<FactorNote> notes, FootprintLine outsideScope) {
    }

    /** One line of the reconciliation with Figure 1, formatted (kt). */
    record ReconciliationLine(Text name, String figure1Co2, String projectCo2, String difference, String differencePct,
                              String figure1Material, String projectMaterial, Text note, boolean sum) {
    }

    /** No data version or run id, as {@link Overview}: the page is linked from the previous publication when its view is unchanged. */
    record DepartmentView(String code, Text name, boolean rijk, int latestYear, Text reportTitle,
                          List<Integer> years, List<Link> departments, SvgCharts.SpendChart spendChart,
                          List<Text> spendClasses, List<SpendRow> spendRows, FootprintView footprint,
                          List<InputGoalView> inputGoals, List<InputHistory> inputHistory,
                          List<EffectGoalView> effectGoals, ThemeGroups<EffectGoalView> effectGroups,
                          List<CoverageView> coverage, List<GoalCoverageView> goalCoverage, List<DictionaryEntry> dictionary,
                          List<Text> reorganisations, List<ReconciliationLine> reconciliation) {
    }

    static DepartmentView department(ReportData data, DepartmentPage d) {
        int year = data.latestYear();
        Text name = new Text(d.nameNl(), d.nameEn());
        List<Integer> years = years(data, d);

        List<SpendYear> totals = d.spend().stream().filter(s -> TOTAL.equals(s.spendClass()))
                .sorted(Comparator.comparingInt(SpendYear::year)).toList();
        SvgCharts.SpendChart spendChart = SvgCharts.spendPerYear(years, totals,
                new Text("Inkoopvolume " + d.nameNl() + " per jaar: bandbreedte (min–max) en middenwaarde in miljoen euro",
                        "Purchasing volume " + d.nameEn() + " per year: range (min–max) and midpoint in million euros"));
        List<String> classes = spendClasses(d.spend(), data.labels());
        List<SpendRow> spendRows = years.stream()
                .map(y -> new SpendRow(y, classes.stream().map(c -> SpendCell.of(spend(d, y, c))).toList()))
                .toList();

        List<InputGoalView> inputs = d.inputGoals().stream().filter(g -> g.year() == year)
                .sorted(Comparator.comparing(InputGoalRow::goalId))
                .map(g -> inputGoal(g, d, years)).toList();
        List<InputHistory> history = inputHistory(d.inputGoals(), years);

        List<EffectGoalView> effects = d.effectGoals().stream().map(g -> effectGoal(g, years, d, data.labels())).toList();
        List<CoverageView> coverage = d.coverage().stream().sorted(Comparator.comparingInt(CoverageRow::year))
                .map(CoverageView::of).toList();

        return new DepartmentView(d.code(), name, RIJK.equals(d.code()), year, title(year), years,
                List.copyOf(links(data).values()), spendChart,
                classes.stream().map(data.labels()::spendClass).toList(), spendRows,
                footprint(d, year, data.labels()), inputs, history, effects,
                themeGroups(effects, EffectGoalView::themeStrategy, EffectGoalView::themeNationalPlan, data.labels()), coverage,
                d.goalCoverage() == null ? List.of() : d.goalCoverage().stream().map(GoalCoverageView::of).toList(),
                dictionary(data), d.reorganisations() == null ? List.of() : d.reorganisations(),
                RIJK.equals(d.code()) ? reconciliation(data) : List.of());
    }

    /**
     * The reconciliation with Figure 1 (on the government-wide page): per segment Figure 1's kt, the project's kt for the
     * reference year and the difference, then the sum of the segments and Figure 1's stated total.
     */
    static List<ReconciliationLine> reconciliation(ReportData data) {
        if (data.reconciliation() == null) {
            return List.of();
        }
        return data.reconciliation().stream().map(r -> {
            Text name = switch (r.segment()) {
                case "segments_sum" -> new Text("Som van de segmenten", "Sum of the segments");
                case "figure1_stated_total" -> new Text("Totaal zoals Figuur 1 het noemt", "Total as Figure 1 states it");
                default -> data.labels().segment(r.segment());
            };
            Text note = switch (r.segment()) {
                case "segments_sum" -> new Text("wat de kalibratie reproduceert", "what the calibration reproduces");
                case "figure1_stated_total" -> new Text("lager dan de eigen segmenten samen; niet gebruikt voor de kalibratie",
                        "lower than its own segments add up to; not used for the calibration");
                case "defence" -> new Text("buiten de strategie, apart gerapporteerd", "outside the strategy, reported separately");
                default -> "calibrated".equals(r.calibration()) ? Text.both("")
                        : new Text("niet gekalibreerd: referentiejaar " + r.referenceYear() + " niet geladen",
                                "not calibrated: reference year " + r.referenceYear() + " not loaded");
            };
            return new ReconciliationLine(name, Formats.number(r.figure1Co2Kt()), r.projectCo2Kt() == null ? "–" : Formats.number(r.projectCo2Kt()),
                    r.differenceCo2Kt() == null ? "–" : Formats.number(r.differenceCo2Kt()),
                    r.differencePct() == null ? "–" : Formats.pct(r.differencePct()), Formats.number(r.figure1MaterialKt()),
                    r.projectMaterialKt() == null ? "–" : Formats.number(r.projectMaterialKt()), note, !data.labels().segments().containsKey(r.segment()));
        }).toList();
    }

    /**
     * The footprint of {@code year} per impact segment, largest first and unclassified last, with the total. Every
     * figure names its intensity: the sources are numbered in order of first use and each line refers to its own.
     */
    private static FootprintView footprint(DepartmentPage d, int year, ReportLabels labels) {
        List<FootprintRow> rows = d.footprint() == null ? List.of()
                : d.footprint().stream().filter(f -> f.year() == year).toList();
        FootprintRow total = rows.stream().filter(f -> TOTAL.equals(f.segment())).findFirst().orElse(null);
        FootprintRow outside = rows.stream().filter(f -> OUTSIDE_SCOPE.equals(f.segment())).findFirst().orElse(null);
        List<FootprintRow> segments = rows.stream().filter(f -> !TOTAL.equals(f.segment()) && !OUTSIDE_SCOPE.equals(f.segment()))
                .sorted(Comparator.comparing((FootprintRow f) -> UNCLASSIFIED.equals(f.segment()))
                        .thenComparing(FootprintRow::co2MidKg, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(FootprintRow::segment))
                .toList();
        if (segments.isEmpty() && total == null) {
            return new FootprintView(false, year, null, null, null, List.of(), null, null, List.of(), null);
        }
        boolean kilo = kilo(rows, FootprintRow::co2MidKg) || kilo(rows, FootprintRow::co2MaxKg);
        boolean materialKilo = kilo(rows, FootprintRow::materialMidKg);
        int shift = kilo ? 6 : 3;
        Text unit = kilo ? new Text("kiloton CO2-eq", "kilotonnes CO2-eq") : new Text("ton CO2-eq", "tonnes CO2-eq");
        Text materialUnit = materialKilo ? new Text("kiloton", "kilotonnes") : new Text("ton", "tonnes");

        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<FootprintLine> lines = new ArrayList<>();
        List<SvgCharts.FootprintInput> bars = new ArrayList<>();
        for (FootprintRow f : segments) {
            Text segmentName = labels.segment(f.segment());
            lines.add(footprintLine(segmentName, f, shift, materialKilo ? 6 : 3, notes(f.factorSource(), numbers)));
            bars.add(new SvgCharts.FootprintInput(f.segment(), segmentName, f.co2MinKg(), f.co2MidKg(), f.co2MaxKg()));
        }
        FootprintLine totalLine = total == null ? null
                : footprintLine(new Text("Totaal", "Total"), total, shift, materialKilo ? 6 : 3,
                        notes(total.factorSource(), numbers).stream().sorted().toList());
        SvgCharts.FootprintChart chart = bars.isEmpty() ? null
                : SvgCharts.footprint(bars, kilo ? 1_000_000d : 1_000d, unit,
                        new Text("CO2-voetafdruk uit inkoop " + d.nameNl() + " " + year + ": middenwaarde per impactsegment in "
                                + unit.nl() + ", met bandbreedte (min–max); geschat uit het inkoopvolume",
                                "CO2 footprint from procurement " + d.nameEn() + " " + year
                                        + ": midpoint per impact segment in " + unit.en()
                                        + ", with range (min–max); estimated from purchasing volume"));
        FootprintLine outsideLine = outside == null ? null
                : footprintLine(new Text("Buiten de strategie (specifieke inkoop Defensie), apart en niet in het totaal",
                        "Outside the strategy (Defence specific procurement), separate and not in the total"), outside, shift,
                        materialKilo ? 6 : 3, notes(outside.factorSource(), numbers).stream().sorted().toList());
        List<FactorNote> notes = numbers.entrySet().stream().map(e -> new FactorNote(e.getValue(), e.getKey())).toList();
        return new FootprintView(true, year, unit, materialUnit, chart, lines, totalLine,
                total == null ? "–" : Formats.pct(total.highImpactSharePct()), notes, outsideLine);
    }

    private static FootprintLine footprintLine(Text name, FootprintRow f, int shift, int materialShift, List<Integer> notes) {
        return new FootprintLine(name, tonnes(f.co2MidKg(), shift), tonnes(f.co2MinKg(), shift),
                f.co2MaxKg() == null ? null : tonnes(f.co2MaxKg(), shift), tonnes(f.materialMidKg(), materialShift), notes);
    }

    /** Whether figures this large read better in kilotonnes (the whole chart and table then use them). */
    private static boolean kilo(List<FootprintRow> rows, Function<FootprintRow, BigDecimal> kg) {
        return rows.stream().map(kg).anyMatch(v -> v != null && v.compareTo(KILOTONNE_FROM_KG) >= 0);
    }

    private static String tonnes(BigDecimal kg, int shift) {
        return kg == null ? "–" : Formats.measure(kg.movePointLeft(shift));
    }

    /**
     * Numbers of the factor sources named in a factor_source value. The marts join several sources with "; "; each
     * ends in its parenthesised factor group and year, so the value is split only after a ")" (a source's own text may
     * hold "; ").
     */
    private static List<Integer> notes(String factorSource, Map<String, Integer> numbers) {
        if (factorSource == null || factorSource.isBlank()) {
            return List.of();
        }
        List<Integer> refs = new ArrayList<>();
        for (String source : factorSource.split("(?<=\\)); ")) {
            String s = source.trim();
            if (!s.isEmpty()) {
                Integer n = numbers.get(s);
                if (n == null) {
                    n = numbers.size() + 1;
                    numbers.put(s, n);
                }
                if (!refs.contains(n)) {
                    refs.add(n);
                }
            }
        }
        return List.copyOf(refs);
    }

    private static InputGoalView inputGoal(InputGoalRow g, DepartmentPage d, List<Integer> years) {
        Text name = new Text(g.nameNl(), g.nameEn());
        Text counts = g.numerator() == null || g.denominator() == null
                ? new Text("–", "–")
                : new Text(Formats.count(g.numerator()) + " van " + Formats.count(g.denominator()) + " aanbestedingen",
                        Formats.count(g.numerator()) + " of " + Formats.count(g.denominator()) + " tenders");
        SvgCharts.ShareBar bar = SvgCharts.share(g.sharePct(), g.targetPct(),
                new Text("Inspanningsdoel " + g.nameNl() + ", " + d.nameNl() + " " + g.year() + ": aandeel "
                        + Formats.pct(g.sharePct()) + ", streefwaarde " + Formats.pct(g.targetPct()),
                        "Input goal " + g.nameEn() + ", " + d.nameEn() + " " + g.year() + ": share "
                                + Formats.pct(g.sharePct()) + ", target " + Formats.pct(g.targetPct())));
        return new InputGoalView(g.goalId(), name, Status.of(g.status()), Formats.pct(g.sharePct()),
                Formats.pct(g.targetPct()), counts,
                g.undetermined() == null ? "–" : Formats.count(g.undetermined()), bar, years.size() < 2 ? null
                        : SvgCharts.shareTrend(d.inputGoals().stream().filter(r -> r.goalId().equals(g.goalId())).toList(), years,
                                new Text("Inspanningsdoel " + g.nameNl() + ", " + d.nameNl() + ": aandeel per jaar sinds "
                                        + years.get(0) + " tegen de streefwaarde",
                                        "Input goal " + g.nameEn() + ", " + d.nameEn() + ": share per year since " + years.get(0)
                                                + " against the target")));
    }

    private static List<InputHistory> inputHistory(List<InputGoalRow> rows, List<Integer> years) {
        Map<String, Map<Integer, InputGoalRow>> byGoal = new TreeMap<>();
        for (InputGoalRow r : rows) {
            byGoal.computeIfAbsent(r.goalId(), k -> new TreeMap<>()).put(r.year(), r);
        }
        List<InputHistory> history = new ArrayList<>();
        byGoal.forEach((goalId, perYear) -> {
            InputGoalRow any = perYear.values().iterator().next();
            history.add(new InputHistory(new Text(any.nameNl(), any.nameEn()), years.stream().map(y -> {
                InputGoalRow r = perYear.get(y);
                return r == null ? new HistoryCell("–", Status.of(null)) : new HistoryCell(Formats.pct(r.sharePct()), Status.of(r.status()));
            }).toList()));
        });
        return history;
    }

    private static EffectGoalView effectGoal(ProgressSeries g, List<Integer> years, DepartmentPage d, ReportLabels labels) {
        String unit = g.unit() == null ? "" : g.unit();
        Text themes = themes(g, labels);
        Text direction = "decrease".equals(g.direction()) ? new Text("lager is beter", "lower is better")
                : "increase".equals(g.direction()) ? new Text("hoger is beter", "higher is better") : Text.both("");
        Text baseline = baseline(g, unit);
        Text target = target(g, unit, g.allocated());
        Text allocation = g.allocated() ? allocation(g.allocationInfo(), d) : null;
        ProgressPoint latest = g.latest();
        Status status = latest == null ? Status.of(g.latestStatus())
                : Status.of(g.latestStatus(), latest.reasonNl(), latest.reasonEn());
        // a qualitative goal, or one that concerns other departments: no figures to draw
        boolean drawn = !"not_measurable".equals(g.latestStatus()) && !"not_applicable".equals(g.latestStatus());
        SvgCharts.LineChart chart = !drawn ? null : SvgCharts.progress(g, years,
                new Text("Effectdoel " + g.nameNl() + ", " + d.nameNl() + ": gemeten waarde per jaar ("
                        + unit + ") tegen het traject naar "
                        + (g.allocated() ? "het aandeel in het rijksdoel" : "het doel") + "; status: " + status.label().nl(),
                        "Effect goal " + g.nameEn() + ", " + d.nameEn() + ": measured value per year (" + unit
                                + ") against the trajectory towards "
                                + (g.allocated() ? "the share of the government-wide target" : "the target") + "; status: "
                                + status.label().en()));
        List<EffectRow> rows = !drawn ? List.of() : g.points().stream().sorted(Comparator.comparingInt(ProgressPoint::year))
                .map(p -> new EffectRow(p.year(), p.departmentCode(), Formats.number(p.actual()), Formats.number(p.trajectory()),
                        Status.of(p.status(), p.reasonNl(), p.reasonEn())))
                .toList();
        return new EffectGoalView(g.goalId(), new Text(g.nameNl(), g.nameEn()), themes, direction, unit, status,
                baseline, target, allocation, chart, rows, g.themeStrategy(), g.themeNationalPlan());
    }

    /**
     * A department's part of a split government-wide goal: its share, basis, the status of the allocation and the date
     * it was adopted (evaluation 8.2.6). Only an adopted part is a basis for a verdict; a proposal or a computed part is
     * indicative.
     */
    static Text allocation(ReportData.AllocationInfo a, DepartmentPage d) {
        if (a == null) {
            return new Text("Rijksbreed doel, verdeeld over de departementen: " + d.nameNl()
                    + " wordt beoordeeld op zijn eigen aandeel; nulmeting, traject en doel gelden voor dat aandeel.",
                    "Government-wide goal split over the departments: " + d.nameEn()
                            + " is judged on its own share; baseline, trajectory and target are those of that share.");
        }
        String share = a.sharePct() == null ? "–" : Formats.pct(a.sharePct());
        String statusNl = switch (a.status()) {
            case "adopted" -> "vastgesteld op " + a.adoptedOn() + " door " + a.adoptedBy() + "; " + d.nameNl()
                    + " wordt beoordeeld op dit deel";
            case "proposal" -> "voorstel, niet vastgesteld: indicatief, geen oordeel op of achter koers";
            default -> "berekend uit de voetafdruk van het jaar, niet vastgesteld: indicatief, geen oordeel op of achter koers";
        };
        String statusEn = switch (a.status()) {
            case "adopted" -> "adopted on " + a.adoptedOn() + " by " + a.adoptedBy() + "; " + d.nameEn() + " is judged on this part";
            case "proposal" -> "proposal, not adopted: indicative, no on/off-track verdict";
            default -> "computed from the year's footprint, not adopted: indicative, no on/off-track verdict";
        };
        return new Text("Aandeel van " + d.nameNl() + " in het rijksdoel (" + a.year() + "): " + share + ". Status: " + statusNl
                + ". Basis: " + a.basis() + ".",
                "Share of " + d.nameEn() + " in the government-wide target (" + a.year() + "): " + share + ". Status: " + statusEn
                        + ". Basis: " + a.basis() + ".");
    }

    /**
     * The measured baseline, and the interim goals apart from it: an interim goal is a target on the way, never a
     * measurement (the evaluation finds baselines missing, 5.5), so it is never called a baseline.
     */
    private static Text baseline(ProgressSeries g, String unit) {
        List<String> nl = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (g.baselineYear() != null && g.baselineValue() != null) {
            nl.add("Nulmeting " + g.baselineYear() + ": " + value(g.baselineValue(), unit) + " (gemeten)");
            en.add("Baseline " + g.baselineYear() + ": " + value(g.baselineValue(), unit) + " (measured)");
        }
        for (ReportData.Milestone m : g.milestones()) {
            nl.add("Tussendoel " + m.year() + ": " + value(m.value(), unit) + " (een doel, geen meting)");
            en.add("Interim goal " + m.year() + ": " + value(m.value(), unit) + " (a goal, not a measurement)");
        }
        if (nl.isEmpty()) {
            return new Text("Nulmeting: geen", "Baseline: none");
        }
        return new Text(String.join(" · ", nl), String.join(" · ", en));
    }

    private static Text themes(ProgressSeries g, ReportLabels labels) {
        return new Text(
                "Thema: " + theme(g.themeStrategy(), labels).nl() + " · Nationaal Plan MVI: " + theme(g.themeNationalPlan(), labels).nl(),
                "Theme: " + theme(g.themeStrategy(), labels).en() + " · National Plan MVI: " + theme(g.themeNationalPlan(), labels).en());
    }

    /** The target in words; for a split government-wide goal it is the department's share of the government-wide one. */
    private static Text target(ProgressSeries g, String unit, boolean allocated) {
        Text value = targetValue(g, unit);
        return allocated ? new Text("Aandeel in rijksdoel " + value.nl(), "Share of the government-wide target " + value.en())
                : new Text("Doel " + value.nl(), "Target " + value.en());
    }

    /** "2030: 100%", or why there is no value; a year the strategy does not give is marked as assumed. */
    private static Text targetValue(ProgressSeries g, String unit) {
        String yearNl = g.targetYear() == null ? "geen jaar" : g.targetYear() + (g.targetYearAssumed() ? " (jaar aangenomen)" : "");
        String yearEn = g.targetYear() == null ? "no year" : g.targetYear() + (g.targetYearAssumed() ? " (year assumed)" : "");
        return g.targetValue() != null
                ? new Text(yearNl + ": " + value(g.targetValue(), unit), yearEn + ": " + value(g.targetValue(), unit))
                : new Text(yearNl + ": geen waarde zonder nulmeting", yearEn + ": no value without a baseline");
    }

    private static String value(BigDecimal v, String unit) {
        return "%".equals(unit) ? Formats.number(v) + "%" : (Formats.number(v) + " " + unit).trim();
    }

    private static Text theme(String code, ReportLabels labels) {
        if (code == null) {
            return new Text("–", "–");
        }
        return labels.theme(code);
    }

    // ---------------------------------------------------------------- helpers

    static Text title(int year) {
        return new Text("Voortgang Inkopen met Impact " + year, "Progress on Inkopen met Impact " + year);
    }

    /** The departments in the order given, then the whole government. */
    static List<DepartmentPage> allPages(ReportData data) {
        List<DepartmentPage> pages = new ArrayList<>(data.departments());
        if (data.rijk() != null) {
            pages.add(data.rijk());
        }
        return pages;
    }

    private static Map<String, Link> links(ReportData data) {
        Map<String, Link> links = new LinkedHashMap<>();
        for (DepartmentPage d : allPages(data)) {
            links.put(d.code(), new Link(d.code(), new Text(d.nameNl(), d.nameEn()), d.code() + ".html"));
        }
        return links;
    }

    private static SpendYear spend(DepartmentPage d, int year, String spendClass) {
        return d.spend().stream().filter(s -> s.year() == year && spendClass.equals(s.spendClass())).findFirst()
                .orElse(null);
    }

    /** The report's years plus any year this page has data for, ascending. */
    private static List<Integer> years(ReportData data, DepartmentPage d) {
        TreeSet<Integer> years = new TreeSet<>(data.years());
        d.spend().forEach(s -> years.add(s.year()));
        d.coverage().forEach(c -> years.add(c.year()));
        return List.copyOf(years);
    }

    private static List<String> spendClasses(List<SpendYear> spend, ReportLabels labels) {
        TreeSet<String> present = spend.stream().map(SpendYear::spendClass)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> ordered = new ArrayList<>();
        labels.spendClasses().keySet().stream().filter(c -> !TOTAL.equals(c) && present.contains(c)).forEach(ordered::add);
        present.stream().filter(c -> !labels.spendClasses().containsKey(c)).forEach(ordered::add);
        if (present.contains(TOTAL)) {
            ordered.add(TOTAL);
        }
        return ordered;
    }

    private static Text yearsText(List<Integer> years) {
        if (years.isEmpty()) {
            return Text.both("–");
        }
        int first = years.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int last = years.stream().mapToInt(Integer::intValue).max().orElseThrow();
        return first == last ? Text.both(Integer.toString(first))
                : new Text(first + " tot en met " + last, first + " to " + last);
    }

    private static List<DictionaryEntry> dictionary(ReportData data) {
        return data.dataDictionary() == null ? List.of() : data.dataDictionary();
    }
}
