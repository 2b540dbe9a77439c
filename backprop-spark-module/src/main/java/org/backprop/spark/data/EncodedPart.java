package org.backprop.spark.data;

import java.io.Serializable;

import org.backprop.io.DoubleTable;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.preprocess.ScalerColumnFit;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.io.table.Target;

/**
 * The training rows of one input partition encoded by the stored preprocessing (before the feature
 * scaler), with their targets: regression values or class labels. Cached on the executors.
 *
 * @param firstIndex the global training index of the first row (rows are in input order)
 * @param rows       training rows here
 * @param x          rows × width encoded features, row-major
 * @param values     regression targets, else null
 * @param labels     class labels, else null
 */
public record EncodedPart(long firstIndex, int rows, int width, double[] x, double[] values, String[] labels)
        implements Serializable {

    static EncodedPart of(TablePart part, TablePreprocessor preprocessor, String target, boolean regression,
                          long firstIndex) {
        if (part.table() == null) {
            int width = preprocessor.width();
            return new EncodedPart(firstIndex, 0, width, new double[0], regression ? new double[0] : null,
                    regression ? null : new String[0]);
        }
        ColumnarTable table = part.table();
        boolean[] train = TableProfile.trainRows(table, target);
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
        return new EncodedPart(firstIndex, n, encoded.cols(), encoded.data(), values, labels);
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
