package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@code Elementwise.whereXPositive} in float against the double pass on the widened floats, rounded
 * (what the float32 plan computed before it selected in float), bit for bit, for the vector and the
 * scalar implementations, at every length up to a few vectors and at odd offsets, in place (gi = g)
 * and into another array, with zeros of both signs, NaN, infinities and subnormals in x and g;
 * nothing outside the range written.
 */
class WhereXPositiveInFloatTest {
    private static final float[] SPECIALS = {0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, 1.0f, -1.0f};

    @Test
    void equalsTheDoublePassRounded() {
        SplittableRandom random = new SplittableRandom(13);
        Elementwise reference = new ScalarElementwise();
        for (Elementwise e : List.of(Kernels.elementwise(), new ScalarElementwise())) {
            for (boolean inPlace : new boolean[] {true, false}) {
                for (int n = 0; n <= 70; n++) {
                    float[] x = values(random, n + 3);
                    float[] g = values(random, n + 5);
                    float[] out = inPlace ? g : values(random, n + 4);
                    float[] outBefore = out.clone();
                    double[] xd = new double[n];
                    double[] gd = new double[n];
                    double[] expected = new double[n];
                    for (int k = 0; k < n; k++) {
                        xd[k] = x[3 + k];
                        gd[k] = g[5 + k];
                    }
                    reference.whereXPositive(xd, 0, gd, 0, expected, 0, n);
                    int outOff = inPlace ? 5 : 4;
                    e.whereXPositive(x, 3, g, 5, out, outOff, n);
                    for (int i = 0; i < out.length; i++) {
                        float want = i >= outOff && i < outOff + n ? (float) expected[i - outOff] : outBefore[i];
                        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(out[i]),
                                e.describe() + " n " + n + " in place " + inPlace + ", element " + i);
                    }
                }
            }
        }
    }

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(3) == 0 ? SPECIALS[random.nextInt(SPECIALS.length)]
                    : (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 6)));
        }
        return v;
    }
}
