package nl.impactmonitor.jobs.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The split that propose-allocation writes: parts add up exactly, and each is within one unit of its exact share. */
class LargestRemainderTest {

    @Property(tries = 500)
    void partsAddUpExactlyToTheRoundedWholeForAnySpends(
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 5_000_000_000L) Long> spends,
            @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long wholeUnits, @ForAll @IntRange(min = 0, max = 3) int decimals) {
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
        assertThat(sum).isEqualByComparingTo(whole.setScale(decimals, RoundingMode.HALF_UP));
        BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (String k : weights.keySet()) {
            BigDecimal exact = whole.setScale(decimals, RoundingMode.HALF_UP).multiply(weights.get(k)).divide(total, 20, RoundingMode.HALF_UP);
            assertThat(parts.get(k).subtract(exact).abs()).isLessThan(unit);
        }
    }

    @Example
    void socialReturnHandByHand() {
        // 1,500 jobs over AZ 480,003 and BZ 175,001 EUR: 1,099.2368 and 400.7632; rounded down 1,099 + 400 = 1,499,
        // the job left goes to the larger remainder (BZ): AZ 1,099, BZ 401 (the same as core.fct_goal_allocation_formula).
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        weights.put("AZ", new BigDecimal("480003"));
        weights.put("BZ", new BigDecimal("175001"));
        assertThat(LargestRemainder.split(new BigDecimal("1500"), weights, 0))
                .containsExactly(Map.entry("AZ", new BigDecimal("1099")), Map.entry("BZ", new BigDecimal("401")));
    }
}
