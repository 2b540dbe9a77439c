package org.backprop.op;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.Shapes;

/**
 * Row-wise softmax: for each row z of the input (n×k), yⱼ = e^(zⱼ − m) / Σₗ e^(zₗ − m) with
 * m = maxₗ zₗ, so no exponent exceeds 0 and logits of any finite size give finite probabilities.
 * Backward: dL/dzⱼ = yⱼ·(gⱼ − Σₗ gₗ yₗ) for the output gradient g of the row.
 *
 * <p>Not an element-wise {@link Activation}, so not in {@link Activations}: a classifier's last layer
 * is linear and {@link org.backprop.loss.SoftmaxCrossEntropy} fuses softmax into the loss. This
 * operation and its static helpers serve that loss, {@code NeuralNetwork.predictProbabilities}, and
 * anyone who needs softmax inside a computation.
 */
public final class Softmax extends Operation {

    /**
     * log Σⱼ e^(zⱼ) of row {@code row} of {@code z}, computed as m + log Σⱼ e^(zⱼ − m) with m the
     * row maximum; finite for any finite row.
     */
    public static double logSumExp(Matrix z, int row) {
        double max = rowMax(z, row);
        return max + Math.log(sumExpMinus(z, row, max));
    }

    /**
     * Writes the row-wise softmax of {@code logits} (n×k) into {@code out} (n×k, may be the same
     * matrix) as e^(zⱼ − m) / Σₗ e^(zₗ − m); subtracting the row maximum m first (rather than the
     * log-sum-exp) keeps each probability accurate to a few ulps even for logits near ±1000.
     */
    public static void softmaxRows(Matrix logits, Matrix out) {
        Shapes.requireSame("softmax", logits, out);
        for (int i = 0; i < logits.rows(); i++) {
            double max = rowMax(logits, i);
            double sum = sumExpMinus(logits, i, max);
            for (int j = 0; j < logits.cols(); j++) {
                out.set(i, j, Math.exp(logits.get(i, j) - max) / sum);
            }
        }
    }

    private static double rowMax(Matrix z, int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.cols(); j++) {
            max = Math.max(max, z.get(row, j));
        }
        return max;
    }

    private static double sumExpMinus(Matrix z, int row, double shift) {
        double sum = 0;
        for (int j = 0; j < z.cols(); j++) {
            sum += Math.exp(z.get(row, j) - shift);
        }
        return sum;
    }

    /** The row-wise softmax of {@code logits} (n×k) in a new n×k matrix. */
    public static Matrix of(Matrix logits) {
        Matrix out = Matrix.zeros(logits.rows(), logits.cols());
        softmaxRows(logits, out);
        return out;
    }

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    protected void computeOutput(Matrix input, Matrix out, boolean training) {
        softmaxRows(input, out);
    }

    @Override
    protected void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        Matrix y = output();
        for (int i = 0; i < y.rows(); i++) {
            double gy = 0;
            for (int j = 0; j < y.cols(); j++) {
                gy += outputGrad.get(i, j) * y.get(i, j);
            }
            for (int j = 0; j < y.cols(); j++) {
                inputGrad.set(i, j, y.get(i, j) * (outputGrad.get(i, j) - gy));
            }
        }
    }
}
