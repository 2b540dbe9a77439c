package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link Elementwise#outerProductInFloat} gives, bit for bit, the three passes it replaces: the
 * double {@link Elementwise#outerProduct}, rounded with {@link Elementwise#toFloat}, then masked
 * with the float {@link Elementwise#whereXPositive} (or not masked, x null), for the vector and the
 * scalar implementations, on widths around the vector lengths and at offsets, with zeros of both
 * signs, NaN, infinities, subnormals and values beyond float's range; nothing outside the output
 * block is written.
 */
class OuterProductInFloatTest {
    private static final double[] SPECIALS = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE,
        1e-40, 1e300, -3.0e38};
    private static final float[] X_SPECIALS = {0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE};

    @Test
    void equalsTheProductRoundedThenMasked() {
        SplittableRandom random = new SplittableRandom(21);
        Elementwise reference = new ScalarElementwise();
        for (Elementwise e : List.of(Kernels.elementwise(), new ScalarElementwise())) {
            for (boolean masked : new boolean[] {true, false}) {
                for (int cols = 0; cols <= 70; cols++) {
                    int rows = 3;
                    double[] a = values(random, rows + 1);
                    double[] b = values(random, cols + 2);
                    float[] x = masked ? xValues(random, rows * cols + 5) : null;
                    float[] c = new float[rows * cols + 7];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = 42 + i;
                    }
                    float[] before = c.clone();

                    double[] product = new double[rows * cols];
                    reference.outerProduct(a, 1, rows, b, 2, cols, product, 0);
                    float[] expected = new float[rows * cols];
                    reference.toFloat(product, 0, expected, 0, product.length);
                    if (masked) {
                        reference.whereXPositive(x, 5, expected, 0, expected, 0, expected.length);
                    }

                    e.outerProductInFloat(a, 1, rows, b, 2, cols, x, 5, c, 3);
                    for (int i = 0; i < c.length; i++) {
                        boolean inside = i >= 3 && i < 3 + rows * cols;
                        float want = inside ? expected[i - 3] : before[i];
                        assertEquals(bits(want), bits(c[i]), e.describe() + ": cols " + cols + ", masked " + masked
                                + ", element " + i);
                    }
                }
            }
        }
    }

    /** NaN payloads may differ between vector and scalar code: every NaN compares as one. */
    private static int bits(float f) {
        return Float.isNaN(f) ? 0x7fc00000 : Float.floatToRawIntBits(f);
    }

    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(4) == 0 ? SPECIALS[random.nextInt(SPECIALS.length)] : random.nextDouble(-2, 2);
        }
        return v;
    }

    private static float[] xValues(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(3) == 0 ? X_SPECIALS[random.nextInt(X_SPECIALS.length)]
                    : (float) random.nextDouble(-1, 1);
        }
        return v;
    }
}
