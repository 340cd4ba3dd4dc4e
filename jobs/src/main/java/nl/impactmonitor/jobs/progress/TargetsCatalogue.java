package nl.impactmonitor.jobs.progress;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The 2030 goals catalogue ({@code config/targets.yaml}): read and checked as a whole, so a steward's typo
 * stops start-up with every error and its line instead of surfacing as a wrong status months later.
 */
public final class TargetsCatalogue {

    /**
     * The theme codes a goal may name, per theme set: the rows of config/reference/themes.csv marked in_catalogue (the
     * report reads its names for them from the same file). In the National Plan set, none means the plan has no theme
     * of its own for the goal (innovation, config/reference/theme_crosswalk.csv).
     */
    public record Themes(Set<String> strategy, Set<String> nationalPlan) {

        public static Themes read(Path themesCsv) {
            Set<String> strategy = new HashSet<>();
            Set<String> nationalPlan = new HashSet<>();
            try (Reader in = Files.newBufferedReader(themesCsv, StandardCharsets.UTF_8)) {
                for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                        .setSkipHeaderRecord(true).get().parse(in)) {
                    if (Boolean.parseBoolean(r.get("in_catalogue").strip())) {
                        (r.get("theme_set").strip().equals("strategy") ? strategy : nationalPlan).add(r.get("theme_code").strip());
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidCatalogueException("Cannot read the themes " + themesCsv.toAbsolutePath() + ": " + e.getMessage());
            }
            return new Themes(Set.copyOf(strategy), Set.copyOf(nationalPlan));
        }

        /** config/reference/themes.csv beside a catalogue at config/targets.yaml. */
        static Themes besides(Path targetsFile) {
            return read(targetsFile.toAbsolutePath().resolveSibling("reference").resolve("themes.csv"));
        }
    }

    static final Set<String> AGGREGATIONS = Set.of("sum", "cumulative_sum", "weighted_share", "mean");
    static final Set<String> KEYS = Set.of("id", "name_nl", "name_en", "theme", "metric", "unit", "direction", "aggregation",
            "numerator", "denominator", "baseline", "milestones", "target", "target_year_assumed", "applies_to_departments",
            "applies_to", "allocation", "period_start", "min_coverage_pct", "measurable", "monitored_instead_nl",
            "monitored_instead_en", "source");
    /** Keys a qualitative goal ({@code measurable: false}) may carry: it is described, not judged by a number. */
    static final Set<String> QUALITATIVE_KEYS = Set.of("id", "name_nl", "name_en", "theme", "metric", "measurable",
            "monitored_instead_nl", "monitored_instead_en", "target", "target_year_assumed", "applies_to", "source");
    /** Share of the contracts expected to report below which a goal is not judged (issue 18: silence is not progress). */
    static final BigDecimal DEFAULT_MIN_COVERAGE_PCT = new BigDecimal("90");
    static final Set<String> ALLOCATION_BASES = Set.of("co2_footprint", "material_footprint", "spend");

    private TargetsCatalogue() {
    }

    /**
     * One goal as the progress models use it. A baseline is a measured value with its source (or none); milestones are
     * interim goals the trajectory runs through, never measurements. {@code appliesTo} null: every department.
     * {@code measurable} false: a qualitative goal, shown with what is monitored instead and never judged by a number.
     */
    public record Goal(String id, String nameNl, String nameEn, String themeStrategy, String themeNationalPlan, String metric,
                       String unit, String direction, String aggregation, String numerator, String denominator,
                       Integer baselineYear, BigDecimal baselineValue, String baselineSource, List<Milestone> milestones,
                       Integer targetYear, BigDecimal targetValue, BigDecimal targetChangePct, boolean targetYearAssumed,
                       boolean appliesToDepartments, List<String> appliesTo, Integer periodStartYear, BigDecimal minCoveragePct,
                       boolean measurable, String monitoredInsteadNl, String monitoredInsteadEn, String source, int line,
                       Allocation allocation) {
    }

    /** An interim goal: a target value for a year before the final target year, with the section that states it. */
    public record Milestone(int year, BigDecimal value, String source) {
    }

    /**
     * How a government-wide goal is split over departments (evaluation 8.2.6): in proportion to each department's
     * footprint or spend in the given impact segments (all when empty), rounded to {@code decimals}.
     */
    public record Allocation(String basis, List<String> segments, int decimals) {
    }

    /** The catalogue has errors; the message lists each with its line. */
    public static final class InvalidCatalogueException extends RuntimeException {
        InvalidCatalogueException(String message) {
            super(message);
        }
    }

    /** Reads and checks the catalogue; metrics must be among {@code knownMetrics}. */
    public static List<Goal> read(Path file, Set<String> knownMetrics) {
        return read(file, knownMetrics, Set.of(), Set.of());
    }

    /**
     * Reads and checks the catalogue; metrics must be among {@code knownMetrics}, allocation segments among
     * {@code knownSegments} and the departments of {@code applies_to} among {@code knownDepartments} (each check is
     * skipped when its set is empty).
     */
    public static List<Goal> read(Path file, Set<String> knownMetrics, Set<String> knownSegments, Set<String> knownDepartments) {
        return read(file, knownMetrics, knownSegments, knownDepartments, Themes.besides(file));
    }

    /** Reads and checks the catalogue, as above, with the theme codes of {@code themes}. */
    public static List<Goal> read(Path file, Set<String> knownMetrics, Set<String> knownSegments, Set<String> knownDepartments,
                                  Themes themes) {
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(in);
        } catch (IOException e) {
            throw new InvalidCatalogueException("Cannot read targets catalogue " + file.toAbsolutePath() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidCatalogueException("Targets catalogue " + file + " is not valid YAML: " + e.getMessage());
        }
        Checker c = new Checker(file, knownSegments, knownDepartments, themes);
        List<Goal> goals = new ArrayList<>();
        Map<String, Node> top = root == null ? Map.of() : c.mapping(root, "the file");
        Node goalsNode = top.get("goals");
        if (goalsNode == null) {
            c.error(root, "the file must have a 'goals:' list");
        } else if (!(goalsNode instanceof SequenceNode seq)) {
            c.error(goalsNode, "'goals' must be a list");
        } else {
            Set<String> ids = new HashSet<>();
            for (Node g : seq.getValue()) {
                Goal goal = c.goal(g, knownMetrics);
                if (goal != null && !ids.add(goal.id())) {
                    c.error(g, "goal id '" + goal.id() + "' is used twice");
                } else if (goal != null) {
                    goals.add(goal);
                }
            }
        }
        if (!c.errors.isEmpty()) {
            throw new InvalidCatalogueException("Targets catalogue has " + c.errors.size() + " error(s):\n  " + String.join("\n  ", c.errors));
        }
        return goals;
    }

    /** Collects errors while reading nodes, each prefixed with file and line. */
    private static final class Checker {
        final Path file;
        final Set<String> knownSegments;
        final Set<String> knownDepartments;
        final List<String> errors = new ArrayList<>();

        final Themes themes;

        Checker(Path file, Set<String> knownSegments, Set<String> knownDepartments, Themes themes) {
            this.file = file;
            this.themes = themes;
            this.knownSegments = knownSegments;
            this.knownDepartments = knownDepartments;
        }

        void error(Node node, String message) {
            errors.add(file + " line " + (node.getStartMark().getLine() + 1) + ": " + message);
        }

        Map<String, Node> mapping(Node node, String what) {
            Map<String, Node> map = new LinkedHashMap<>();
            if (!(node instanceof MappingNode m)) {
                error(node, what + " must be a mapping of key: value");
                return map;
            }
            for (NodeTuple t : m.getValue()) {
                map.put(((ScalarNode) t.getKeyNode()).getValue(), t.getValueNode());
            }
            return map;
        }

        String text(Map<String, Node> map, String key, Node owner, String goal, boolean required) {
            Node n = map.get(key);
            if (n == null) {
                if (required) {
                    error(owner, goal + "'" + key + "' is missing");
                }
                return null;
            }
            if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
                error(n, goal + "'" + key + "' must be a single value");
                return null;
            }
            return s.getValue().strip();
        }

        String oneOf(Map<String, Node> map, String key, Node owner, String goal, Set<String> allowed) {
            String value = text(map, key, owner, goal, true);
            if (value != null && !allowed.contains(value)) {
                error(map.get(key), goal + "'" + key + "' must be one of " + new java.util.TreeSet<>(allowed) + ", not '" + value + "'");
                return null;
            }
            return value;
        }

        Integer year(Map<String, Node> map, String key, Node owner, String goal) {
            String v = text(map, key, owner, goal, true);
            if (v == null) {
                return null;
            }
            try {
                int y = Integer.parseInt(v);
                if (y < 1990 || y > 2100) {
                    throw new NumberFormatException();
                }
                return y;
            } catch (NumberFormatException e) {
                error(map.get(key), goal + "'" + key + "' must be a year, not '" + v + "'");
                return null;
            }
        }

        BigDecimal number(Map<String, Node> map, String key, Node owner, String goal, boolean required) {
            String v = text(map, key, owner, goal, required);
            if (v == null) {
                return null;
            }
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                error(map.get(key), goal + "'" + key + "' must be a number (use . as decimal mark), not '" + v + "'");
                return null;
            }
        }

        boolean bool(Map<String, Node> map, String key, String goal, boolean fallback) {
            String v = text(map, key, null, goal, false);
            if (v == null) {
                return fallback;
            }
            if (!v.equals("true") && !v.equals("false")) {
                error(map.get(key), goal + "'" + key + "' must be true or false");
                return fallback;
            }
            return Boolean.parseBoolean(v);
        }

        Goal goal(Node node, Set<String> knownMetrics) {
            Map<String, Node> g = mapping(node, "a goal");
            if (g.isEmpty()) {
                return null;
            }
            int before = errors.size();
            String id = text(g, "id", node, "", true);
            String prefix = "goal '" + (id == null ? "?" : id) + "': ";
            boolean measurable = bool(g, "measurable", prefix, true);
            Set<String> allowed = measurable ? KEYS : QUALITATIVE_KEYS;
            for (String key : g.keySet()) {
                if (!allowed.contains(key)) {
                    error(node, prefix + "unknown key '" + key + "'" + (measurable ? "" : " for a goal with measurable: false")
                            + " (allowed: " + new java.util.TreeSet<>(allowed) + ")");
                }
            }
            String nameNl = text(g, "name_nl", node, prefix, true);
            String nameEn = text(g, "name_en", node, prefix, true);
            String themeStrategy = null;
            String themeNational = null;
            if (g.get("theme") == null) {
                error(node, prefix + "'theme' is missing");
            } else {
                Map<String, Node> theme = mapping(g.get("theme"), prefix + "'theme'");
                themeStrategy = oneOf(theme, "strategy", g.get("theme"), prefix + "theme.", themes.strategy());
                themeNational = oneOf(theme, "national_plan", g.get("theme"), prefix + "theme.", themes.nationalPlan());
            }
            String metric = text(g, "metric", node, prefix, true);
            String source = text(g, "source", node, prefix, true);
            List<String> appliesTo = appliesTo(g, prefix);
            boolean yearAssumed = bool(g, "target_year_assumed", prefix, false);
            if (!measurable) {
                String monitoredNl = text(g, "monitored_instead_nl", node, prefix, true);
                String monitoredEn = text(g, "monitored_instead_en", node, prefix, true);
                Integer year = null;
                if (g.get("target") != null) {
                    year = year(mapping(g.get("target"), prefix + "'target'"), "year", g.get("target"), prefix + "target.");
                }
                if (errors.size() > before) {
                    return null;
                }
                return new Goal(id, nameNl, nameEn, themeStrategy, themeNational, metric, null, null, null, null, null, null,
                        null, null, List.of(), year, null, null, yearAssumed, true, appliesTo, null, null, false, monitoredNl,
                        monitoredEn, source, node.getStartMark().getLine() + 1, null);
            }
            String unit = text(g, "unit", node, prefix, true);
            String direction = oneOf(g, "direction", node, prefix, Set.of("increase", "decrease"));
            String aggregation = oneOf(g, "aggregation", node, prefix, AGGREGATIONS);
            String numerator = text(g, "numerator", node, prefix, true);
            if (numerator != null && !knownMetrics.contains(numerator)) {
                error(g.get("numerator"), prefix + "numerator '" + numerator + "' is not a metric in config/reference/result_metrics.csv");
            }
            String denominator = text(g, "denominator", node, prefix, "weighted_share".equals(aggregation));
            if (denominator != null && !"weighted_share".equals(aggregation)) {
                error(g.get("denominator"), prefix + "'denominator' only belongs to aggregation weighted_share");
            } else if (denominator != null && !knownMetrics.contains(denominator)) {
                error(g.get("denominator"), prefix + "denominator '" + denominator + "' is not a metric in config/reference/result_metrics.csv");
            }
            Integer baselineYear = null;
            BigDecimal baselineValue = null;
            String baselineSource = null;
            Node baseline = g.get("baseline");
            if (baseline == null) {
                error(node, prefix + "'baseline' is missing (write 'baseline: none' where no measured value exists)");
            } else if (baseline instanceof ScalarNode s && s.getValue().equals("none")) {
                // no measured baseline: a relative target has no value, an absolute one no trajectory before its first milestone
            } else {
                Map<String, Node> b = mapping(baseline, prefix + "'baseline' (or none)");
                baselineYear = year(b, "year", baseline, prefix + "baseline.");
                baselineValue = number(b, "value", baseline, prefix + "baseline.", true);
                // a baseline is a measurement: it names where it was measured, or it is an interim goal (a milestone)
                baselineSource = text(b, "source", baseline, prefix + "baseline.", true);
            }
            Integer targetYear = null;
            BigDecimal targetValue = null;
            BigDecimal changePct = null;
            Node target = g.get("target");
            if (target == null) {
                error(node, prefix + "'target' is missing");
            } else {
                Map<String, Node> t = mapping(target, prefix + "'target'");
                targetYear = year(t, "year", target, prefix + "target.");
                targetValue = number(t, "value", target, prefix + "target.", false);
                changePct = number(t, "change_pct", target, prefix + "target.", false);
                if ((targetValue == null) == (changePct == null) && !t.isEmpty()) {
                    error(target, prefix + "target needs exactly one of 'value' or 'change_pct'");
                }
                if (targetYear != null && baselineYear != null && targetYear <= baselineYear) {
                    error(target, prefix + "target.year " + targetYear + " must be after baseline.year " + baselineYear);
                }
            }
            List<Milestone> milestones = milestones(g, prefix, baselineYear, targetYear, changePct != null);
            String applies = text(g, "applies_to_departments", node, prefix, true);
            if (applies != null && !applies.equals("true") && !applies.equals("false")) {
                error(g.get("applies_to_departments"), prefix + "'applies_to_departments' must be true or false");
            }
            Integer periodStart = null;
            if (g.get("period_start") != null) {
                periodStart = year(g, "period_start", node, prefix);
                if (periodStart != null && targetYear != null && periodStart > targetYear) {
                    error(g.get("period_start"), prefix + "period_start " + periodStart + " must not be after target.year " + targetYear);
                }
            } else if ("cumulative_sum".equals(aggregation)) {
                error(node, prefix + "'period_start' is missing: a cumulative goal adds up the years from period_start to target.year");
            }
            BigDecimal minCoverage = number(g, "min_coverage_pct", node, prefix, false);
            if (minCoverage != null && (minCoverage.signum() < 0 || minCoverage.compareTo(new BigDecimal("100")) > 0)) {
                error(g.get("min_coverage_pct"), prefix + "'min_coverage_pct' must be between 0 and 100, not " + minCoverage);
            }
            Allocation allocation = null;
            if (g.get("allocation") != null) {
                Node a = g.get("allocation");
                Map<String, Node> am = mapping(a, prefix + "'allocation'");
                String basis = oneOf(am, "basis", a, prefix + "allocation.", ALLOCATION_BASES);
                List<String> segments = new ArrayList<>();
                if (am.get("segments") instanceof SequenceNode segs) {
                    for (Node seg : segs.getValue()) {
                        String name = seg instanceof ScalarNode sc ? sc.getValue() : "";
                        if (!knownSegments.isEmpty() && !knownSegments.contains(name)) {
                            error(seg, prefix + "allocation segment '" + name + "' is not an impact segment of config/reference/impact_factors.csv");
                        }
                        segments.add(name);
                    }
                } else if (am.get("segments") != null) {
                    error(am.get("segments"), prefix + "allocation.segments must be a list, e.g. [energy, buildings]");
                }
                BigDecimal decimals = number(am, "decimals", a, prefix + "allocation.", false);
                if ("true".equals(applies)) {
                    error(a, prefix + "'allocation' only applies to government-wide goals (applies_to_departments: false)");
                }
                allocation = new Allocation(basis, List.copyOf(segments), decimals == null ? 3 : decimals.intValue());
            }
            if (errors.size() > before) {
                return null;
            }
            return new Goal(id, nameNl, nameEn, themeStrategy, themeNational, metric, unit, direction, aggregation, numerator,
                    denominator, baselineYear, baselineValue, baselineSource, milestones, targetYear, targetValue, changePct,
                    yearAssumed, Boolean.parseBoolean(applies), appliesTo, periodStart,
                    minCoverage == null ? DEFAULT_MIN_COVERAGE_PCT : minCoverage, true, null, null, source,
                    node.getStartMark().getLine() + 1, allocation);
        }

        /** {@code applies_to: [IenW]}: the departments the goal concerns; null (absent) means every department. */
        List<String> appliesTo(Map<String, Node> g, String prefix) {
            Node n = g.get("applies_to");
            if (n == null) {
                return null;
            }
            if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                error(n, prefix + "'applies_to' must be a non-empty list of department codes, e.g. [IenW]");
                return null;
            }
            List<String> codes = new ArrayList<>();
            for (Node d : seq.getValue()) {
                String code = d instanceof ScalarNode sc ? sc.getValue().strip() : "";
                if (!knownDepartments.isEmpty() && !knownDepartments.contains(code)) {
                    error(d, prefix + "applies_to names department '" + code + "', which is not in config/reference/departments.csv");
                }
                codes.add(code);
            }
            return List.copyOf(codes);
        }

        /** Interim goals: each a year strictly between the baseline year (if any) and the target year, with its source. */
        List<Milestone> milestones(Map<String, Node> g, String prefix, Integer baselineYear, Integer targetYear, boolean relative) {
            Node n = g.get("milestones");
            if (n == null) {
                return List.of();
            }
            if (!(n instanceof SequenceNode seq)) {
                error(n, prefix + "'milestones' must be a list of {year, value, source}");
                return List.of();
            }
            if (relative) {
                error(n, prefix + "milestones need an absolute target (target.value), not a change_pct");
            }
            List<Milestone> list = new ArrayList<>();
            Set<Integer> years = new HashSet<>();
            for (Node m : seq.getValue()) {
                Map<String, Node> mm = mapping(m, prefix + "a milestone");
                Integer year = year(mm, "year", m, prefix + "milestone.");
                BigDecimal value = number(mm, "value", m, prefix + "milestone.", true);
                String source = text(mm, "source", m, prefix + "milestone.", true);
                if (year != null && targetYear != null && year >= targetYear) {
                    error(m, prefix + "milestone year " + year + " must be before target.year " + targetYear);
                }
                if (year != null && baselineYear != null && year <= baselineYear) {
                    error(m, prefix + "milestone year " + year + " must be after baseline.year " + baselineYear);
                }
                if (year != null && !years.add(year)) {
                    error(m, prefix + "milestone year " + year + " is given twice");
                }
                if (year != null && value != null && source != null) {
                    list.add(new Milestone(year, value, source));
                }
            }
            list.sort(java.util.Comparator.comparingInt(Milestone::year));
            return List.copyOf(list);
        }
    }
}
