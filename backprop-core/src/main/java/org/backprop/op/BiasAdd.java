package org.backprop.op;

import org.backprop.kernel.Elementwise;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.RangeTask;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * P = N + B, with B a 1×out row added to every row of N (n×out).
 * Gradients: dL/dB = column sums of dL/dP; dL/dN = dL/dP (returned as the same matrix, not copied).
 *
 * <p>Summation order of dL/dB: the rows are cut into blocks of {@link #SUM_BLOCK_ROWS}; each block
 * adds its rows in order, and the block sums are added in block order. The blocks do not depend on
 * the thread count, so neither do the sums; each block's rows are read once, by one thread.
 */
public final class BiasAdd extends ParamOperation {
    private final RangeTask addRows = this::addRows;
    private final RangeTask sumBlocks = this::sumBlocks;
    private Matrix pendingOutputGrad;
    private double[] partialSums = new double[0];

    /**
     * Rows per block of dL/dB's partial sums. Fixed, so results never depend on threads; 16 rows of a
     * few hundred columns stay in L1 between a fused pass writing them and adding them up.
     */
    public static final int SUM_BLOCK_ROWS = 16;

    /**
     * @param bias     B, 1×out (a view into the network's parameter buffer)
     * @param gradient dL/dB, same shape
     */
    public BiasAdd(Matrix bias, Matrix gradient) {
        super(bias, gradient);
        if (bias.rows() != 1) {
            throw new ShapeException("BiasAdd: bias must be 1×n, got " + bias.shape());
        }
    }

    @Override
    protected void checkInput(Matrix input) {
        if (input.cols() != param().cols()) {
            throw new ShapeException("BiasAdd: input " + input.shape() + " does not match bias "
                    + param().shape());
        }
    }

    @Override
    protected void computeOutput(Matrix input, Matrix out, boolean training) {
        forEachRange(input.rows(), input.cols(), addRows);
    }

    /** out rows [from, to) = input rows + B. */
    void addRows(int from, int to) {
        Matrix input = input();
        Matrix out = output();
        Elementwise kernel = Kernels.elementwise();
        int d = input.cols();
        for (int i = from; i < to; i++) {
            kernel.add(input.data(), input.offset() + i * d, param().data(), param().offset(), out.data(),
                    out.offset() + i * d, d);
        }
    }

    @Override
    protected Matrix inputGradBuffer(Matrix outputGrad) {
        return outputGrad;
    }

    @Override
    protected void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        // dL/dN = dL/dP: inputGradBuffer returned outputGrad itself
    }

    @Override
    protected void computeParamGrad(Matrix outputGrad, Matrix paramGrad) {
        pendingOutputGrad = outputGrad;
        try {
            int blocks = beginSums(outputGrad);
            forEachRange(blocks, SUM_BLOCK_ROWS * outputGrad.cols(), sumBlocks);
            finishSums(blocks);
        } finally {
            pendingOutputGrad = null;
        }
    }

    /**
     * Readies the partial sums of dL/dB over {@code outputGrad}'s row blocks of
     * {@link #SUM_BLOCK_ROWS}; returns the number of blocks. Then {@link #sumBlock} for every block
     * (in any order, on any thread), then {@link #finishSums}.
     */
    int beginSums(Matrix outputGrad) {
        int blocks = (outputGrad.rows() + SUM_BLOCK_ROWS - 1) / SUM_BLOCK_ROWS;
        int size = blocks * outputGrad.cols();
        if (partialSums.length < size) {
            partialSums = new double[size];
        }
        return blocks;
    }

    /** Partial sums of block {@code block}: its rows of {@code outputGrad} added in order. */
    void sumBlock(Matrix outputGrad, int block) {
        Elementwise kernel = Kernels.elementwise();
        int d = outputGrad.cols();
        int partial = block * d;
        int first = block * SUM_BLOCK_ROWS;
        int end = Math.min(outputGrad.rows(), first + SUM_BLOCK_ROWS);
        java.util.Arrays.fill(partialSums, partial, partial + d, 0.0);
        for (int i = first; i < end; i++) {
            kernel.add(partialSums, partial, outputGrad.data(), outputGrad.offset() + i * d, partialSums, partial, d);
        }
    }

    /** dL/dB = the blocks' partial sums added in block order. */
    void finishSums(int blocks) {
        Elementwise kernel = Kernels.elementwise();
        double[] out = paramGrad().data();
        int off = paramGrad().offset();
        int d = paramGrad().cols();
        if (blocks == 0) {
            java.util.Arrays.fill(out, off, off + d, 0.0);
            return;
        }
        System.arraycopy(partialSums, 0, out, off, d);
        for (int b = 1; b < blocks; b++) {
            kernel.add(out, off, partialSums, b * d, out, off, d);
        }
    }

    private void sumBlocks(int from, int to) {
        for (int b = from; b < to; b++) {
            sumBlock(pendingOutputGrad, b);
        }
    }
}
