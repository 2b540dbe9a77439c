package org.backprop.loss;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * A loss L(P, y) of predictions P and targets y (both n×d), with its gradient dL/dP.
 *
 * <p>{@link #forward} keeps both inputs and returns the value; {@link #backward} returns dL/dP in a
 * buffer this loss reuses across calls with the same shape. Each loss documents its reduction.
 * Not thread-safe.
 */
public abstract class Loss {
    private Matrix prediction;
    private Matrix target;
    private Matrix gradient;

    /** A short name, e.g. {@code "mse"}. */
    public abstract String id();

    /** L(P, y). */
    public final double forward(Matrix prediction, Matrix target) {
        if (!prediction.sameShape(target)) {
            throw new ShapeException(id() + ": prediction " + prediction.shape() + " and target "
                    + target.shape() + " differ");
        }
        this.prediction = prediction;
        this.target = target;
        return value(prediction, target);
    }

    /** dL/dP for the last forward pass (P's shape). */
    public final Matrix backward() {
        if (prediction == null) {
            throw new IllegalStateException(id() + ": backward called before forward");
        }
        if (gradient == null || !gradient.sameShape(prediction)) {
            gradient = Matrix.zeros(prediction.rows(), prediction.cols());
        }
        gradient(prediction, target, gradient);
        return gradient;
    }

    /** The loss value. */
    protected abstract double value(Matrix prediction, Matrix target);

    /** Writes dL/dP into {@code out}. */
    protected abstract void gradient(Matrix prediction, Matrix target, Matrix out);

    /** A new instance of the same loss with the same settings and no pass in flight. */
    public abstract Loss fresh();
}
