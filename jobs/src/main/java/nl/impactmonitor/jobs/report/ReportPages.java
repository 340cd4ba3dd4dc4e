package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.impactmonitor.jobs.report.ReportData.CoverageRow;
import nl.impactmonitor.jobs.report.ReportData.DepartmentPage;
import nl.impactmonitor.jobs.report.ReportData.DictionaryEntry;
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

    /** The spend classes of spend_by_department_year in table order; other classes follow alphabetically. */
    private static final Map<String, Text> SPEND_CLASSES = orderedMap(
            "generic", new Text("Generiek", "Generic"),
            "specific", new Text("Specifiek", "Specific"),
            "unclassified", new Text("Niet ingedeeld", "Unclassified"),
            TOTAL, new Text("Totaal", "Total"));

    /** Theme codes of config/targets.yaml: Inkopen met Impact and the National Plan MVI (DOMAIN.md, 5.3). */
    private static final Map<String, Text> THEMES = Map.ofEntries(
            Map.entry("climate", new Text("Klimaat", "Climate")),
            Map.entry("circular", new Text("Circulair", "Circular")),
            Map.entry("social_return", new Text("Social return", "Social return")),
            Map.entry("isv", new Text("Internationale sociale voorwaarden", "International social conditions")),
            Map.entry("isv_chain", new Text("ISV en ketenverantwoordelijkheid", "ISV and chain responsibility")),
            Map.entry("innovation", new Text("Innovatiegericht inkopen", "Innovation-oriented procurement")),
            Map.entry("living_environment", new Text("Leefomgeving", "Living environment")),
            Map.entry("environment", new Text("Milieu (incl. biodiversiteit)", "Environment (incl. biodiversity)")),
            Map.entry("wellbeing_health", new Text("Welzijn en gezondheid", "Wellbeing and health")),
            Map.entry("diversity_inclusion", new Text("Diversiteit en inclusie", "Diversity and inclusion")));

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

    record CoverageView(int year, CoverageCell spend, CoverageCell mviZet, CoverageCell results) {

        static CoverageView of(CoverageRow row) {
            return new CoverageView(row.year(),
                    new CoverageCell(row.hasSpend(), Formats.count(row.spendLines())),
                    new CoverageCell(row.hasMviZet(), Formats.count(row.tenders())),
                    new CoverageCell(row.hasSupplierResults(), Formats.count(row.supplierResults())));
        }
    }

    // ---------------------------------------------------------------- overview (index.html)

    record OverviewRow(Link department, boolean rijk, SpendCell total, List<StatusCount> effectGoals,
                       List<StatusCount> inputGoals, CoverageView coverage) {
    }

    record Ranked(int rank, Link department, String gap, Text unit, boolean ahead) {
    }

    record LeaderGoal(String goalId, Text name, List<Ranked> top, List<Ranked> bottom) {
    }

    record Overview(String runId, int latestYear, Text title, Text years, List<OverviewRow> rows,
                    SvgCharts.OverviewChart chart, List<LeaderGoal> leaders, List<DictionaryEntry> dictionary) {
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
        return new Overview(data.runId(), year, title(year), yearsText(data.years()), rows, chart,
                leaders(data, links), dictionary(data));
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

    /** Per goal, the leading and the lagging departments of the latest year (8.2.5: who leads, who lags). */
    private static List<LeaderGoal> leaders(ReportData data, Map<String, Link> links) {
        Map<String, List<LeaderLaggard>> byGoal = new LinkedHashMap<>();
        data.leadersLaggards().stream()
                .filter(l -> l.year() == data.latestYear())
                .sorted(Comparator.comparing(LeaderLaggard::goalId).thenComparingInt(LeaderLaggard::rank)
                        .thenComparing(LeaderLaggard::departmentCode))
                .forEach(l -> byGoal.computeIfAbsent(l.goalId(), k -> new ArrayList<>()).add(l));
        List<LeaderGoal> goals = new ArrayList<>();
        byGoal.forEach((goalId, ranked) -> {
            int n = ranked.size();
            int top = Math.min(3, (n + 1) / 2);
            int bottom = Math.min(3, n - top);
            LeaderLaggard first = ranked.get(0);
            Function<LeaderLaggard, Ranked> view = l -> new Ranked(l.rank(),
                    links.getOrDefault(l.departmentCode(), new Link(l.departmentCode(), Text.both(l.departmentCode()), null)),
                    Formats.signed(l.gap()), gapUnit(l.unit()), l.gap() != null && l.gap().signum() >= 0);
            goals.add(new LeaderGoal(goalId, new Text(first.goalNameNl(), first.goalNameEn()),
                    ranked.subList(0, top).stream().map(view).toList(),
                    ranked.subList(n - bottom, n).stream().map(view).toList()));
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

    record InputGoalView(String goalId, Text name, Status status, String share, String target, Text counts,
                         String undetermined, SvgCharts.ShareBar bar) {
    }

    record HistoryCell(String share, Status status) {
    }

    record InputHistory(Text name, List<HistoryCell> cells) {
    }

    record EffectRow(int year, String actual, String trajectory, Status status) {
    }

    record EffectGoalView(String goalId, Text name, Text themes, Text direction, String unit, Status status,
                          Text baseline, Text target, SvgCharts.LineChart chart, List<EffectRow> rows) {
    }

    record DepartmentView(String code, Text name, boolean rijk, String runId, int latestYear, Text reportTitle,
                          List<Integer> years, List<Link> departments, SvgCharts.SpendChart spendChart,
                          List<Text> spendClasses, List<SpendRow> spendRows, List<InputGoalView> inputGoals,
                          List<InputHistory> inputHistory, List<EffectGoalView> effectGoals,
                          List<CoverageView> coverage, List<DictionaryEntry> dictionary) {
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
        List<String> classes = spendClasses(d.spend());
        List<SpendRow> spendRows = years.stream()
                .map(y -> new SpendRow(y, classes.stream().map(c -> SpendCell.of(spend(d, y, c))).toList()))
                .toList();

        List<InputGoalView> inputs = d.inputGoals().stream().filter(g -> g.year() == year)
                .sorted(Comparator.comparing(InputGoalRow::goalId))
                .map(g -> inputGoal(g, d)).toList();
        List<InputHistory> history = inputHistory(d.inputGoals(), years);

        List<EffectGoalView> effects = d.effectGoals().stream().map(g -> effectGoal(g, years, d)).toList();
        List<CoverageView> coverage = d.coverage().stream().sorted(Comparator.comparingInt(CoverageRow::year))
                .map(CoverageView::of).toList();

        return new DepartmentView(d.code(), name, RIJK.equals(d.code()), data.runId(), year, title(year), years,
                List.copyOf(links(data).values()), spendChart,
                classes.stream().map(c -> SPEND_CLASSES.getOrDefault(c, Text.both(c))).toList(), spendRows, inputs,
                history, effects, coverage, dictionary(data));
    }

    private static InputGoalView inputGoal(InputGoalRow g, DepartmentPage d) {
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
                g.undetermined() == null ? "–" : Formats.count(g.undetermined()), bar);
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

    private static EffectGoalView effectGoal(ProgressSeries g, List<Integer> years, DepartmentPage d) {
        String unit = g.unit() == null ? "" : g.unit();
        Text themes = new Text(
                "Thema: " + theme(g.themeStrategy()).nl() + " · Nationaal Plan MVI: " + theme(g.themeNationalPlan()).nl(),
                "Theme: " + theme(g.themeStrategy()).en() + " · National Plan MVI: " + theme(g.themeNationalPlan()).en());
        Text direction = "decrease".equals(g.direction()) ? new Text("lager is beter", "lower is better")
                : "increase".equals(g.direction()) ? new Text("hoger is beter", "higher is better") : Text.both("");
        Text baseline = g.baselineYear() != null && g.baselineValue() != null
                ? new Text("Nulmeting " + g.baselineYear() + ": " + value(g.baselineValue(), unit),
                        "Baseline " + g.baselineYear() + ": " + value(g.baselineValue(), unit))
                : new Text("Nulmeting: geen", "Baseline: none");
        Text target = g.targetValue() != null
                ? new Text("Doel " + g.targetYear() + ": " + value(g.targetValue(), unit),
                        "Target " + g.targetYear() + ": " + value(g.targetValue(), unit))
                : new Text("Doel " + g.targetYear() + ": geen waarde zonder nulmeting",
                        "Target " + g.targetYear() + ": no value without a baseline");
        Status status = Status.of(g.latestStatus());
        SvgCharts.LineChart chart = SvgCharts.progress(g, years,
                new Text("Effectdoel " + g.nameNl() + ", " + d.nameNl() + ": gemeten waarde per jaar ("
                        + unit + ") tegen het traject van nulmeting naar doel; status: " + status.label().nl(),
                        "Effect goal " + g.nameEn() + ", " + d.nameEn() + ": measured value per year (" + unit
                                + ") against the trajectory from baseline to target; status: " + status.label().en()));
        List<EffectRow> rows = g.points().stream().sorted(Comparator.comparingInt(ProgressPoint::year))
                .map(p -> new EffectRow(p.year(), Formats.number(p.actual()), Formats.number(p.trajectory()),
                        Status.of(p.status())))
                .toList();
        return new EffectGoalView(g.goalId(), new Text(g.nameNl(), g.nameEn()), themes, direction, unit, status,
                baseline, target, chart, rows);
    }

    private static String value(BigDecimal v, String unit) {
        return "%".equals(unit) ? Formats.number(v) + "%" : (Formats.number(v) + " " + unit).trim();
    }

    private static Text theme(String code) {
        if (code == null) {
            return new Text("–", "–");
        }
        return THEMES.getOrDefault(code, Text.both(code));
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

    private static List<String> spendClasses(List<SpendYear> spend) {
        TreeSet<String> present = spend.stream().map(SpendYear::spendClass)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> ordered = new ArrayList<>();
        SPEND_CLASSES.keySet().stream().filter(c -> !TOTAL.equals(c) && present.contains(c)).forEach(ordered::add);
        present.stream().filter(c -> !SPEND_CLASSES.containsKey(c)).forEach(ordered::add);
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

    private static Map<String, Text> orderedMap(Object... keyValues) {
        Map<String, Text> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (Text) keyValues[i + 1]);
        }
        return map;
    }
}
