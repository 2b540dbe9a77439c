package org.backprop.op;

import org.backprop.kernel.BlockedColumnSums;
import org.backprop.kernel.Elementwise;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.RangeTask;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * P = N + B, with B a 1×out row added to every row of N (n×out).
 * Gradients: dL/dB = column sums of dL/dP, in the fixed order of {@link BlockedColumnSums} (so they
 * do not depend on the thread count); dL/dN = dL/dP (returned as the same matrix, not copied).
 */
public final class BiasAdd extends ParamOperation {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    private final BlockedColumnSums sums = new BlockedColumnSums();
    private final RangeTask addRows = (from, to) -> addRows(input(), param(), output(), from, to);
    private final RangeTask sumBlocks = this::sumBlocks;

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

    /** Rows [from, to) of P = N + B, for this operation's forward and for fused passes. */
    public static void addRows(Matrix n, Matrix b, Matrix p, int from, int to) {
        int d = n.cols();
        for (int i = from; i < to; i++) {
            ELEMENTWISE.add(n.data(), n.offset() + i * d, b.data(), b.offset(), p.data(), p.offset() + i * d, d);
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
        int blocks = sums.begin(outputGrad.rows(), outputGrad.cols());
        forEachRange(blocks, BlockedColumnSums.BLOCK_ROWS * outputGrad.cols(), sumBlocks);
        sums.finish(blocks, paramGrad.data(), paramGrad.offset());
    }

    private void sumBlocks(int from, int to) {
        Matrix g = outputGrad();
        for (int b = from; b < to; b++) {
            sums.sumBlock(g.data(), g.offset(), g.rows(), b);
        }
    }
}
