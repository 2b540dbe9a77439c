package org.backprop.op;

import org.backprop.tensor.Matrix;

/**
 * An operation with one parameter matrix. The parameter and its gradient are views into the
 * network's flat parameter and gradient buffers; {@link #backward} overwrites the gradient.
 */
public abstract class ParamOperation extends Operation {
    private final Matrix param;
    private final Matrix paramGrad;

    /**
     * @param param     the parameter (a view into the network's parameter buffer)
     * @param paramGrad its gradient, same shape (a view into the gradient buffer)
     */
    protected ParamOperation(Matrix param, Matrix paramGrad) {
        if (!param.sameShape(paramGrad)) {
            throw new IllegalArgumentException(name() + ": parameter " + param.shape()
                    + " and gradient " + paramGrad.shape() + " differ");
        }
        this.param = param;
        this.paramGrad = paramGrad;
    }

    /** The parameter matrix. */
    public Matrix param() {
        return param;
    }

    /** dL/d parameter from the last backward pass. */
    public Matrix paramGrad() {
        return paramGrad;
    }

    @Override
    protected final void computeParamGrads(Matrix outputGrad) {
        computeParamGrad(outputGrad, paramGrad);
    }

    /** Writes dL/d parameter into {@code paramGrad}, given dL/d output. */
    protected abstract void computeParamGrad(Matrix outputGrad, Matrix paramGrad);
}
