package nl.impactmonitor.jobs.allocation;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.impactmonitor.jobs.progress.TargetsCatalogue;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The allocation register ({@code config/allocations.yaml}, next to targets.yaml): per government-wide goal and period,
 * each department's part as the ministries agree it (evaluation 8.2.6), with its status ({@code proposal} or
 * {@code adopted}), who adopted it and when, and its basis in words. Read and checked as a whole at start-up: every
 * error names its line. Departments are judged only against adopted parts; a proposal is indicative.
 */
public final class AllocationRegister {

    public static final String FILE_NAME = "allocations.yaml";
    static final Set<String> STATUSES = Set.of("proposal", "adopted");
    static final Set<String> KINDS = Set.of("absolute", "share");
    static final Set<String> KEYS = Set.of("goal", "period", "status", "adopted_on", "adopted_by", "basis", "kind", "parts");
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private AllocationRegister() {
    }

    /** One department's part; {@code line} is its line in the file. */
    public record Part(String departmentCode, BigDecimal value, int line) {
    }

    /** One allocation of a goal over departments for the years {@code from} to {@code to}. */
    public record Allocation(String goalId, int from, int to, String status, LocalDate adoptedOn, String adoptedBy, String basis,
                             String kind, List<Part> parts, int line) {
        public boolean adopted() {
            return "adopted".equals(status);
        }
    }

    /** The register has errors; the message lists each with its line. */
    public static final class InvalidRegisterException extends RuntimeException {
        InvalidRegisterException(String message) {
            super(message);
        }
    }

    /** The register next to the targets catalogue. */
    public static Path besides(Path targetsFile) {
        return targetsFile.resolveSibling(FILE_NAME);
    }

    /**
     * Reads and checks the register against the goals of the catalogue and the known departments. A missing file is an
     * empty register.
     */
    public static List<Allocation> read(Path file, List<TargetsCatalogue.Goal> goals, Set<String> departments) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(in);
        } catch (IOException e) {
            throw new InvalidRegisterException("Cannot read allocation register " + file.toAbsolutePath() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidRegisterException("Allocation register " + file + " is not valid YAML: " + e.getMessage());
        }
        Map<String, TargetsCatalogue.Goal> byId = new LinkedHashMap<>();
        goals.forEach(g -> byId.put(g.id(), g));
        Checker c = new Checker(file);
        List<Allocation> result = new ArrayList<>();
        if (root != null) {
            Map<String, Node> top = c.mapping(root, "the file");
            Node list = top.get("allocations");
            if (list == null) {
                c.error(root, "the file must have an 'allocations:' list");
            } else if (list instanceof ScalarNode s && (s.getValue().isBlank() || s.getValue().equals("null") || s.getValue().equals("~"))) {
                // an empty register
            } else if (!(list instanceof SequenceNode seq)) {
                c.error(list, "'allocations' must be a list");
            } else {
                for (Node n : seq.getValue()) {
                    Allocation a = c.allocation(n, byId, departments);
                    if (a != null) {
                        for (Allocation other : result) {
                            if (other.goalId().equals(a.goalId()) && other.from() <= a.to() && a.from() <= other.to()) {
                                c.error(n, "allocation of goal '" + a.goalId() + "' for " + a.from() + "-" + a.to()
                                        + " overlaps the one on line " + other.line() + " (" + other.from() + "-" + other.to()
                                        + "): one allocation per goal and year");
                            }
                        }
                        result.add(a);
                    }
                }
            }
        }
        if (!c.errors.isEmpty()) {
            throw new InvalidRegisterException("Allocation register has " + c.errors.size() + " error(s):\n  " + String.join("\n  ", c.errors));
        }
        return List.copyOf(result);
    }

    /** The goal's government-wide target in its unit, rounded to its allocation decimals; null when it cannot be resolved. */
    public static BigDecimal resolvedTarget(TargetsCatalogue.Goal g) {
        BigDecimal t = g.targetValue();
        if (t == null && g.baselineValue() != null && g.targetChangePct() != null) {
            t = g.baselineValue().multiply(BigDecimal.ONE.add(g.targetChangePct().divide(HUNDRED)));
        }
        return t == null ? null : t.setScale(decimals(g), RoundingMode.HALF_UP);
    }

    /** Decimals of a goal's parts: its allocation's, else 3. */
    public static int decimals(TargetsCatalogue.Goal g) {
        return g.allocation() == null ? 3 : g.allocation().decimals();
    }

    private static final class Checker {
        final Path file;
        final List<String> errors = new ArrayList<>();

        Checker(Path file) {
            this.file = file;
        }

        void error(Node node, String message) {
            errors.add(file + " line " + line(node) + ": " + message);
        }

        static int line(Node node) {
            return node.getStartMark().getLine() + 1;
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

        String text(Map<String, Node> map, String key, Node owner, String prefix, boolean required) {
            Node n = map.get(key);
            if (n == null) {
                if (required) {
                    error(owner, prefix + "'" + key + "' is missing");
                }
                return null;
            }
            if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
                error(n, prefix + "'" + key + "' must be a single value");
                return null;
            }
            return s.getValue().strip();
        }

        Integer year(Map<String, Node> map, String key, Node owner, String prefix) {
            String v = text(map, key, owner, prefix, true);
            if (v == null) {
                return null;
            }
            if (!v.matches("\\d{4}")) {
                error(map.get(key), prefix + "'" + key + "' must be a year such as 2025, not '" + v + "'");
                return null;
            }
            return Integer.valueOf(v);
        }

        Allocation allocation(Node node, Map<String, TargetsCatalogue.Goal> goals, Set<String> departments) {
            Map<String, Node> m = mapping(node, "an allocation");
            if (m.isEmpty()) {
                return null;
            }
            int before = errors.size();
            for (String key : m.keySet()) {
                if (!KEYS.contains(key)) {
                    error(m.get(key), "unknown key '" + key + "' (known: " + new java.util.TreeSet<>(KEYS) + ")");
                }
            }
            String goalId = text(m, "goal", node, "", true);
            String prefix = goalId == null ? "" : "allocation of '" + goalId + "': ";
            TargetsCatalogue.Goal goal = null;
            if (goalId != null) {
                goal = goals.get(goalId);
                if (goal == null) {
                    error(m.get("goal"), "unknown goal '" + goalId + "': not in targets.yaml");
                } else if (goal.appliesToDepartments() || !goal.measurable()) {
                    error(m.get("goal"), prefix + "only a measurable government-wide goal (applies_to_departments: false) is split"
                            + " over departments");
                }
            }
            Integer from = null;
            Integer to = null;
            Node period = m.get("period");
            if (period == null) {
                error(node, prefix + "'period' is missing, e.g. {from: 2025, to: 2030}");
            } else {
                Map<String, Node> p = mapping(period, prefix + "'period'");
                from = year(p, "from", period, prefix + "period.");
                to = year(p, "to", period, prefix + "period.");
                if (from != null && to != null && from > to) {
                    error(period, prefix + "period.from " + from + " is after period.to " + to);
                }
            }
            String status = text(m, "status", node, prefix, true);
            if (status != null && !STATUSES.contains(status)) {
                error(m.get("status"), prefix + "'status' must be proposal or adopted, not '" + status + "'");
            }
            LocalDate adoptedOn = null;
            String adoptedOnText = text(m, "adopted_on", node, prefix, false);
            if (adoptedOnText != null) {
                try {
                    adoptedOn = LocalDate.parse(adoptedOnText);
                } catch (DateTimeParseException e) {
                    error(m.get("adopted_on"), prefix + "'adopted_on' must be a date such as 2025-06-12, not '" + adoptedOnText + "'");
                }
            }
            String adoptedBy = text(m, "adopted_by", node, prefix, false);
            if ("adopted".equals(status)) {
                if (adoptedOnText == null) {
                    error(node, prefix + "status adopted without 'adopted_on' (the date it was adopted)");
                }
                if (adoptedBy == null) {
                    error(node, prefix + "status adopted without 'adopted_by' (who adopted it, e.g. ICBR)");
                }
            } else if ("proposal".equals(status) && (adoptedOnText != null || adoptedBy != null)) {
                error(node, prefix + "a proposal has no 'adopted_on' or 'adopted_by'; set status: adopted when it is adopted");
            }
            String basis = text(m, "basis", node, prefix, true);
            String kind = text(m, "kind", node, prefix, true);
            if (kind != null && !KINDS.contains(kind)) {
                error(m.get("kind"), prefix + "'kind' must be absolute (in the goal's unit) or share (%), not '" + kind + "'");
                kind = null;
            }
            List<Part> parts = new ArrayList<>();
            Node partsNode = m.get("parts");
            if (partsNode == null) {
                error(node, prefix + "'parts' is missing: one line per department, e.g. AZ: 12");
            } else if (partsNode instanceof MappingNode pm) {
                for (NodeTuple t : pm.getValue()) {
                    String dept = ((ScalarNode) t.getKeyNode()).getValue().strip();
                    Node v = t.getValueNode();
                    if (!departments.isEmpty() && !departments.contains(dept)) {
                        error(t.getKeyNode(), prefix + "unknown department '" + dept + "': not in config/reference/departments.csv");
                        continue;
                    }
                    if (parts.stream().anyMatch(x -> x.departmentCode().equals(dept))) {
                        error(t.getKeyNode(), prefix + "department '" + dept + "' has two parts");
                        continue;
                    }
                    BigDecimal value = null;
                    if (v instanceof ScalarNode s) {
                        try {
                            value = new BigDecimal(s.getValue().strip());
                        } catch (NumberFormatException e) {
                            // reported below
                        }
                    }
                    if (value == null || value.signum() < 0) {
                        error(v, prefix + "part of '" + dept + "' must be a number of 0 or more (use . as decimal mark)");
                        continue;
                    }
                    parts.add(new Part(dept, value, line(t.getKeyNode())));
                }
                if (parts.isEmpty() && errors.size() == before) {
                    error(partsNode, prefix + "'parts' lists no department");
                }
            } else {
                error(partsNode, prefix + "'parts' must be a mapping of department: part, e.g. AZ: 12");
            }
            if (goal != null && kind != null && !parts.isEmpty()) {
                BigDecimal sum = parts.stream().map(Part::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (kind.equals("share")) {
                    if (sum.compareTo(HUNDRED) != 0) {
                        error(partsNode, prefix + "shares add up to " + sum.toPlainString() + "%, not exactly 100%");
                    }
                } else {
                    BigDecimal target = resolvedTarget(goal);
                    if (target == null) {
                        error(m.get("kind"), prefix + "absolute parts need a goal with a known target value; goal '" + goal.id()
                                + "' has a relative target without a measured baseline: use kind: share");
                    } else if (sum.compareTo(target) != 0) {
                        error(partsNode, prefix + "parts add up to " + sum.toPlainString() + ", not exactly the goal's target "
                                + target.toPlainString() + (goal.unit() == null ? "" : " " + goal.unit()));
                    }
                }
            }
            if (errors.size() > before || goal == null || from == null || to == null || status == null || kind == null) {
                return null;
            }
            return new Allocation(goalId, from, to, status, adoptedOn, adoptedBy, basis, kind, List.copyOf(parts), line(node));
        }
    }
}
