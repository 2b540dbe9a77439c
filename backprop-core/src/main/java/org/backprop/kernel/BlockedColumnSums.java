package org.backprop.kernel;

import java.util.Arrays;

/**
 * Column sums of a row-major rows×cols matrix in a fixed order: the rows are cut into blocks of
 * {@link #BLOCK_ROWS}; each block adds its rows in order, and the block sums are added in block
 * order. The blocks do not depend on the thread count, so neither do the sums; each block's rows
 * are read once, by one thread, which may be the thread that has just written them.
 *
 * <p>Use: {@link #begin}, then {@link #sumBlock} for every block (in any order, on any threads),
 * then {@link #finish}. The partial sums grow once and are reused. Not thread-safe between
 * {@code begin} and {@code finish} except for {@code sumBlock} on distinct blocks.
 */
public final class BlockedColumnSums {
    /**
     * Rows per block. Fixed, so results never depend on threads; 16 rows of a few hundred columns
     * stay in L1 between a fused pass writing them and adding them up.
     */
    public static final int BLOCK_ROWS = 16;

    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    private double[] partials = new double[0];
    private int cols;

    /** Readies the partial sums of a rows×cols matrix; returns the number of blocks. */
    public int begin(int rows, int cols) {
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        if (partials.length < blocks * cols) {
            partials = new double[blocks * cols];
        }
        this.cols = cols;
        return blocks;
    }

    /**
     * The partial sums of block {@code block} of the rows×cols matrix at {@code g[off…]}: its rows
     * added in order.
     */
    public void sumBlock(double[] g, int off, int rows, int block) {
        int first = block * BLOCK_ROWS;
        sumBlockRows(g, off + first * cols, block, Math.min(rows, first + BLOCK_ROWS) - first);
    }

    /**
     * The partial sums of block {@code block} from a copy of its {@code count} rows at
     * {@code rows[off…]} (e.g. a scratch band): the same sums as {@link #sumBlock} on the matrix.
     */
    public void sumBlockRows(double[] rows, int off, int block, int count) {
        int partial = block * cols;
        Arrays.fill(partials, partial, partial + cols, 0.0);
        for (int i = 0; i < count; i++) {
            ELEMENTWISE.add(partials, partial, rows, off + i * cols, partials, partial, cols);
        }
    }

    /**
     * As {@link #sumBlockRows(double[], int, int, int)} from float values, the block's {@code count}
     * rows at element {@code at} of {@code rows} (e.g. a float store's block): the same sums as
     * widening them into a band first, without the band.
     */
    public void sumBlockRows(FloatCopy rows, int at, int block, int count) {
        int partial = block * cols;
        Arrays.fill(partials, partial, partial + cols, 0.0);
        for (int i = 0; i < count; i++) {
            // partial + (double) value, as add(partial, widened value) gives: addition commutes.
            ELEMENTWISE.toDouble(rows.data(), at + i * cols, partials, partial, cols, true);
        }
    }

    /**
     * Block {@code block}'s term of the rows×cols matrix Aᵀ·g instead of its plain sums (A at
     * {@code a[aOff…]} rows×cols, g at {@code g[gOff…]} rows×1): {@link
     * FusedPasses#transposedMatrixVectorBlock}, so that {@link #finish} writes the bits of the
     * kernel's product Aᵀ·g (a weight gradient with one output unit).
     */
    public void weightedBlock(FusedPasses passes, double[] a, int aOff, int rows, double[] g, int gOff, int block) {
        int first = block * BLOCK_ROWS;
        weightedBlockRows(passes, a, aOff + first * cols, g, gOff, block, Math.min(rows, first + BLOCK_ROWS) - first);
    }

    /**
     * As {@link #weightedBlock} from a copy of the block's {@code count} rows of A at
     * {@code rows[off…]} (e.g. a scratch band); g is the whole rows×1 vector at {@code g[gOff…]}.
     */
    public void weightedBlockRows(FusedPasses passes, double[] rows, int off, double[] g, int gOff, int block,
                                  int count) {
        passes.transposedMatrixVectorBlock(rows, off, cols, count, g, gOff + block * BLOCK_ROWS, partials,
                block * cols);
    }

    /** Writes the column sums, the block sums added in block order, into {@code out[outOff, outOff + cols)}. */
    public void finish(int blocks, double[] out, int outOff) {
        if (blocks == 0) {
            Arrays.fill(out, outOff, outOff + cols, 0.0);
            return;
        }
        System.arraycopy(partials, 0, out, outOff, cols);
        for (int b = 1; b < blocks; b++) {
            ELEMENTWISE.add(out, outOff, partials, b * cols, out, outOff, cols);
        }
    }
}
