package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link BlockedColumnSums} adds each block's rows in order and the blocks in block order, whatever
 * order the blocks are summed in; from a matrix, from a band copy of a block, or from float values
 * (the same bits as widening them first), on row counts around the block size.
 */
class BlockedColumnSumsTest {
    private static final int[] ROWS = {0, 1, 15, 16, 17, 37, 500};

    @Test
    void blockSumsAddedInBlockOrderFromEverySource() {
        SplittableRandom random = new SplittableRandom(31);
        BlockedColumnSums sums = new BlockedColumnSums();
        for (int rows : ROWS) {
            for (int cols : new int[] {1, 7, 8, 33}) {
                double[] m = new double[rows * cols];
                for (int k = 0; k < m.length; k++) {
                    m[k] = random.nextInt(8) == 0 ? -0.0 : (float) random.nextDouble(-3, 3);
                }
                double[] expected = blockOrder(m, rows, cols);
                FloatCopy floats = new FloatCopy();
                floats.resize(m.length);
                floats.narrowRange(m, 0, 0, m.length);

                double[][] results = new double[3][cols];
                for (int source = 0; source < 3; source++) {
                    int blocks = sums.begin(rows, cols);
                    for (int b = blocks - 1; b >= 0; b--) {
                        int first = b * BlockedColumnSums.BLOCK_ROWS;
                        int count = Math.min(rows, first + BlockedColumnSums.BLOCK_ROWS) - first;
                        if (source == 0) {
                            sums.sumBlock(m, 0, rows, b);
                        } else if (source == 1) {
                            double[] band = new double[count * cols + 3];
                            System.arraycopy(m, first * cols, band, 3, count * cols);
                            sums.sumBlockRows(band, 3, b, count);
                        } else {
                            sums.sumBlockRows(floats, first * cols, b, count);
                        }
                    }
                    sums.finish(blocks, results[source], 0);
                }
                for (int source = 0; source < 3; source++) {
                    for (int j = 0; j < cols; j++) {
                        assertEquals(Double.doubleToLongBits(expected[j]), Double.doubleToLongBits(results[source][j]),
                                "source " + source + ", " + rows + "×" + cols + ", column " + j);
                    }
                }
                assertArrayEquals(expected, results[2]);
            }
        }
    }

    /** Column sums: each block of BLOCK_ROWS rows from +0 in row order, the block sums in block order. */
    private static double[] blockOrder(double[] m, int rows, int cols) {
        double[] total = new double[cols];
        for (int j = 0; j < cols; j++) {
            for (int first = 0; first < rows; first += BlockedColumnSums.BLOCK_ROWS) {
                double block = 0.0;
                for (int r = first; r < Math.min(rows, first + BlockedColumnSums.BLOCK_ROWS); r++) {
                    block += m[r * cols + j];
                }
                total[j] = first == 0 ? block : total[j] + block;
            }
        }
        return total;
    }
}
