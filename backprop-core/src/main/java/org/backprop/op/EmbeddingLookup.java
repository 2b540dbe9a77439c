package org.backprop.op;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * Replaces one column of category codes by the codes' rows of a trainable table: for an input X
 * (n×w) whose column c holds codes kᵢ ∈ {0, …, m − 1} (whole numbers stored as doubles) and a
 * table E (m×d), the output Y (n×(w − 1 + d)) is row i of X with Xᵢc replaced by the d values
 * E[kᵢ]: Y = [X₍:,<c₎, E[k], X₍:,>c₎].
 *
 * <p>Backward: dL/dX passes the other columns' gradients through and is 0 in column c (a code is
 * not differentiable); dL/dE is the scatter-add dL/dE[k] = Σ_{i: kᵢ = k} dL/dY[i, c … c + d − 1], in
 * row order (deterministic), and 0 for codes not in the batch.
 */
public final class EmbeddingLookup extends ParamOperation {
    private final String owner;
    private final int column;
    private final int originalColumn;
    private int[] codes = new int[0];

    /**
     * @param owner          the layer's name, for messages
     * @param column         c, the code column's index in this operation's input
     * @param originalColumn the code column's index in the layer's input (for messages), ≥ 0
     * @param table          E, m×d (a view into the network's parameter buffer)
     * @param tableGrad      dL/dE, m×d
     */
    public EmbeddingLookup(String owner, int column, int originalColumn, Matrix table, Matrix tableGrad) {
        super(table, tableGrad);
        if (column < 0) {
            throw new IllegalArgumentException(owner + ": the code column must be ≥ 0, got " + column);
        }
        this.owner = owner;
        this.column = column;
        this.originalColumn = originalColumn;
    }

    /** The number of categories m (table rows). */
    public int cardinality() {
        return param().rows();
    }

    /** The embedding width d (table columns). */
    public int dim() {
        return param().cols();
    }

    @Override
    public String name() {
        return "EmbeddingLookup(" + owner + ", column " + originalColumn + ")";
    }

    @Override
    public int outputCols(int inputCols) {
        return inputCols - 1 + dim();
    }

    @Override
    protected void checkInput(Matrix input) {
        if (input.cols() <= column) {
            throw new ShapeException(name() + ": input is " + input.shape() + " but the code column is " + column);
        }
    }

    /** Reads and checks column c's codes into {@link #codes}. */
    private void readCodes(Matrix input) {
        if (codes.length < input.rows()) {
            codes = new int[input.rows()];
        }
        int m = cardinality();
        for (int i = 0; i < input.rows(); i++) {
            double v = input.get(i, column);
            if (!(v >= 0 && v < m) || v != Math.rint(v)) {
                throw new IllegalArgumentException(owner + ": row " + i + ", column " + originalColumn
                        + ": a category code must be a whole number in [0, " + m + "), got " + v);
            }
            codes[i] = (int) v;
        }
    }

    @Override
    protected void computeOutput(Matrix x, Matrix y, boolean training) {
        readCodes(x);
        int w = x.cols();
        int d = dim();
        double[] xd = x.data();
        double[] yd = y.data();
        double[] e = param().data();
        for (int i = 0; i < x.rows(); i++) {
            int xRow = x.offset() + i * w;
            int yRow = y.offset() + i * y.cols();
            System.arraycopy(xd, xRow, yd, yRow, column);
            System.arraycopy(e, param().offset() + codes[i] * d, yd, yRow + column, d);
            System.arraycopy(xd, xRow + column + 1, yd, yRow + column + d, w - column - 1);
        }
    }

    @Override
    protected void computeInputGrad(Matrix dy, Matrix dx) {
        int w = dx.cols();
        int d = dim();
        for (int i = 0; i < dx.rows(); i++) {
            int dxRow = dx.offset() + i * w;
            int dyRow = dy.offset() + i * dy.cols();
            System.arraycopy(dy.data(), dyRow, dx.data(), dxRow, column);
            dx.data()[dxRow + column] = 0.0;
            System.arraycopy(dy.data(), dyRow + column + d, dx.data(), dxRow + column + 1, w - column - 1);
        }
    }

    @Override
    protected void computeParamGrad(Matrix dy, Matrix tableGrad) {
        tableGrad.fill(0.0);
        int d = dim();
        double[] g = tableGrad.data();
        for (int i = 0; i < dy.rows(); i++) {
            int dyRow = dy.offset() + i * dy.cols() + column;
            int gRow = tableGrad.offset() + codes[i] * d;
            for (int j = 0; j < d; j++) {
                g[gRow + j] += dy.data()[dyRow + j];
            }
        }
    }
}
