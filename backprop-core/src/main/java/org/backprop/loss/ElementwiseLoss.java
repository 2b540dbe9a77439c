package org.backprop.loss;

import org.backprop.network.Params;
import org.backprop.tensor.Matrix;

/**
 * A loss that is a reduction of per-element terms: L = s·Σᵢⱼ ℓ(Pᵢⱼ, yᵢⱼ) and
 * dL/dPᵢⱼ = s·ℓ'(Pᵢⱼ, yᵢⱼ), with s = 1/(n·d) for {@link Reduction#MEAN} and 1 for
 * {@link Reduction#SUM}. Subclasses give ℓ and ∂ℓ/∂P.
 *
 * <p>With row weights wᵢ (n×1): L = s_w·Σᵢ wᵢ Σⱼ ℓ(Pᵢⱼ, yᵢⱼ) and dL/dPᵢⱼ = s_w·wᵢ·ℓ'(Pᵢⱼ, yᵢⱼ),
 * with s_w = 1/(d·Σᵢ wᵢ) for MEAN (the weighted mean over rows of each row's mean term; 0 when
 * Σᵢ wᵢ = 0) and 1 for SUM. All weights 1 give the unweighted value.
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
    protected final double addTerms(Matrix p, Matrix y, Matrix w, double sum) {
        double[] pd = p.data();
        double[] yd = y.data();
        if (w == null) {
            for (int k = 0, n = p.size(); k < n; k++) {
                sum += term(pd[p.offset() + k], yd[y.offset() + k]);
            }
            return sum;
        }
        double[] wd = w.data();
        int cols = p.cols();
        for (int i = 0, k = 0; i < p.rows(); i++) {
            double rowSum = 0;
            for (int j = 0; j < cols; j++, k++) {
                rowSum += term(pd[p.offset() + k], yd[y.offset() + k]);
            }
            sum += wd[w.offset() + i] * rowSum;
        }
        return sum;
    }

    /** MEAN: the sum over n·d elements (unweighted) or over d·Σw (weighted; 0 if Σw = 0); SUM: the sum. */
    @Override
    protected final double reduce(double termSum, long rows, int cols, double weightTotal) {
        if (Double.isNaN(weightTotal)) {
            return reduction.scale(Math.toIntExact(rows * cols)) * termSum;
        }
        return weightedScale(weightTotal, cols) * termSum;
    }

    @Override
    protected final void weightedGradient(Matrix p, Matrix y, Matrix w, Matrix out) {
        double scale = weightedScale(RowWeights.sum(w), p.cols());
        double[] pd = p.data();
        double[] yd = y.data();
        double[] wd = w.data();
        double[] o = out.data();
        for (int i = 0, k = 0; i < p.rows(); i++) {
            double rowScale = scale * wd[w.offset() + i];
            for (int j = 0; j < p.cols(); j++, k++) {
                o[out.offset() + k] = rowScale * termDerivative(pd[p.offset() + k], yd[y.offset() + k]);
            }
        }
    }

    /** s_w: 1/(d·Σw) for MEAN (0 if Σw = 0), 1 for SUM. */
    private double weightedScale(double total, int cols) {
        if (reduction == Reduction.SUM) {
            return 1.0;
        }
        return total == 0 ? 0.0 : 1.0 / (cols * total);
    }

    @Override
    public final boolean addsTermsInChunks() {
        return true;
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
