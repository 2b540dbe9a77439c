package org.backprop.op;

import org.backprop.kernel.Elementwise;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.RangeTask;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * P = N + B, with B a 1×out row added to every row of N (n×out).
 * Gradients: dL/dB = column sums of dL/dP; dL/dN = dL/dP (returned as the same matrix, not copied).
 */
public final class BiasAdd extends ParamOperation {
    private final RangeTask addRows = this::addRows;
    private final RangeTask sumColumns = this::sumColumns;
    private Matrix pendingOutputGrad;

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
            forEachRange(outputGrad.cols(), outputGrad.rows(), sumColumns);
        } finally {
            pendingOutputGrad = null;
        }
    }

    /** dL/dB columns [from, to) = sums of dL/dP's columns, each over the rows in order. */
    private void sumColumns(int from, int to) {
        Matrix outputGrad = pendingOutputGrad;
        Elementwise kernel = Kernels.elementwise();
        double[] out = paramGrad().data();
        int d = outputGrad.cols();
        int off = paramGrad().offset() + from;
        java.util.Arrays.fill(out, off, off + (to - from), 0.0);
        for (int i = 0; i < outputGrad.rows(); i++) {
            kernel.add(out, off, outputGrad.data(), outputGrad.offset() + i * d + from, out, off, to - from);
        }
    }
}
