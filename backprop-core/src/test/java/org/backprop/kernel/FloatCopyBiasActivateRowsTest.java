package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link FloatCopy#biasActivateRows}: a row range of the sum's copy equals the source's rows with
 * {@link Elementwise#biasActivate(float[], int, float[], int, int, int, boolean)} applied without the
 * positive part, and the same range of the activated copy equals it applied with {@code positivePart}
 * (the kernel BiasActivateTest checks both against the double arithmetic, vector and scalar), bit for
 * bit; the source and both copies' other rows are untouched; ranges outside any copy, and copies
 * that are the same, are refused.
 */
class FloatCopyBiasActivateRowsTest {
    @Test
    void rowRangesEqualTheKernelOnCopiesAndTouchNothingElse() {
        SplittableRandom random = new SplittableRandom(5);
        for (boolean positivePart : new boolean[] {true, false}) {
            for (int cols = 1; cols <= 37; cols += 3) {
                int rows = 7;
                FloatCopy src = filled(random, rows * cols);
                FloatCopy bias = filled(random, cols);
                for (int first = 0; first < rows; first += 2) {
                    for (int count = 0; first + count <= rows; count += 3) {
                        FloatCopy sum = filled(random, rows * cols);
                        FloatCopy activated = filled(random, rows * cols);
                        float[] srcBefore = src.data().clone();
                        float[] expectedSum = expected(sum, src, bias, first, count, cols, false);
                        float[] expectedActivated = expected(activated, src, bias, first, count, cols, positivePart);
                        sum.biasActivateRows(src, first, count, cols, bias, activated, positivePart);
                        assertArrayEquals(expectedSum, sum.data(), cols + " cols, rows " + first + "+" + count);
                        assertArrayEquals(expectedActivated, activated.data(), cols + " cols, rows " + first + "+"
                                + count + ", positive part " + positivePart);
                        assertArrayEquals(srcBefore, src.data());
                    }
                }
            }
        }
    }

    /** {@code target}'s elements with rows [first, first + count) replaced by the kernel's in-place pass on src's. */
    private static float[] expected(FloatCopy target, FloatCopy src, FloatCopy bias, int first, int count, int cols,
                                    boolean positivePart) {
        float[] expected = target.data().clone();
        float[] block = new float[count * cols];
        System.arraycopy(src.data(), first * cols, block, 0, block.length);
        new ScalarElementwise().biasActivate(block, 0, bias.data(), 0, count, cols, positivePart);
        System.arraycopy(block, 0, expected, first * cols, block.length);
        return expected;
    }

    @Test
    void refusesRowsOutsideTheCopies() {
        SplittableRandom random = new SplittableRandom(6);
        FloatCopy src = filled(random, 12);
        FloatCopy dst = filled(random, 12);
        FloatCopy bias = filled(random, 4);
        FloatCopy activated = filled(random, 12);
        assertThrows(IllegalArgumentException.class, () -> dst.biasActivateRows(src, 2, 2, 4, bias, activated, true));
        assertThrows(IllegalArgumentException.class, () -> dst.biasActivateRows(src, 0, 1, 5, bias, activated, true));
        assertThrows(IllegalArgumentException.class,
            () -> dst.biasActivateRows(filled(random, 8), 1, 2, 4, bias, activated, true));
        assertThrows(IllegalArgumentException.class,
            () -> dst.biasActivateRows(src, 1, 2, 4, bias, filled(random, 8), true));
        assertThrows(IllegalArgumentException.class, () -> dst.biasActivateRows(src, 0, 1, 4, bias, dst, true));
    }

    private static FloatCopy filled(SplittableRandom random, int n) {
        FloatCopy c = new FloatCopy();
        float[] d = c.ensure(n);
        for (int i = 0; i < n; i++) {
            d[i] = random.nextInt(5) == 0 ? -0.0f : (float) (random.nextDouble() - 0.5);
        }
        return c;
    }
}
