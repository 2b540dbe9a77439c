package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Every {@code Elementwise.biasActivate} (double; float in place; float out of place, keeping the
 * sum) against the passes they fuse ({@link Elementwise#add}, then
 * {@link Elementwise#positivePart} or the identity; in float, as the float32 plan computes them: in
 * double from the floats, the sum rounded to float before the positive part), bit for bit, for the vector and the scalar
 * implementations, on every row length up to a few vectors, 1 to 3 rows, at odd offsets, with
 * zeros of both signs, NaN, infinities and sums that round to zero; nothing outside the block written.
 */
class BiasActivateTest {
    private static final double[] SPECIALS = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-46, -1e-46, 1.0000000596046448, 0.1};

    private static List<Elementwise> implementations() {
        return List.of(Kernels.elementwise(), new ScalarElementwise());
    }

    @Test
    void inDoubleEqualsAddThenPositivePart() {
        SplittableRandom random = new SplittableRandom(11);
        Elementwise reference = new ScalarElementwise();
        for (Elementwise e : implementations()) {
            for (boolean positivePart : new boolean[] {true, false}) {
                for (int rows = 1; rows <= 3; rows++) {
                    for (int cols = 0; cols <= 40; cols++) {
                        double[] b = values(random, cols + 2);
                        double[] x = values(random, rows * cols + 5);
                        double[] expected = x.clone();
                        for (int r = 0; r < rows; r++) {
                            reference.add(expected, 3 + r * cols, b, 2, expected, 3 + r * cols, cols);
                        }
                        if (positivePart) {
                            reference.positivePart(expected, 3, expected, 3, rows * cols);
                        }
                        e.biasActivate(x, 3, b, 2, rows, cols, positivePart);
                        for (int i = 0; i < x.length; i++) {
                            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(x[i]),
                                    e.describe() + " " + rows + "×" + cols + " relu " + positivePart + ", element " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void inFloatEqualsTheDoubleComputationRounded() {
        SplittableRandom random = new SplittableRandom(12);
        for (Elementwise e : implementations()) {
            for (boolean positivePart : new boolean[] {true, false}) {
                for (int rows = 1; rows <= 3; rows++) {
                    for (int cols = 0; cols <= 70; cols++) {
                        double[] b = floats(values(random, cols + 1));
                        float[] bf = new float[b.length];
                        for (int i = 0; i < b.length; i++) {
                            bf[i] = (float) b[i];
                        }
                        float[] x = new float[rows * cols + 5];
                        for (int i = 0; i < x.length; i++) {
                            x[i] = (float) values(random, 1)[0];
                        }
                        float[] before = x.clone();
                        // out of place, keeping the sum: P into p from element 2, A into a from element 4
                        float[] p = new float[rows * cols + 3];
                        float[] a = new float[rows * cols + 6];
                        java.util.Arrays.fill(p, 7f);
                        java.util.Arrays.fill(a, 9f);
                        e.biasActivate(x, 3, bf, 1, rows, cols, p, 2, a, 4, positivePart);
                        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(x), "x untouched");
                        e.biasActivate(x, 3, bf, 1, rows, cols, positivePart);
                        for (int i = 0; i < x.length; i++) {
                            float expected = before[i];
                            float expectedSum = Float.NaN;
                            if (i >= 3 && i < 3 + rows * cols) {
                                // the plan's arithmetic: P = N + B in double, rounded; A = f(P) in double, rounded
                                expectedSum = (float) ((double) before[i] + b[1 + (i - 3) % cols]);
                                expected = positivePart ? (float) Math.max((double) expectedSum, 0.0) : expectedSum;
                                assertEquals(Float.floatToRawIntBits(expectedSum), Float.floatToRawIntBits(p[i - 1]),
                                        e.describe() + " out of place, P, element " + i);
                                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(a[i + 1]),
                                        e.describe() + " out of place, A, relu " + positivePart + ", element " + i);
                            }
                            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(x[i]),
                                    e.describe() + " " + rows + "×" + cols + " relu " + positivePart + ", element " + i
                                            + " of " + before[i]);
                        }
                        for (int i : new int[] {0, 1, rows * cols + 2}) {
                            assertEquals(7f, p[i], "p outside the block, element " + i);
                        }
                        for (int i : new int[] {0, 3, rows * cols + 4, rows * cols + 5}) {
                            assertEquals(9f, a[i], "a outside the block, element " + i);
                        }
                    }
                }
            }
        }
    }

    private static double[] floats(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) v[i];
        }
        return v;
    }

    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(4) == 0 ? SPECIALS[random.nextInt(SPECIALS.length)]
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 6));
        }
        return v;
    }
}
