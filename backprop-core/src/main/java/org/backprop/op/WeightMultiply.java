package org.backprop.op;

import org.backprop.kernel.Gemm;
import org.backprop.tensor.MatMul;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * N = X·W, with X n×in (a batch of n rows) and W in×out, as in the book and the first notebook.
 * Gradients: dL/dW = Xᵀ·dL/dN and dL/dX = dL/dN·Wᵀ, all three products on one {@link Gemm}.
 */
public final class WeightMultiply extends ParamOperation {
    private final Gemm gemm;

    /**
     * @param weights  W, in×out (a view into the network's parameter buffer)
     * @param gradient dL/dW, same shape
     * @param gemm     the kernel the products run on
     */
    public WeightMultiply(Matrix weights, Matrix gradient, Gemm gemm) {
        super(weights, gradient);
        this.gemm = gemm;
    }

    @Override
    public int outputCols(int inputCols) {
        return param().cols();
    }

    @Override
    protected void checkInput(Matrix input) {
        if (input.cols() != param().rows()) {
            throw new ShapeException("WeightMultiply: input " + input.shape() + " does not match weights "
                    + param().shape() + " (input columns must equal weight rows)");
        }
    }

    @Override
    protected void computeOutput(Matrix input, Matrix out, boolean training) {
        MatMul.mult(gemm, input, param(), out);
    }

    @Override
    protected void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        MatMul.multTransB(gemm, outputGrad, param(), inputGrad);
    }

    @Override
    protected void computeParamGrad(Matrix outputGrad, Matrix paramGrad) {
        MatMul.multTransA(gemm, input(), outputGrad, paramGrad);
    }
}
