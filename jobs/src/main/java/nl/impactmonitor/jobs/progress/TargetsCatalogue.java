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

    static final Set<String> STRATEGY_THEMES = Set.of("climate", "circular", "social_return", "isv", "innovation",
            "living_environment", "wellbeing_health");
    static final Set<String> NATIONAL_PLAN_THEMES = Set.of("climate", "circular", "social_return", "isv_chain",
            "environment", "diversity_inclusion");
    static final Set<String> AGGREGATIONS = Set.of("sum", "cumulative_sum", "weighted_share", "mean");
    static final Set<String> KEYS = Set.of("id", "name_nl", "name_en", "theme", "metric", "unit", "direction", "aggregation",
            "numerator", "denominator", "baseline", "target", "applies_to_departments", "allocation", "source");
    static final Set<String> ALLOCATION_BASES = Set.of("co2_footprint", "material_footprint", "spend");

    private TargetsCatalogue() {
    }

    /** One goal as the progress models use it. */
    public record Goal(String id, String nameNl, String nameEn, String themeStrategy, String themeNationalPlan, String metric,
                       String unit, String direction, String aggregation, String numerator, String denominator,
                       Integer baselineYear, BigDecimal baselineValue, int targetYear, BigDecimal targetValue,
                       BigDecimal targetChangePct, boolean appliesToDepartments, String source, int line, Allocation allocation) {
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
        return read(file, knownMetrics, Set.of());
    }

    /** Reads and checks the catalogue; metrics must be among {@code knownMetrics}, allocation segments among {@code knownSegments}. */
    public static List<Goal> read(Path file, Set<String> knownMetrics, Set<String> knownSegments) {
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(in);
        } catch (IOException e) {
            throw new InvalidCatalogueException("Cannot read targets catalogue " + file.toAbsolutePath() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidCatalogueException("Targets catalogue " + file + " is not valid YAML: " + e.getMessage());
        }
        Checker c = new Checker(file, knownSegments);
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
        final List<String> errors = new ArrayList<>();

        Checker(Path file, Set<String> knownSegments) {
            this.file = file;
            this.knownSegments = knownSegments;
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

        Goal goal(Node node, Set<String> knownMetrics) {
            Map<String, Node> g = mapping(node, "a goal");
            if (g.isEmpty()) {
                return null;
            }
            int before = errors.size();
            String id = text(g, "id", node, "", true);
            String prefix = "goal '" + (id == null ? "?" : id) + "': ";
            for (String key : g.keySet()) {
                if (!KEYS.contains(key)) {
                    error(node, prefix + "unknown key '" + key + "' (allowed: " + new java.util.TreeSet<>(KEYS) + ")");
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
                themeStrategy = oneOf(theme, "strategy", g.get("theme"), prefix + "theme.", STRATEGY_THEMES);
                themeNational = oneOf(theme, "national_plan", g.get("theme"), prefix + "theme.", NATIONAL_PLAN_THEMES);
            }
            String metric = text(g, "metric", node, prefix, true);
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
            Node baseline = g.get("baseline");
            if (baseline == null) {
                error(node, prefix + "'baseline' is missing (write 'baseline: none' where the strategy gives none)");
            } else if (baseline instanceof ScalarNode s && s.getValue().equals("none")) {
                // no baseline: the progress models report no_baseline instead of a trajectory
            } else {
                Map<String, Node> b = mapping(baseline, prefix + "'baseline' (or none)");
                baselineYear = year(b, "year", baseline, prefix + "baseline.");
                baselineValue = number(b, "value", baseline, prefix + "baseline.", true);
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
            String applies = text(g, "applies_to_departments", node, prefix, true);
            if (applies != null && !applies.equals("true") && !applies.equals("false")) {
                error(g.get("applies_to_departments"), prefix + "'applies_to_departments' must be true or false");
            }
            String source = text(g, "source", node, prefix, true);
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
                    denominator, baselineYear, baselineValue, targetYear, targetValue, changePct, Boolean.parseBoolean(applies),
                    source, node.getStartMark().getLine() + 1, allocation);
        }
    }
}
