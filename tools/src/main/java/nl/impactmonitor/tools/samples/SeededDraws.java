package nl.impactmonitor.tools.samples;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws of the sample generators. Only {@code nextLong()} is used, whose algorithm SplittableRandom
 * specifies, and StrictMath for the rest, so the same seed gives the same samples on every JDK.
 */
final class SeededDraws {

    private SeededDraws() {
    }

    static double uniform(SplittableRandom rng) {
        return (rng.nextLong() >>> 11) * 0x1.0p-53;
    }

    static int intBetween(SplittableRandom rng, int lo, int hi) {
        return lo + (int) Long.remainderUnsigned(rng.nextLong(), (long) hi - lo + 1);
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - uniform(rng);
        double u2 = uniform(rng);
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    static <T> T pick(List<T> items, SplittableRandom rng) {
        return items.get(intBetween(rng, 0, items.size() - 1));
    }

    static <T> void shuffle(List<T> items, SplittableRandom rng) {
        for (int i = items.size() - 1; i > 0; i--) {
            Collections.swap(items, i, intBetween(rng, 0, i));
        }
    }
}
