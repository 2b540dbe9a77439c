package org.backprop.seed;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.Shapes;

/**
 * The element-wise NumPy expressions of the seed notebooks, each written out as the notebook
 * computes it (same operations, same rounding), over contiguous matrices and without allocating.
 */
final class NotebookOps {
    private NotebookOps() {
    }

    /** {@code m = m + b} with the column {@code b} (m.rows×1) broadcast over the columns of m. */
    static void addColumn(Matrix m, Matrix b) {
        Shapes.require("addColumn", "bias", b, m.rows(), 1);
        for (int i = 0; i < m.rows(); i++) {
            double bias = b.getFlat(i);
            for (int j = 0; j < m.cols(); j++) {
                m.set(i, j, m.get(i, j) + bias);
            }
        }
    }

    /** {@code out = np.maximum(0, o)}. */
    static void relu(Matrix o, Matrix out) {
        Shapes.requireSame("relu", o, out);
        for (int k = 0, n = o.size(); k < n; k++) {
            out.setFlat(k, Math.max(0.0, o.getFlat(k)));
        }
    }

    /** {@code g = g * (o >= 0)} in place: the boolean mask multiplies as 1.0 or 0.0. */
    static void multiplyByNonNegativeMask(Matrix g, Matrix o) {
        Shapes.requireSame("mask", g, o);
        for (int k = 0, n = g.size(); k < n; k++) {
            g.setFlat(k, g.getFlat(k) * (o.getFlat(k) >= 0 ? 1.0 : 0.0));
        }
    }

    /** {@code out = row − columnᵀ} for a 1×n row and an n×1 column (the notebook's {@code O3 − Y.T}). */
    static void subtractTransposed(Matrix row, Matrix column, Matrix out) {
        Shapes.require("subtractTransposed", "column", column, row.cols(), 1);
        Shapes.requireSame("subtractTransposed", row, out);
        for (int j = 0; j < row.cols(); j++) {
            out.setFlat(j, row.getFlat(j) - column.getFlat(j));
        }
    }

    /** The notebook's {@code mean_numba(m)}: the mean of every row, as an m.rows×1 column. */
    static void rowMeans(Matrix m, Matrix out) {
        Shapes.require("rowMeans", "out", out, m.rows(), 1);
        for (int i = 0; i < m.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < m.cols(); j++) {
                sum += m.get(i, j);
            }
            out.setFlat(i, sum / m.cols());
        }
    }

    /** {@code w = w - dw*lr} (the product is rounded before the subtraction, as in NumPy). */
    static void subtractScaled(Matrix w, Matrix dw, double lr) {
        Shapes.requireSame("subtractScaled", w, dw);
        for (int k = 0, n = w.size(); k < n; k++) {
            w.setFlat(k, w.getFlat(k) - dw.getFlat(k) * lr);
        }
    }

    /** Σ (column − rowᵀ)² for an n×1 column and a 1×n row: the numerator of the notebook's MSELoss. */
    static double sumSquaredDifference(Matrix column, Matrix row) {
        Shapes.require("sumSquaredDifference", "column", column, row.cols(), 1);
        double sum = 0;
        for (int j = 0; j < row.cols(); j++) {
            double d = column.getFlat(j) - row.getFlat(j);
            sum += d * d;
        }
        return sum;
    }
}
