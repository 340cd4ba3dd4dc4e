package nl.impactmonitor.jobs.allocation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.impactmonitor.jobs.progress.TargetsCatalogue;
import nl.impactmonitor.warehouse.Warehouse;

/**
 * Writes a proposal into the allocation register from the footprint method (core.int_goal_allocation_formula): each
 * department's basis (footprint or spend in the goal's segments, within the strategy) in one year, the goal's target
 * split in proportion by the largest-remainder method, so the parts add up exactly. The proposal is appended to the
 * register file for a steward to review, change to {@code adopted} once the ministries agree, and commit.
 */
public final class AllocationProposer {

    /** What could not be proposed, as one line for the operator. */
    public static final class ProposalException extends RuntimeException {
        public ProposalException(String message) {
            super(message);
        }
    }

    /** A proposal: its YAML block and the parts. */
    public record Proposal(String goalId, int from, int to, String kind, Map<String, BigDecimal> parts, String yaml) {
    }

    private AllocationProposer() {
    }

    /** The footprint method's proposal for {@code goal} from the bases of {@code year}. */
    public static Proposal propose(Warehouse warehouse, TargetsCatalogue.Goal goal, int year, LocalDate today) {
        if (goal.appliesToDepartments() || goal.allocation() == null) {
            throw new ProposalException("goal '" + goal.id() + "' has no 'allocation' in targets.yaml (basis and segments): "
                    + "only a government-wide goal with a footprint method can be proposed");
        }
        List<Object[]> rows;
        try {
            rows = warehouse.query("""
                    SELECT department_code, basis_value FROM core.int_goal_allocation_formula
                    WHERE goal_id = ? AND year = ? AND basis_value > 0 ORDER BY department_code""",
                    rs -> new Object[] {rs.getString(1), rs.getBigDecimal(2)}, goal.id(), year);
        } catch (RuntimeException e) {
            throw new ProposalException("the warehouse has no footprint basis yet (" + e.getMessage().lines().findFirst().orElse("")
                    + "): run nightly first");
        }
        if (rows.isEmpty()) {
            throw new ProposalException("no spend in " + year + " in the segments of goal '" + goal.id()
                    + "': load that year's spend and run nightly first");
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        rows.forEach(r -> weights.put((String) r[0], (BigDecimal) r[1]));
        BigDecimal target = AllocationRegister.resolvedTarget(goal);
        String kind = target == null ? "share" : "absolute";
        Map<String, BigDecimal> parts = target == null
                ? LargestRemainder.split(AllocationRegister.HUNDRED, weights, 3)
                : LargestRemainder.split(target, weights, AllocationRegister.decimals(goal));
        int from = year;
        int to = Math.max(year, goal.targetYear() == null ? year : goal.targetYear());
        StringBuilder y = new StringBuilder();
        y.append("  - goal: ").append(goal.id()).append('\n');
        y.append("    period: {from: ").append(from).append(", to: ").append(to).append("}\n");
        y.append("    status: proposal\n");
        y.append("    basis: \"voorstel uit de voetafdrukmethode: ").append(goal.allocation().basis()).append(' ').append(year)
                .append(goal.allocation().segments().isEmpty() ? " in alle segmenten" : " in " + String.join(", ", goal.allocation().segments()))
                .append(" binnen de strategie, verdeeld met de grootste-restmethode; opgesteld ").append(today)
                .append(target == null ? "; aandelen in %, want het doel heeft geen doelwaarde zonder nulmeting" : "").append("\"\n");
        y.append("    kind: ").append(kind).append('\n');
        y.append("    parts:\n");
        parts.forEach((dept, part) -> y.append("      ").append(dept).append(": ").append(part.toPlainString()).append('\n'));
        return new Proposal(goal.id(), from, to, kind, parts, y.toString());
    }

    /**
     * Appends the proposal to the register and checks the whole file again; on any error the file is left as it was
     * and the error is thrown.
     */
    public static void append(Path register, Proposal proposal, List<TargetsCatalogue.Goal> goals, Set<String> departments) {
        try {
            String before = Files.exists(register) ? Files.readString(register, StandardCharsets.UTF_8) : "allocations:\n";
            String after = (before.endsWith("\n") ? before : before + "\n") + proposal.yaml();
            Path tmp = register.resolveSibling(register.getFileName() + ".new");
            Files.writeString(tmp, after, StandardCharsets.UTF_8);
            try {
                AllocationRegister.read(tmp, goals, departments);
            } catch (AllocationRegister.InvalidRegisterException e) {
                Files.deleteIfExists(tmp);
                throw new ProposalException("the register would not be valid with this proposal, left unchanged: " + e.getMessage()
                        .replace(tmp.toString(), register.toString()));
            }
            Files.move(tmp, register, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ProposalException("cannot write " + register.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
