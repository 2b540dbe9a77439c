package org.backprop.spark.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.backprop.spark.Standardizer;
import org.backprop.tensor.Matrix;

/**
 * All rows of one partition packed once into primitive row-major arrays, sorted by stable row
 * index, with the features (and, if asked, the labels) already standardized. Cached by Spark for the whole fit.
 */
public final class Block implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int partition;
    private final int rows;
    private final int inputs;
    private final int outputs;
    private final double[] x;
    private final double[] y;

    private Block(int partition, int rows, int inputs, int outputs, double[] x, double[] y) {
        this.partition = partition;
        this.rows = rows;
        this.inputs = inputs;
        this.outputs = outputs;
        this.x = x;
        this.y = y;
    }

    /**
     * Packs partition {@code partition}'s rows in index order, standardizing the features with
     * {@code scaler} and the labels with {@code target}.
     */
    static Block pack(int partition, Iterator<LabeledRow> rows, Standardizer scaler, Standardizer target, int inputs,
                      int outputs) {
        List<LabeledRow> list = new ArrayList<>();
        rows.forEachRemaining(list::add);
        list.sort(Comparator.comparingLong(LabeledRow::index));
        double[] x = new double[Math.multiplyExact(list.size(), inputs)];
        double[] y = new double[Math.multiplyExact(list.size(), outputs)];
        for (int r = 0; r < list.size(); r++) {
            System.arraycopy(scaler.apply(list.get(r).x().clone()), 0, x, r * inputs, inputs);
            System.arraycopy(target.apply(list.get(r).y().clone()), 0, y, r * outputs, outputs);
        }
        return new Block(partition, list.size(), inputs, outputs, x, y);
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
}
