package org.backprop.spark.data;

import java.io.Serializable;

/**
 * One input row after parsing: its stable index, features, labels and weight, or the reason it is unusable.
 *
 * @param index   the stable row index (input order, or rank of the ID column)
 * @param x       feature values (null if {@code problem} is set)
 * @param y       label values (null if {@code problem} is set)
 * @param weight  the row's weight (1 without a weight column)
 * @param problem null, or what is wrong with the row, naming the column and the row
 */
record LabeledRow(long index, double[] x, double[] y, double weight, String problem) implements Serializable {
    private static final long serialVersionUID = 1L;

    static LabeledRow bad(long index, String problem) {
        return new LabeledRow(index, null, null, 0.0, problem);
    }
}
