package org.backprop.spark.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.backprop.io.preprocess.StandardScaler;
import org.backprop.tensor.Matrix;

/**
 * All rows of one partition packed once into primitive row-major arrays, sorted by stable row
 * index, with the features (and, if asked, the labels) already standardized, and the rows' weights
 * if there is a weight column. Cached by Spark for the whole fit.
 */
public final class Block implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int partition;
    private final int rows;
    private final int inputs;
    private final int outputs;
    private final double[] x;
    private final double[] y;
    private final double[] w;

    private Block(int partition, int rows, int inputs, int outputs, double[] x, double[] y, double[] w) {
        this.partition = partition;
        this.rows = rows;
        this.inputs = inputs;
        this.outputs = outputs;
        this.x = x;
        this.y = y;
        this.w = w;
    }

    /**
     * Packs partition {@code partition}'s rows in index order, standardizing the features with
     * {@code scaler} and the labels with {@code target}; {@code weighted}: keep the rows' weights.
     */
    static Block pack(int partition, Iterator<LabeledRow> rows, StandardScaler scaler, StandardScaler target,
                      int inputs, int outputs, boolean weighted) {
        List<LabeledRow> list = new ArrayList<>();
        rows.forEachRemaining(list::add);
        list.sort(Comparator.comparingLong(LabeledRow::index));
        double[] x = new double[Math.multiplyExact(list.size(), inputs)];
        double[] y = new double[Math.multiplyExact(list.size(), outputs)];
        double[] w = weighted ? new double[list.size()] : null;
        for (int r = 0; r < list.size(); r++) {
            System.arraycopy(scaler.transform(list.get(r).x()), 0, x, r * inputs, inputs);
            System.arraycopy(target.transform(list.get(r).y()), 0, y, r * outputs, outputs);
            if (w != null) {
                w[r] = list.get(r).weight();
            }
        }
        return new Block(partition, list.size(), inputs, outputs, x, y, w);
    }

    public int partition() {
        return partition;
    }

    public int rows() {
        return rows;
    }

    /** The features of the rows at {@code positions}, in that order, in a new matrix. */
    public Matrix inputs(int[] positions) {
        return Matrix.wrap(rows, inputs, x).selectRows(positions);
    }

    /** The labels of the rows at {@code positions}, in that order, in a new matrix. */
    public Matrix targets(int[] positions) {
        return Matrix.wrap(rows, outputs, y).selectRows(positions);
    }

    /** The weights (n×1) of the rows at {@code positions}, in that order, in a new matrix; null if unweighted. */
    public Matrix weights(int[] positions) {
        return w == null ? null : Matrix.wrap(rows, 1, w).selectRows(positions);
    }

    /** The features of rows [from, to), in a new matrix. */
    public Matrix inputRange(int from, int to) {
        return Matrix.wrap(rows, inputs, x).rowRange(from, to).copy();
    }

    /** The labels of rows [from, to), in a new matrix. */
    public Matrix targetRange(int from, int to) {
        return Matrix.wrap(rows, outputs, y).rowRange(from, to).copy();
    }

    /** The weights (n×1) of rows [from, to), in a new matrix; null if unweighted. */
    public Matrix weightRange(int from, int to) {
        return w == null ? null : Matrix.wrap(rows, 1, w).rowRange(from, to).copy();
    }
}
