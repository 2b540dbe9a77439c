package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link FloatCopy#biasActivateRows}: a row range of the target equals the source's rows with
 * {@link Elementwise#biasActivate(float[], int, float[], int, int, int, boolean)} applied (the
 * kernel BiasActivateTest checks against the double arithmetic), bit for bit; the source and the
 * target's other rows are untouched; ranges outside either copy are refused.
 */
class FloatCopyBiasActivateRowsTest {
    @Test
    void rowRangeEqualsTheKernelOnACopyAndTouchesNothingElse() {
        SplittableRandom random = new SplittableRandom(5);
        for (boolean positivePart : new boolean[] {true, false}) {
            for (int cols = 1; cols <= 37; cols += 3) {
                int rows = 7;
                FloatCopy src = filled(random, rows * cols);
                FloatCopy bias = filled(random, cols);
                for (int first = 0; first < rows; first += 2) {
                    for (int count = 0; first + count <= rows; count += 3) {
                        FloatCopy dst = filled(random, rows * cols);
                        float[] srcBefore = src.data().clone();
                        float[] expected = dst.data().clone();
                        float[] block = new float[count * cols];
                        System.arraycopy(src.data(), first * cols, block, 0, block.length);
                        new ScalarElementwise().biasActivate(block, 0, bias.data(), 0, count, cols, positivePart);
                        System.arraycopy(block, 0, expected, first * cols, block.length);
                        dst.biasActivateRows(src, first, count, cols, bias, positivePart);
                        assertArrayEquals(expected, dst.data(), cols + " cols, rows " + first + "+" + count);
                        assertArrayEquals(srcBefore, src.data());
                    }
                }
            }
        }
    }

    @Test
    void refusesRowsOutsideTheCopies() {
        SplittableRandom random = new SplittableRandom(6);
        FloatCopy src = filled(random, 12);
        FloatCopy dst = filled(random, 12);
        FloatCopy bias = filled(random, 4);
        assertThrows(IllegalArgumentException.class, () -> dst.biasActivateRows(src, 2, 2, 4, bias, true));
        assertThrows(IllegalArgumentException.class, () -> dst.biasActivateRows(src, 0, 1, 5, bias, true));
        assertThrows(IllegalArgumentException.class, () -> dst.biasActivateRows(filled(random, 8), 1, 2, 4, bias, true));
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
