package nl.impactmonitor.jobs.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The split that propose-allocation writes: parts add up exactly, and each is within one unit of its exact share.
 * A property over 500 seeded random cases (1 to 12 departments with spends from 0 to EUR 5 bn, including all-but-one
 * zero, a whole of -10,000 to 10,000 with three decimals, 0 to 3 decimals kept); a failure names its case number.
 */
class LargestRemainderTest {

    @Test
    void partsAddUpExactlyToTheRoundedWholeForAnySpends() {
        Random random = new Random(20261202L);
        for (int c = 0; c < 500; c++) {
            int n = 1 + random.nextInt(12);
            List<Long> spends = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // a third of the departments without spend in the goal's segments, the rest anything up to EUR 5 bn
                spends.add(random.nextInt(3) == 0 ? 0L : (long) (random.nextDouble() * 5_000_000_000L));
            }
            long wholeUnits = random.nextLong(-10_000_000L, 10_000_001L);
            int decimals = random.nextInt(4);
            check(c, spends, wholeUnits, decimals);
        }
    }

    private static void check(int c, List<Long> spends, long wholeUnits, int decimals) {
        if (spends.stream().allMatch(s -> s == 0)) {
            spends = List.of(1L);
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (int i = 0; i < spends.size(); i++) {
            weights.put("D" + i, BigDecimal.valueOf(spends.get(i)));
        }
        BigDecimal whole = BigDecimal.valueOf(wholeUnits, 3);
        Map<String, BigDecimal> parts = LargestRemainder.split(whole, weights, decimals);

        BigDecimal sum = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).as("case %d: %s, whole %s, %d decimals", c, spends, whole, decimals)
                .isEqualByComparingTo(whole.setScale(decimals, RoundingMode.HALF_UP));
        BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (String k : weights.keySet()) {
            BigDecimal exact = whole.setScale(decimals, RoundingMode.HALF_UP).multiply(weights.get(k)).divide(total, 20, RoundingMode.HALF_UP);
            assertThat(parts.get(k).subtract(exact).abs()).as("case %d, %s", c, k).isLessThan(unit);
        }
    }

    @Test
    void socialReturnHandByHand() {
        // 1,500 jobs over AZ 480,003 and BZ 175,001 EUR: 1,099.2368 and 400.7632; rounded down 1,099 + 400 = 1,499,
        // the job left goes to the larger remainder (BZ): AZ 1,099, BZ 401 (the same as core.int_goal_allocation_formula).
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        weights.put("AZ", new BigDecimal("480003"));
        weights.put("BZ", new BigDecimal("175001"));
        assertThat(LargestRemainder.split(new BigDecimal("1500"), weights, 0))
                .containsExactly(Map.entry("AZ", new BigDecimal("1099")), Map.entry("BZ", new BigDecimal("401")));
    }
}
