package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/**
 * {@link LogLoss} over many rows, added a chunk of rows at a time in row order (e.g. the
 * predictions of a large set, computed in batches): {@link #value()} equals
 * {@code LogLoss.of} of all rows in one matrix bit for bit, which sums through this class too.
 */
public final class LogLossSum {
    private double sum;
    private double total;

    /**
     * Adds the rows of {@code probabilities} against {@code targets} (same shape, n×1 or n×k), row i
     * weighted by {@code weights[weightOffset + i]} (weights null: every row 1).
     */
    public void add(Matrix targets, Matrix probabilities, double[] weights, int weightOffset) {
        MetricInputs.requirePaired("log_loss", targets, probabilities);
        boolean binary = probabilities.cols() == 1;
        for (int i = 0; i < probabilities.rows(); i++) {
            double row = 0;
            for (int j = 0; j < probabilities.cols(); j++) {
                double p = clip(probabilities.get(i, j));
                double y = targets.get(i, j);
                row -= y * Math.log(p);
                if (binary) {
                    row -= (1 - y) * Math.log(1 - p);
                }
            }
            double w = weights == null ? 1.0 : weights[weightOffset + i];
            sum += w * row;
            total += w;
        }
    }

    /** Σᵢ wᵢ ℓᵢ / Σᵢ wᵢ over the rows added (NaN if none). */
    public double value() {
        return sum / total;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, LogLoss.EPSILON), 1 - LogLoss.EPSILON);
    }
}
