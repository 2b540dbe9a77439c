package org.backprop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link RocArea}: the rows sorted by score and cut into parts between thresholds (as Spark's range
 * partitioning cuts them), each part counted on its own and appended in order, give the bits of
 * {@link RocAuc#of(int[], double[])} over all rows; the final division is correctly rounded also
 * where the counts exceed 2⁵³.
 */
class RocAreaTest {
    @Test
    void partsOfTheSortedRowsAppendToTheWholeArea() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + random.nextInt(3000);
            int[] actual = new int[n];
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                actual[i] = random.nextInt(3) == 0 ? 1 : 0;
                // coarse scores: many ties
                scores[i] = Math.round((random.nextDouble() + actual[i] * 0.3) * 50) / 50.0;
            }
            actual[0] = 1;
            actual[1] = 0;
            OptionalDouble whole = RocAuc.of(actual, scores);
            // thresholds from the highest score down
            double[] distinct = Arrays.stream(scores).distinct().sorted().toArray();
            List<long[]> thresholds = new ArrayList<>();
            for (int t = distinct.length - 1; t >= 0; t--) {
                long[] counts = new long[2];
                for (int i = 0; i < n; i++) {
                    if (scores[i] == distinct[t]) {
                        counts[actual[i]]++;
                    }
                }
                thresholds.add(counts);
            }
            RocArea appended = new RocArea();
            for (int from = 0; from < thresholds.size(); ) {
                int to = Math.min(thresholds.size(), from + random.nextInt(8));
                RocArea part = new RocArea(); // possibly empty
                for (long[] c : thresholds.subList(from, to)) {
                    part.addThreshold(c[1], c[0]);
                }
                appended.append(part);
                from = to;
            }
            assertEquals(Double.doubleToRawLongBits(whole.getAsDouble()),
                    Double.doubleToRawLongBits(appended.value().getAsDouble()), "trial " + trial);
        }
    }

    @Test
    void oneClassOnlyHasNoArea() {
        RocArea area = new RocArea();
        area.addThreshold(3, 0);
        area.addThreshold(2, 0);
        assertTrue(area.value().isEmpty());
    }

    @Test
    void largeCountsAreDividedWithOneCorrectRounding() {
        SplittableRandom random = new SplittableRandom(2);
        for (int trial = 0; trial < 2000; trial++) {
            BigInteger den = BigInteger.valueOf(random.nextLong(1, Long.MAX_VALUE));
            BigInteger num = BigInteger.valueOf(random.nextLong(0, Long.MAX_VALUE)).mod(den.add(BigInteger.ONE));
            double expected = new BigDecimal(num).divide(new BigDecimal(den), new MathContext(60)).doubleValue();
            double actual = RocArea.ratio(num, den);
            // 60 digits decide the rounding unless the quotient is within 1e-60 of a half-way point
            assertEquals(expected, actual, num + "/" + den);
        }
        assertEquals(1.0 / 3, RocArea.ratio(BigInteger.ONE, BigInteger.valueOf(3)));
        assertEquals(0.0, RocArea.ratio(BigInteger.ZERO, BigInteger.TEN));
        // half-way between two doubles: 1 + 2⁻⁵³ rounds to even (1.0); a hair above rounds up
        BigInteger big = BigInteger.ONE.shiftLeft(53);
        assertEquals(1.0, RocArea.ratio(big.add(BigInteger.ONE), big));
        BigInteger den = BigInteger.ONE.shiftLeft(54);
        assertEquals(1.0 + Math.ulp(1.0), RocArea.ratio(den.add(BigInteger.valueOf(3)), den));
    }
}
