package org.backprop.loss;

import org.backprop.op.Activation;
import org.backprop.op.Sigmoid;
import org.backprop.tensor.Shapes;
import org.backprop.tensor.Matrix;

/**
 * Binary cross-entropy on logits z (n×d) against targets y ∈ [0, 1] (n×d), the sigmoid fused into
 * the loss: term ℓ = −y·log σ(z) − (1 − y)·log(1 − σ(z)), computed stably as
 * max(z, 0) − z·y + log1p(e^(−|z|)); ∂ℓ/∂z = σ(z) − y.
 * <ul>
 *   <li>{@link Reduction#MEAN} (default): L = Σℓ / (n·d), dL/dz = (σ(z) − y) / (n·d) — for one
 *       output column, (σ(z) − y)/n. PyTorch's {@code BCEWithLogitsLoss()}.</li>
 *   <li>{@link Reduction#SUM}: L = Σℓ, dL/dz = σ(z) − y.</li>
 * </ul>
 * The network's last layer must be linear (it outputs logits); {@link #checkOutput} refuses any
 * other activation, a sigmoid in particular, which would be applied twice. Each column is an
 * independent binary (or multi-label) target. {@link #probabilities} gives σ(z).
 * Registered in {@link Losses} as {@code "bce_logits"}.
 */
public final class BinaryCrossEntropyWithLogits extends ElementwiseLoss {

    /** BCE on logits with {@link Reduction#MEAN}. */
    public BinaryCrossEntropyWithLogits() {
        this(Reduction.MEAN);
    }

    public BinaryCrossEntropyWithLogits(Reduction reduction) {
        super(reduction);
    }

    @Override
    public String id() {
        return "bce_logits";
    }

    @Override
    protected double term(double z, double y) {
        return Math.max(z, 0.0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    protected double termDerivative(double z, double y) {
        return Sigmoid.logistic(z) - y;
    }

    @Override
    public void checkOutput(Activation last, int outputs) {
        requireLinearOutput(last);
    }

    /** σ(z) element-wise, into {@code out}. */
    @Override
    public void probabilities(Matrix logits, Matrix out) {
        Shapes.requireSame("probabilities", logits, out);
        for (int k = 0; k < out.size(); k++) {
            out.setFlat(k, Sigmoid.logistic(logits.getFlat(k)));
        }
    }

    @Override
    public Loss fresh() {
        return new BinaryCrossEntropyWithLogits(reduction());
    }

    @Override
    public String toString() {
        return "BinaryCrossEntropyWithLogits(" + reduction() + ")";
    }
}
