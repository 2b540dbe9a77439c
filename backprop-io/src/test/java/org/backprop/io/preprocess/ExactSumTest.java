package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link ExactSum} is the exactly rounded sum (checked against {@link BigDecimal}, which adds
 * doubles without error), whatever the order of the terms and however they are split and merged.
 */
class ExactSumTest {

    @Test
    void equalsTheExactSumRoundedOnceInAnyOrderAndSplit() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            double[] terms = new double[1 + random.nextInt(300)];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = term(random);
            }
            BigDecimal exact = BigDecimal.ZERO;
            for (double t : terms) {
                exact = exact.add(new BigDecimal(t));
            }
            double expected = exact.doubleValue();
            ExactSum forward = new ExactSum();
            for (double t : terms) {
                forward.add(t);
            }
            ExactSum left = new ExactSum();
            ExactSum right = new ExactSum();
            int cut = random.nextInt(terms.length);
            for (int i = terms.length - 1; i >= 0; i--) {
                (i < cut ? left : right).add(terms[i]);
            }
            assertEquals(expected, forward.value(), "trial " + trial);
            assertEquals(expected, right.merge(left).value(), "trial " + trial + ", split at " + cut);
        }
    }

    @Test
    void cancellationLeavesTheSmallTermExactly() {
        ExactSum s = new ExactSum();
        s.add(1e300);
        s.add(Double.MIN_VALUE);
        s.add(-1e300);
        s.add(-0.0);
        assertEquals(Double.MIN_VALUE, s.value());
        assertEquals(0.0, new ExactSum().value());
    }

    @Test
    void roundsHalfwayToEvenAndOverflowsToInfinity() {
        ExactSum halfway = new ExactSum();
        halfway.add(1.0);
        halfway.add(Math.ulp(1.0) / 2);
        assertEquals(1.0, halfway.value());
        halfway.add(Math.ulp(1.0) / 2);
        assertEquals(1.0 + Math.ulp(1.0), halfway.value());
        ExactSum big = new ExactSum();
        big.add(Double.MAX_VALUE);
        big.add(Double.MAX_VALUE);
        assertEquals(Double.POSITIVE_INFINITY, big.value());
        assertThrows(IllegalArgumentException.class, () -> new ExactSum().add(Double.NaN));
    }

    /** Mixed signs and magnitudes, subnormals and huge values included. */
    private static double term(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextGaussian();
            case 1 -> random.nextGaussian() * Math.pow(2, random.nextInt(2000) - 1000);
            case 2 -> Double.MIN_VALUE * random.nextInt(1000) * (random.nextBoolean() ? 1 : -1);
            default -> random.nextDouble() * Double.MAX_VALUE / 1024 * (random.nextBoolean() ? 1 : -1);
        };
    }
}
