package org.backprop.spark.data;

import java.io.Serializable;
import java.util.Map;

import org.backprop.io.DoubleTable;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.preprocess.ScalerColumnFit;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.io.table.Target;
import org.backprop.io.table.WeightColumn;

/**
 * The training (or validation, or test) rows of one input partition encoded by the stored
 * preprocessing (before the feature scaler), with their targets: regression values or class
 * labels, and their weights. Cached on the executors.
 *
 * @param firstIndex the global index of the first row within its set (rows are in input order)
 * @param rows       rows here
 * @param x          rows × width encoded features, row-major
 * @param values     regression targets, else null
 * @param labels     class labels, else null
 * @param weights    each row's weight column value, or null without a weight column
 */
public record EncodedPart(long firstIndex, int rows, int width, double[] x, double[] values, String[] labels,
                          double[] weights) implements Serializable {

    /**
     * The training rows ({@code validation} false) or validation rows of {@code part} as
     * {@code holdout} splits them (null: every row with a target trains), with the weights of
     * {@code weightColumn} (or null).
     */
    static EncodedPart of(TablePart part, TablePreprocessor preprocessor, String target, boolean regression,
                          long firstIndex, Holdout holdout, boolean validation, String weightColumn) {
        if (part.table() == null) {
            return empty(preprocessor.width(), regression, firstIndex);
        }
        ColumnarTable table = part.table();
        boolean[] train = TableProfile.rows(table, target, part.partition(), holdout, validation);
        int n = 0;
        for (boolean t : train) {
            n += t ? 1 : 0;
        }
        int[] rows = new int[n];
        for (int r = 0, k = 0; r < train.length; r++) {
            if (train[r]) {
                rows[k++] = r;
            }
        }
        DoubleTable encoded = preprocessor.encode(table, rows, new EncodeWarnings());
        Column t = table.column(target);
        double[] values = regression ? new double[n] : null;
        String[] labels = regression ? null : new String[n];
        for (int i = 0; i < n; i++) {
            if (regression) {
                values[i] = t.number(rows[i]);
            } else {
                labels[i] = Target.label(t, rows[i]);
            }
        }
        double[] weights = null;
        if (weightColumn != null) {
            double[] column = WeightColumn.read(table, weightColumn);
            weights = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = column[rows[i]];
            }
        }
        return new EncodedPart(firstIndex, n, encoded.cols(), encoded.data(), values, labels, weights);
    }

    /** No rows of {@code width} encoded features. */
    static EncodedPart empty(int width, boolean regression, long firstIndex) {
        return new EncodedPart(firstIndex, 0, width, new double[0], regression ? new double[0] : null,
                regression ? null : new String[0], null);
    }

    /**
     * Row i's weight: its weight column value (1 without one) times its class's weight in
     * {@code classWeights} (1 without them, or for a class not listed), as {@code backprop train}
     * weighs rows.
     */
    public double weight(int i, Map<String, Double> classWeights) {
        double c = weights == null ? 1.0 : weights[i];
        return classWeights == null ? c : c * classWeights.getOrDefault(labels[i], 1.0);
    }

    /** One scaler pass over these rows: features, then (regression) the target, into new parts of {@code fits}. */
    ScalerColumnFit[] fit(ScalerColumnFit[] fits, int pass) {
        ScalerColumnFit[] out = new ScalerColumnFit[fits.length];
        for (int j = 0; j < fits.length; j++) {
            out[j] = fits[j].part();
            for (int r = 0; r < rows; r++) {
                double v = j < width ? x[r * width + j] : values[r];
                switch (pass) {
                    case 1 -> out[j].addToRange(v);
                    case 2 -> out[j].addToSum(v);
                    default -> out[j].addToSquares(v);
                }
            }
        }
        return out;
    }
}
