package org.backprop.loss;

import org.backprop.tensor.Matrix;

/**
 * Squared error between predictions P and targets y (n×d).
 * <ul>
 *   <li>{@link Reduction#MEAN} (default): L = Σ(P − y)² / (n·d), dL/dP = 2(P − y) / (n·d).
 *       PyTorch's {@code MSELoss()}.</li>
 *   <li>{@link Reduction#SUM}: L = Σ(P − y)², dL/dP = 2(P − y).</li>
 * </ul>
 */
public final class MeanSquaredError extends Loss {
    private final Reduction reduction;

    /** MSE with {@link Reduction#MEAN}. */
    public MeanSquaredError() {
        this(Reduction.MEAN);
    }

    public MeanSquaredError(Reduction reduction) {
        this.reduction = reduction;
    }

    public Reduction reduction() {
        return reduction;
    }

    @Override
    public String id() {
        return "mse";
    }

    @Override
    protected double value(Matrix p, Matrix y) {
        double[] pd = p.data();
        double[] yd = y.data();
        double sum = 0;
        for (int k = 0, n = p.size(); k < n; k++) {
            double d = pd[p.offset() + k] - yd[y.offset() + k];
            sum += d * d;
        }
        return reduction == Reduction.MEAN ? sum / p.size() : sum;
    }

    @Override
    protected void gradient(Matrix p, Matrix y, Matrix out) {
        double scale = reduction == Reduction.MEAN ? 2.0 / p.size() : 2.0;
        double[] pd = p.data();
        double[] yd = y.data();
        double[] o = out.data();
        for (int k = 0, n = p.size(); k < n; k++) {
            o[out.offset() + k] = scale * (pd[p.offset() + k] - yd[y.offset() + k]);
        }
    }

    @Override
    public Loss fresh() {
        return new MeanSquaredError(reduction);
    }

    @Override
    public String toString() {
        return "MeanSquaredError(" + reduction + ")";
    }
}
