package org.backprop.loss;

import org.backprop.op.Activation;
import org.backprop.op.Softmax;
import org.backprop.tensor.Matrix;

/**
 * Cross-entropy of the row-wise softmax of logits z (n×k, k ≥ 2 classes) against target rows y (n×k,
 * one-hot or probability rows), softmax fused into the loss:
 * L = (1/n) Σᵢ −Σⱼ yᵢⱼ log softmax(zᵢ)ⱼ = (1/n) Σᵢ Σⱼ yᵢⱼ (LSE(zᵢ) − zᵢⱼ), with
 * LSE(z) = log Σⱼ e^(zⱼ) computed as max + log Σ e^(zⱼ − max), so logits of ±1000 give a finite value.
 * Gradient: dL/dzᵢⱼ = (softmax(zᵢ)ⱼ·Σₗ yᵢₗ − yᵢⱼ) / n, which is (softmax(z) − y)/n for rows of y
 * that sum to 1 (the exact derivative of the value above for any y). Always the mean over rows (not
 * over n·k elements): PyTorch's {@code CrossEntropyLoss()} with probability targets.
 *
 * <p>With row weights wᵢ (n×1): L = Σᵢ wᵢ ℓᵢ / Σᵢ wᵢ (ℓᵢ the row's cross-entropy; 0 when
 * Σᵢ wᵢ = 0), dL/dzᵢⱼ = wᵢ·(softmax(zᵢ)ⱼ·Σₗ yᵢₗ − yᵢⱼ) / Σᵢ wᵢ: PyTorch's
 * {@code CrossEntropyLoss(weight=c)} for one-hot targets when wᵢ = c[class of row i].
 *
 * <p><b>How a network declares a softmax output:</b> its last layer is {@code dense(k, "linear")}
 * and emits logits; this loss applies the softmax inside (training and {@code evaluateLoss}), and
 * {@code NeuralNetwork.predictProbabilities(x)} applies it at prediction ({@link #probabilities}).
 * {@link #checkOutput} refuses a non-linear last activation and a single output column.
 *
 * <p>The book's softmax cross-entropy used a gradient that did not match its value;
 * this one is gradient-checked against its value. Registered in {@link Losses} as
 * {@code "softmax_ce"}.
 */
public final class SoftmaxCrossEntropy extends Loss {

    @Override
    public String id() {
        return "softmax_ce";
    }

    @Override
    public final boolean addsTermsInChunks() {
        return true;
    }

    @Override
    protected double addTerms(Matrix z, Matrix y, Matrix w, double sum) {
        for (int i = 0; i < z.rows(); i++) {
            if (w == null) {
                sum += rowTerm(z, y, i);
            } else {
                double wi = w.get(i, 0);
                if (wi != 0) {
                    sum += wi * rowTerm(z, y, i);
                }
            }
        }
        return sum;
    }

    /** The mean over rows (unweighted) or the sum over Σw (weighted; 0 if Σw = 0). */
    @Override
    protected double reduce(double termSum, long rows, int cols, double weightTotal) {
        if (Double.isNaN(weightTotal)) {
            return termSum / rows;
        }
        return weightTotal == 0 ? 0.0 : termSum / weightTotal;
    }

    /** ℓᵢ = Σⱼ yᵢⱼ (LSE(zᵢ) − zᵢⱼ). */
    private static double rowTerm(Matrix z, Matrix y, int i) {
        double lse = Softmax.logSumExp(z, i);
        double sum = 0;
        for (int j = 0; j < z.cols(); j++) {
            double yij = y.get(i, j);
            if (yij != 0) {
                sum += yij * (lse - z.get(i, j));
            }
        }
        return sum;
    }

    @Override
    protected void gradient(Matrix z, Matrix y, Matrix out) {
        Softmax.softmaxRows(z, out);
        double scale = 1.0 / z.rows();
        for (int i = 0; i < z.rows(); i++) {
            scaleRow(y, out, i, scale);
        }
    }

    @Override
    protected void weightedGradient(Matrix z, Matrix y, Matrix w, Matrix out) {
        Softmax.softmaxRows(z, out);
        double total = RowWeights.sum(w);
        for (int i = 0; i < z.rows(); i++) {
            scaleRow(y, out, i, total == 0 ? 0.0 : w.get(i, 0) / total);
        }
    }

    /** Turns row i of {@code out} from softmax(zᵢ) into scale·(softmax(zᵢ)·Σₗ yᵢₗ − yᵢ). */
    private static void scaleRow(Matrix y, Matrix out, int i, double scale) {
        double rowMass = 0;
        for (int j = 0; j < y.cols(); j++) {
            rowMass += y.get(i, j);
        }
        for (int j = 0; j < y.cols(); j++) {
            out.set(i, j, scale * (out.get(i, j) * rowMass - y.get(i, j)));
        }
    }

    @Override
    public void checkOutput(Activation last, int outputs) {
        if (outputs < 2) {
            throw new IllegalArgumentException("loss " + id() + " needs one output column per class (at least 2), "
                    + "but the last layer ('" + last.id() + "') has " + outputs
                    + "; for a single binary target use bce_logits");
        }
        requireLinearOutput(last);
    }

    /** The row-wise softmax of the logits, into {@code out} ({@link Softmax#softmaxRows}). */
    @Override
    public void probabilities(Matrix logits, Matrix out) {
        Softmax.softmaxRows(logits, out);
    }

    @Override
    public Loss fresh() {
        return new SoftmaxCrossEntropy();
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy(mean over rows)";
    }
}
