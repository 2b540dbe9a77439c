package org.backprop.loss;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * A loss over many rows, added a chunk of rows at a time in row order, so that the predictions of
 * all rows never have to exist at once (e.g. a full-set evaluation). {@link #value()} equals
 * {@link Loss#forward(Matrix, Matrix, Matrix)} of all rows in one matrix bit for bit: both run the
 * loss's one running sum ({@link Loss#addTerms}) and reduction ({@link Loss#reduce}). Every chunk
 * is weighted or none is.
 */
public final class LossTotal {
    private final Loss loss;
    private double sum;
    private double weightTotal;
    private long rows;
    private int cols = -1;
    private Boolean weighted;

    /** An empty total of {@code loss} (its settings; no pass of it is touched). */
    public LossTotal(Loss loss) {
        this.loss = loss;
    }

    /**
     * Adds the rows of {@code prediction} against {@code target} (same shape, the same number of
     * columns as earlier chunks) with row weights {@code weights} (n×1, or null for none).
     *
     * @throws ShapeException if the shapes differ
     * @throws IllegalArgumentException if chunks with and without weights are mixed
     */
    public void add(Matrix prediction, Matrix target, Matrix weights) {
        if (!prediction.sameShape(target) || (cols >= 0 && prediction.cols() != cols)) {
            throw new ShapeException(loss.id() + " total: prediction " + prediction.shape() + " and target "
                    + target.shape() + " differ or change width from " + cols);
        }
        if (weights != null && (weights.cols() != 1 || weights.rows() != prediction.rows())) {
            throw new ShapeException(loss.id() + " total: row weights " + weights.shape()
                    + " must be one column of " + prediction.rows() + " rows");
        }
        if (weighted != null && weighted != (weights != null)) {
            throw new IllegalArgumentException(loss.id() + " total: chunks with and without row weights");
        }
        weighted = weights != null;
        cols = prediction.cols();
        rows += prediction.rows();
        sum = loss.addTerms(prediction, target, weights, sum);
        if (weights != null) {
            for (int i = 0; i < weights.rows(); i++) {
                weightTotal += weights.get(i, 0); // continues RowWeights.sum's running sum over all rows
            }
        }
    }

    /** The loss of every row added so far (at least one). */
    public double value() {
        if (rows == 0) {
            throw new IllegalStateException(loss.id() + " total: no rows added");
        }
        return loss.reduce(sum, rows, cols, weighted ? weightTotal : Double.NaN);
    }
}
