package org.backprop.io.table;

import org.backprop.io.model.Model;
import org.backprop.tensor.Matrix;
import org.backprop.train.RowSource;

/**
 * Rows as the network takes them, with their true targets: the encoded inputs standardized with the
 * feature scaler (n×inputs), and the targets in their own units: numbers for regression, class
 * labels for classification (the other array is null). The training and validation rows of
 * {@link TabularTraining}: encoded from the table's cells when they are read, so they exist once.
 *
 * @param inputs standardized network inputs, one row per data row
 * @param values regression targets in their own units, or null
 * @param labels class labels, or null
 */
public record NetworkRows(EncodedRows inputs, double[] values, String[] labels) {

    /** Number of rows. */
    public int size() {
        return inputs.rows();
    }

    /** The targets as {@code model}'s network sees them: standardized values (n×1) or one-hot rows (n×k). */
    public Matrix networkTargets(Model model) {
        return LabeledRows.networkTargets(model, values, labels);
    }

    /**
     * The same targets as {@link #networkTargets}, computed when they are read (a batch or a chunk at
     * a time) from the values in the target's units or from one class index per row, so that
     * training holds no n×outputs target matrix. Every value is checked to standardize.
     *
     * @throws org.backprop.io.preprocess.ScalingOverflowException naming the row of a value that
     *                                                            overflows when standardized
     */
    public RowSource targetRows(Model model) {
        if (values != null) {
            StandardizedTargets targets = new StandardizedTargets(values, model.targetScaler());
            targets.requireScalable();
            return targets;
        }
        return new OneHotTargets(model.labels().encode(labels), model.labels().classCount());
    }
}
