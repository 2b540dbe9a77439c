package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link Elementwise#toFloat} and {@link Elementwise#toDouble} against the Java casts, element by
 * element and bit for bit, for the vector and the scalar implementations, on every length up to a few
 * vectors and at odd offsets (so vector bodies, tails and their seams are all exercised).
 */
class PrecisionConversionTest {
    private static final double[] SPECIALS = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e39, -1e-46, 1.0000000596046448,
        0.1, -3.4028235677973366e38};

    private static List<Elementwise> implementations() {
        return List.of(Kernels.elementwise(), new ScalarElementwise());
    }

    @Test
    void toFloatRoundsEveryElementAsTheCastDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (Elementwise e : implementations()) {
            for (int n = 0; n <= 70; n++) {
                double[] src = values(random, n + 3);
                float[] dst = new float[n + 5];
                dst[1] = 42f;
                e.toFloat(src, 3, dst, 2, n);
                assertEquals(42f, dst[1], e.describe() + ": wrote before dstOff");
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToRawIntBits((float) src[3 + i]), Float.floatToRawIntBits(dst[2 + i]),
                            e.describe() + ": n " + n + ", element " + i + " of " + src[3 + i]);
                }
                assertEquals(0f, dst[2 + n], e.describe() + ": wrote past n");
            }
        }
    }

    @Test
    void toDoubleWidensExactlyAndAccumulates() {
        SplittableRandom random = new SplittableRandom(8);
        for (Elementwise e : implementations()) {
            for (int n = 0; n <= 70; n++) {
                float[] src = new float[n + 1];
                for (int i = 0; i < src.length; i++) {
                    src[i] = (float) values(random, 1)[0];
                }
                double[] base = values(random, n + 4);
                double[] copied = base.clone();
                double[] added = base.clone();
                e.toDouble(src, 1, copied, 4, n, false);
                e.toDouble(src, 1, added, 4, n, true);
                for (int i = 0; i < n + 4; i++) {
                    boolean inside = i >= 4 && i < 4 + n;
                    double expectCopy = inside ? src[1 + i - 4] : base[i];
                    double expectAdd = inside ? base[i] + src[1 + i - 4] : base[i];
                    String where = e.describe() + ": n " + n + ", element " + i;
                    assertEquals(Double.doubleToRawLongBits(expectCopy), Double.doubleToRawLongBits(copied[i]), where);
                    assertEquals(Double.doubleToRawLongBits(expectAdd), Double.doubleToRawLongBits(added[i]), where);
                }
            }
        }
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
