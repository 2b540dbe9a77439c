package org.backprop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link ExactSum} is the exact sum rounded once: equal to the sum computed in {@link BigDecimal}
 * (exact) and rounded to a double, and bit-identical for every order of the terms and every split of
 * them into partial sums merged in any order, where naive summation loses.
 */
class ExactSumTest {
    @Test
    void cancellationThatNaiveSummationLoses() {
        double[] terms = {1e16, 1.0, -1e16};
        assertEquals(0.0, 1e16 + 1.0 - 1e16, "naive summation loses the 1");
        assertEquals(1.0, sum(terms));
        assertEquals(1e-300, sum(1e308, 1e-300, -1e308));
        assertEquals(Double.MIN_VALUE, sum(1e300, Double.MIN_VALUE, -1e300, -0.0));
        assertEquals(Math.ulp(1.0) / 2, sum(1.0, Math.ulp(1.0) / 2, -1.0));
    }

    @Test
    void manyTinyValuesAddUpWhereTheNaiveSumIgnoresThem() {
        double[] terms = new double[1 + (1 << 16)];
        terms[0] = 1.0;
        for (int i = 1; i < terms.length; i++) {
            terms[i] = 1e-17; // below half an ulp of 1: each naive addition rounds it away
        }
        double naive = 0;
        for (double t : terms) {
            naive += t;
        }
        assertEquals(1.0, naive);
        assertEquals(exact(terms), sum(terms));
        assertTrue(sum(terms) > 1.0);
    }

    @Test
    void halfWayCasesRoundToEvenOnTheExactSum() {
        double half = Math.ulp(1.0) / 2;
        assertEquals(1.0, sum(1.0, half)); // exactly half-way: to even
        assertEquals(1.0 + Math.ulp(1.0), sum(1.0, half, 1e-300)); // just above half-way
        assertEquals(1.0, sum(1.0, half, -1e-300)); // just below
        assertEquals(exact(1.0 + 2 * Math.ulp(1.0), half), sum(1.0 + 2 * Math.ulp(1.0), half));
    }

    @Test
    void everyOrderAndEveryPartitionGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double[] terms = new double[1 + random.nextInt(400)];
            for (int i = 0; i < terms.length; i++) {
                // wide exponents and both signs: naive sums of such terms depend on the order
                terms[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-20, 20));
            }
            long expected = Double.doubleToRawLongBits(exact(terms));
            assertEquals(expected, Double.doubleToRawLongBits(sum(terms)), "trial " + trial);
            for (int order = 0; order < 5; order++) {
                double[] shuffled = shuffled(terms, random);
                int parts = 1 + random.nextInt(6);
                List<ExactSum> partials = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    partials.add(new ExactSum());
                }
                for (double t : shuffled) {
                    partials.get(random.nextInt(parts)).add(t);
                }
                ExactSum merged = new ExactSum();
                for (int p = parts - 1; p >= 0; p--) {
                    merged.add(partials.get(p));
                }
                assertEquals(expected, Double.doubleToRawLongBits(merged.doubleValue()), "trial " + trial);
            }
        }
    }

    @Test
    void naiveSumsOfTheSameTermsDoDependOnTheOrder() {
        SplittableRandom random = new SplittableRandom(4);
        double[] terms = new double[1000];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-8, 8));
        }
        double forward = 0;
        double backward = 0;
        for (int i = 0; i < terms.length; i++) {
            forward += terms[i];
            backward += terms[terms.length - 1 - i];
        }
        assertNotEquals(forward, backward, "the data exercise rounding");
        ExactSum a = new ExactSum();
        ExactSum b = new ExactSum();
        for (int i = 0; i < terms.length; i++) {
            a.add(terms[i]);
            b.add(terms[terms.length - 1 - i]);
        }
        assertEquals(a.doubleValue(), b.doubleValue());
        assertEquals(exact(terms), a.doubleValue());
    }

    @Test
    void theWholeExponentRangeSubnormalsAndCarriesAreExact() {
        SplittableRandom random = new SplittableRandom(9);
        for (int trial = 0; trial < 40; trial++) {
            double[] terms = new double[1 + random.nextInt(60)];
            for (int i = 0; i < terms.length; i++) {
                double t = random.nextDouble(1, 2) * Math.pow(2, random.nextInt(-1074, 1000));
                terms[i] = random.nextBoolean() ? t : -t;
            }
            ExactSum sum = new ExactSum();
            for (int i = 0; i < terms.length; i++) {
                sum.add(terms[i]);
                if (i % 7 == 3) {
                    sum.carry(); // the value does not change when the carries move
                }
            }
            assertEquals(exact(terms), sum.doubleValue(), "trial " + trial);
        }
        assertEquals(2 * Double.MIN_VALUE, sum(Double.MIN_VALUE, Double.MIN_VALUE));
        assertEquals(Double.MIN_NORMAL, sum(Double.MIN_NORMAL - Double.MIN_VALUE, Double.MIN_VALUE));
        assertEquals(-Double.MIN_VALUE, sum(Double.MIN_NORMAL, -Double.MIN_NORMAL - Double.MIN_VALUE));
        assertEquals(Double.MAX_VALUE, sum(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
        assertEquals(Double.NEGATIVE_INFINITY, sum(-Double.MAX_VALUE, -Math.ulp(Double.MAX_VALUE)));
        assertEquals(-Double.MAX_VALUE, sum(-Double.MAX_VALUE, -Math.ulp(Double.MAX_VALUE) / 4));
    }

    @Test
    void productsAreAddedExactly() {
        SplittableRandom random = new SplittableRandom(8);
        ExactSum sum = new ExactSum();
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < 500; i++) {
            double a = random.nextDouble() * 3;
            double b = random.nextGaussian();
            sum.addProduct(a, b);
            exact = exact.add(new BigDecimal(a).multiply(new BigDecimal(b)));
        }
        assertEquals(exact.doubleValue(), sum.doubleValue());
        ExactSum square = new ExactSum();
        double third = 1.0 / 3;
        square.addProduct(third, third);
        square.add(-third * third);
        assertEquals(new BigDecimal(third).pow(2).subtract(new BigDecimal(third * third)).doubleValue(),
                square.doubleValue(), "the rounding error of the product is kept");
    }

    @Test
    void nonFiniteTermsActAsInNaiveSummation() {
        assertEquals(0.0, new ExactSum().doubleValue());
        assertEquals(Double.POSITIVE_INFINITY, sum(1.0, Double.POSITIVE_INFINITY, -5));
        assertTrue(Double.isNaN(sum(Double.POSITIVE_INFINITY, 1.0, Double.NEGATIVE_INFINITY)));
        assertTrue(Double.isNaN(sum(Double.NaN, 2.0)));
        assertEquals(Double.POSITIVE_INFINITY, sum(Double.MAX_VALUE, Double.MAX_VALUE));
    }

    @Test
    void aSerializedSumKeepsItsTerms() throws IOException, ClassNotFoundException {
        ExactSum sum = new ExactSum();
        sum.add(1e16);
        sum.add(1.0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sum);
        }
        ExactSum copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ExactSum) in.readObject();
        }
        copy.add(-1e16);
        assertEquals(1.0, copy.doubleValue());
    }

    private static double sum(double... terms) {
        ExactSum sum = new ExactSum();
        for (double t : terms) {
            sum.add(t);
        }
        return sum.doubleValue();
    }

    /** The exact sum (BigDecimal) rounded to the nearest double. */
    private static double exact(double... terms) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double t : terms) {
            sum = sum.add(new BigDecimal(t));
        }
        return sum.doubleValue();
    }

    private static double[] shuffled(double[] terms, SplittableRandom random) {
        double[] copy = terms.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }
}
