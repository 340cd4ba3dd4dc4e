package nl.impactmonitor.jobs.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a whole over parties in proportion to their weights, rounded to a number of decimals by the largest-remainder
 * method: every part is rounded down, and the units left over go one by one to the largest remainders (ties by key).
 * The parts add up exactly to the whole rounded to those decimals. The same rule as core.int_goal_allocation.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param whole    the total to split (any sign; a negative whole is split as its magnitude and negated)
     * @param weights  non-negative weights per key, at least one positive
     * @param decimals decimals of the parts
     * @return the parts, in the order of {@code weights}
     */
    public static Map<String, BigDecimal> split(BigDecimal whole, Map<String, BigDecimal> weights, int decimals) {
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.values().stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("weights must not be negative: " + weights);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        boolean negative = whole.signum() < 0;
        BigInteger units = whole.abs().setScale(decimals, RoundingMode.HALF_UP).unscaledValue();
        record Exact(String key, BigInteger floor, BigDecimal remainder) {
        }
        List<Exact> exact = new ArrayList<>();
        BigInteger handedOut = BigInteger.ZERO;
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            // units x weight / total, cut (not rounded) at 40 decimals: its floor is the exact floor
            BigDecimal q = new BigDecimal(units).multiply(e.getValue()).divide(total, 40, RoundingMode.DOWN);
            BigInteger floor = q.setScale(0, RoundingMode.DOWN).toBigInteger();
            exact.add(new Exact(e.getKey(), floor, q.subtract(new BigDecimal(floor))));
            handedOut = handedOut.add(floor);
        }
        int leftover = units.subtract(handedOut).intValueExact();
        List<Exact> byRemainder = new ArrayList<>(exact);
        byRemainder.sort(Comparator.comparing(Exact::remainder).reversed().thenComparing(Exact::key));
        Map<String, BigInteger> extra = new LinkedHashMap<>();
        for (int i = 0; i < leftover; i++) {
            extra.put(byRemainder.get(i).key(), BigInteger.ONE);
        }
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        for (Exact x : exact) {
            BigDecimal part = new BigDecimal(x.floor().add(extra.getOrDefault(x.key(), BigInteger.ZERO)), decimals);
            parts.put(x.key(), negative ? part.negate() : part);
        }
        return parts;
    }
}
