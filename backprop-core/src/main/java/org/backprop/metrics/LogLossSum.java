package org.backprop.metrics;

import java.io.Serializable;

import org.backprop.tensor.Matrix;

/**
 * {@link LogLoss} over many rows, added a chunk of rows at a time (e.g. the predictions of a large
 * set, computed in batches) or a partition at a time and {@link #merge merged}: the sums are
 * {@link ExactSum}s, so {@link #value()} equals {@code LogLoss.of} of all rows in one matrix bit for
 * bit (it sums through this class too) whatever the chunks, partitions and their order.
 */
public final class LogLossSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ExactSum sum = new ExactSum();
    private final ExactSum total = new ExactSum();

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
            sum.addProduct(w, row);
            total.add(w);
        }
    }

    /** Adds the sums of {@code other} (unchanged): as if its rows had been added to this one. */
    public void merge(LogLossSum other) {
        sum.add(other.sum);
        total.add(other.total);
    }

    /** Σᵢ wᵢ ℓᵢ / Σᵢ wᵢ over the rows added, each sum exact and rounded once (NaN if none). */
    public double value() {
        return sum.doubleValue() / total.doubleValue();
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, LogLoss.EPSILON), 1 - LogLoss.EPSILON);
    }
}
