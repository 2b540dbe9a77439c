package org.backprop.loss;

import org.backprop.network.Component;
import org.backprop.network.Params;
import org.backprop.op.Activation;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * A loss L(P, y) of predictions P and targets y (both n×d), with its gradient dL/dP.
 *
 * <p>{@link #forward} keeps both inputs and returns the value; {@link #backward} returns dL/dP in a
 * buffer this loss reuses across calls with the same shape. Each loss documents its reduction.
 * Not thread-safe.
 *
 * <p><b>Row weights.</b> {@link #forward(Matrix, Matrix, Matrix)} takes an optional column of
 * per-row weights wᵢ ≥ 0 (n×1, sample weights times class weights). Every built-in loss takes
 * them, with PyTorch's convention for weighted means ({@code CrossEntropyLoss(weight=…)}): a loss
 * whose unweighted form is a mean over rows becomes the <em>weighted mean</em>
 * L = Σᵢ wᵢ·ℓᵢ / Σᵢ wᵢ (ℓᵢ the row's term), and a SUM loss becomes Σᵢ wᵢ·ℓᵢ; the gradient is the
 * exact derivative of that value. All weights 1 give the unweighted loss exactly. A batch whose
 * weights sum to 0 has a MEAN loss of 0 and a zero gradient (it carries no information).
 * {@link RowWeights#check} validates a weight column once, before training.
 *
 * <p>Losses on logits ({@link BinaryCrossEntropyWithLogits}, {@link SoftmaxCrossEntropy}) take the
 * raw output of a linear last layer; {@link #probabilities} maps such outputs to probabilities and
 * {@link #checkOutput} lets {@code NetworkBuilder.build()} refuse a last layer the loss cannot take.
 * {@link Losses} names them all.
 */
public abstract class Loss {
    private Matrix prediction;
    private Matrix target;
    private Matrix weights;
    private Matrix gradient;

    /** A short name, e.g. {@code "mse"}. */
    public abstract String id();

    /**
     * True when the gradient jumps where a prediction equals its target (a kink, e.g. the absolute
     * error's): a gradient check then does not trust a central difference that steps across a
     * target. False by default.
     */
    public boolean kinkedAtTarget() {
        return false;
    }

    /**
     * Every hyperparameter of this loss by name (e.g. {@code reduction}, Huber's {@code delta});
     * none by default. {@code Losses.registry().create} builds an equal loss from them.
     */
    public Params params() {
        return Params.EMPTY;
    }

    /** This loss's registry name and hyperparameters, as network specs and model files keep it. */
    public final Component spec() {
        return new Component(id(), params());
    }

    /**
     * Called by {@code NetworkBuilder.build()} with the last layer's activation and output width;
     * throws {@link IllegalArgumentException} naming this loss and the activation if the pair is
     * invalid. The default accepts every output.
     */
    public void checkOutput(Activation last, int outputs) {
        // any output
    }

    /**
     * The probabilities that raw network outputs (n×d) stand for under this loss, in a new matrix:
     * the sigmoid of logits for binary cross-entropy, the row-wise softmax for softmax
     * cross-entropy ({@link #probabilities(Matrix, Matrix)} into a new n×d matrix). Losses on plain
     * predictions (regression) have none and throw {@link UnsupportedOperationException}.
     */
    public Matrix probabilities(Matrix outputs) {
        Matrix p = Matrix.zeros(outputs.rows(), outputs.cols());
        probabilities(outputs, p);
        return p;
    }

    /**
     * {@link #probabilities(Matrix)} written into {@code out} (n×d, may be {@code outputs} itself),
     * allocating nothing. This default throws {@link UnsupportedOperationException}: a loss on plain
     * predictions (regression: MSE, MAE, Huber) has no probabilities.
     */
    public void probabilities(Matrix outputs, Matrix out) {
        throw new UnsupportedOperationException(id() + " is not a loss on logits: its predictions are the "
                + "network outputs themselves, there are no probabilities to compute");
    }

    /** Refuses a last activation other than {@code "linear"}: for losses that take logits. */
    protected final void requireLinearOutput(Activation last) {
        if (!"linear".equals(last.id())) {
            throw new IllegalArgumentException("loss " + id() + " takes logits, so the last layer's activation "
                    + "must be 'linear', but it is '" + last.id() + "' (the loss applies "
                    + "the output non-linearity itself; use predictProbabilities for probabilities)");
        }
    }

    /** L(P, y), unweighted. */
    public final double forward(Matrix prediction, Matrix target) {
        return forward(prediction, target, null);
    }

    /**
     * L(P, y) with per-row weights (see the class comment).
     *
     * @param weights n×1 weights wᵢ ≥ 0, or null for none (every row weighs 1)
     * @throws ShapeException if the shapes of P and y differ, or w is not a column of P's rows
     */
    public final double forward(Matrix prediction, Matrix target, Matrix weights) {
        if (!prediction.sameShape(target)) {
            throw new ShapeException(id() + ": prediction " + prediction.shape() + " and target "
                    + target.shape() + " differ");
        }
        if (weights != null && (weights.cols() != 1 || weights.rows() != prediction.rows())) {
            throw new ShapeException(id() + ": row weights " + weights.shape() + " must be one column of "
                    + prediction.rows() + " rows for prediction " + prediction.shape());
        }
        this.prediction = prediction;
        this.target = target;
        this.weights = weights;
        return weights == null ? value(prediction, target) : weightedValue(prediction, target, weights);
    }

    /** dL/dP for the last forward pass (P's shape). */
    public final Matrix backward() {
        if (prediction == null) {
            throw new IllegalStateException(id() + ": backward called before forward");
        }
        if (gradient == null || !gradient.sameShape(prediction)) {
            gradient = Matrix.zeros(prediction.rows(), prediction.cols());
        }
        if (weights == null) {
            gradient(prediction, target, gradient);
        } else {
            weightedGradient(prediction, target, weights, gradient);
        }
        return gradient;
    }

    /** The loss value: {@link #reduce} of the {@link #addTerms} of every row. */
    protected double value(Matrix prediction, Matrix target) {
        return reduce(addTerms(prediction, target, null, 0.0), prediction.rows(), prediction.cols(), Double.NaN);
    }

    /** Writes dL/dP into {@code out}. */
    protected abstract void gradient(Matrix prediction, Matrix target, Matrix out);

    /**
     * The value with row weights {@code weights} (n×1, shape already checked): {@link #reduce} of the
     * weighted {@link #addTerms} of every row, with Σᵢ wᵢ.
     */
    protected double weightedValue(Matrix prediction, Matrix target, Matrix weights) {
        return reduce(addTerms(prediction, target, weights, 0.0), prediction.rows(), prediction.cols(),
                RowWeights.sum(weights));
    }

    /**
     * Adds the terms of the rows of {@code prediction} against {@code target} (same shape) to
     * {@code sum}, in row order, weighted by {@code weights} (n×1; null: unweighted), and returns the
     * new sum. The value of any set of rows is {@link #reduce} of that sum over all of them, so a
     * {@link LossTotal} that adds the rows a chunk at a time gets the value of one {@link #forward}
     * over all rows bit for bit: this is the one place where each loss sums its terms. Every built-in
     * loss has it and says so with {@link #addsTermsInChunks()}; a loss that overrides {@link #value}
     * instead (the book's template) is evaluated over all rows at once (the default throws
     * {@link UnsupportedOperationException}).
     */
    protected double addTerms(Matrix prediction, Matrix target, Matrix weights, double sum) {
        throw new UnsupportedOperationException("loss " + id() + " does not sum its terms a chunk at a time "
                + "(it overrides value instead of addTerms and reduce)");
    }

    /**
     * True if this loss implements {@link #addTerms} and {@link #reduce}, so that its value over many
     * rows can be added a chunk at a time ({@link LossTotal}); false by default.
     */
    public boolean addsTermsInChunks() {
        return false;
    }

    /**
     * The loss of {@code rows} × {@code cols} predictions whose {@link #addTerms} sum to
     * {@code termSum}; {@code weightTotal} is Σᵢ wᵢ of the rows' weights, or NaN when unweighted.
     */
    protected double reduce(double termSum, long rows, int cols, double weightTotal) {
        throw new UnsupportedOperationException("loss " + id() + " does not reduce a sum of terms "
                + "(it overrides value instead of addTerms and reduce)");
    }

    /** Writes dL/dP of {@link #weightedValue} into {@code out}. */
    protected void weightedGradient(Matrix prediction, Matrix target, Matrix weights, Matrix out) {
        throw new UnsupportedOperationException("loss " + id() + " does not take row weights");
    }

    /** A new instance of the same loss with the same settings and no pass in flight. */
    public abstract Loss fresh();
}
