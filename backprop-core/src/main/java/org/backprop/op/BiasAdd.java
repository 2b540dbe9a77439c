package org.backprop.op;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * P = N + B, with B a 1×out row added to every row of N (n×out).
 * Gradients: dL/dB = column sums of dL/dP; dL/dN = dL/dP (returned as the same matrix, not copied).
 */
public final class BiasAdd extends ParamOperation {

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
        double[] in = input.data();
        double[] o = out.data();
        double[] b = param().data();
        int n = input.rows();
        int d = input.cols();
        int bOff = param().offset();
        for (int i = 0; i < n; i++) {
            int inRow = input.offset() + i * d;
            int outRow = out.offset() + i * d;
            for (int j = 0; j < d; j++) {
                o[outRow + j] = in[inRow + j] + b[bOff + j];
            }
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
        double[] g = outputGrad.data();
        double[] out = paramGrad.data();
        int d = outputGrad.cols();
        int off = paramGrad.offset();
        java.util.Arrays.fill(out, off, off + d, 0.0);
        for (int i = 0; i < outputGrad.rows(); i++) {
            int row = outputGrad.offset() + i * d;
            for (int j = 0; j < d; j++) {
                out[off + j] += g[row + j];
            }
        }
    }
}
