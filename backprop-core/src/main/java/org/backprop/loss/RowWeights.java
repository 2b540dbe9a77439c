package org.backprop.loss;

import org.backprop.tensor.Matrix;

/**
 * Checks and sums of per-row weights (an n×1 column of wᵢ ≥ 0), as taken by
 * {@link Loss#forward(Matrix, Matrix, Matrix)}.
 */
public final class RowWeights {
    private RowWeights() {
    }

    /**
     * Refuses a weight column that is not n×1 with {@code rows} rows, holds a negative or non-finite
     * value (naming the row), or sums to 0.
     *
     * @param what names the weights in messages, e.g. {@code "training weights"}
     * @return {@code weights}
     * @throws IllegalArgumentException naming the row and the value
     */
    public static Matrix check(String what, Matrix weights, int rows) {
        if (weights.cols() != 1 || weights.rows() != rows) {
            throw new IllegalArgumentException(what + " are " + weights.shape() + " but must be one column of "
                    + rows + " rows");
        }
        for (int i = 0; i < rows; i++) {
            double w = weights.get(i, 0);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(what + ": row " + i + " has weight " + w
                        + "; weights must be finite and at least 0");
            }
        }
        if (sum(weights) == 0) {
            throw new IllegalArgumentException(what + " are all 0: no row would count");
        }
        return weights;
    }

    /** Σᵢ wᵢ over the column. */
    public static double sum(Matrix weights) {
        double[] d = weights.data();
        double s = 0;
        for (int i = 0, n = weights.rows(), k = weights.offset(); i < n; i++, k += weights.cols()) {
            s += d[k];
        }
        return s;
    }
}
