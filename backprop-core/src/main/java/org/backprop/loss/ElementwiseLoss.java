package org.backprop.loss;

import org.backprop.network.Params;
import org.backprop.tensor.Matrix;

/**
 * A loss that is a reduction of per-element terms: L = s·Σᵢⱼ ℓ(Pᵢⱼ, yᵢⱼ) and
 * dL/dPᵢⱼ = s·ℓ'(Pᵢⱼ, yᵢⱼ), with s = 1/(n·d) for {@link Reduction#MEAN} and 1 for
 * {@link Reduction#SUM}. Subclasses give ℓ and ∂ℓ/∂P.
 */
public abstract class ElementwiseLoss extends Loss {
    private final Reduction reduction;

    protected ElementwiseLoss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction must not be null");
        }
        this.reduction = reduction;
    }

    /** How the per-element terms are reduced. */
    public final Reduction reduction() {
        return reduction;
    }

    /** {@code reduction} ({@code "mean"} or {@code "sum"}). */
    @Override
    public Params params() {
        return Params.of("reduction", reduction.id());
    }

    /** ℓ(p, y), the term of one element. */
    protected abstract double term(double p, double y);

    /** ∂ℓ/∂p at (p, y). */
    protected abstract double termDerivative(double p, double y);

    @Override
    protected final double value(Matrix p, Matrix y) {
        double[] pd = p.data();
        double[] yd = y.data();
        double sum = 0;
        for (int k = 0, n = p.size(); k < n; k++) {
            sum += term(pd[p.offset() + k], yd[y.offset() + k]);
        }
        return reduction.scale(p.size()) * sum;
    }

    @Override
    protected final void gradient(Matrix p, Matrix y, Matrix out) {
        double scale = reduction.scale(p.size());
        double[] pd = p.data();
        double[] yd = y.data();
        double[] o = out.data();
        for (int k = 0, n = p.size(); k < n; k++) {
            o[out.offset() + k] = scale * termDerivative(pd[p.offset() + k], yd[y.offset() + k]);
        }
    }
}
