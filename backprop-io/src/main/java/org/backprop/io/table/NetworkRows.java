package org.backprop.io.table;

import org.backprop.io.model.Model;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.RowSet;
import org.backprop.train.RowSource;

/**
 * Rows as the network takes them, with their true targets: the encoded inputs standardized with the
 * feature scaler (n×inputs), and the targets in their own units: numbers for regression, class
 * indices for classification (the other array is null). The training and validation rows of
 * {@link TabularTraining}: encoded from the table's cells when they are read, and their targets
 * read from one array by table row that both sets share, so the data exist once.
 *
 * @param inputs  standardized network inputs, one row per data row
 * @param values  regression targets in their own units by table row (row i's is
 *                {@code values[inputs.tableRow(i)]}; shared with the table's other sets), or null
 * @param labels  classification: the classes, or null
 * @param classes classification: the class index in {@code labels} by table row (as {@code values}),
 *                or null
 */
public record NetworkRows(EncodedRows inputs, double[] values, LabelEncoder labels, int[] classes) {

    /** Number of rows. */
    public int size() {
        return inputs.rows();
    }

    /** The table rows of these rows, in order. */
    public RowSet tableRows() {
        return inputs.tableRows();
    }

    /** Row {@code i}'s regression target in its own units. */
    public double value(int i) {
        return values[inputs.tableRow(i)];
    }

    /** Row {@code i}'s class label. */
    public String label(int i) {
        return labels.decode(classOf(i));
    }

    /** Row {@code i}'s class index in {@link #labels()}. */
    public int classOf(int i) {
        return classes[inputs.tableRow(i)];
    }

    /**
     * The targets as {@code model}'s network sees them, computed when they are read (a batch or a
     * chunk at a time) from the values in the target's units or from the class index per table row
     * (the model's classes must be {@link #labels()}), so that training holds no n×outputs target
     * matrix: standardized values (n×1) or one-hot rows (n×k). Every value is checked to standardize.
     *
     * @throws org.backprop.io.preprocess.ScalingOverflowException naming the row of a value that
     *                                                            overflows when standardized
     */
    public RowSource targetRows(Model model) {
        if (values != null) {
            StandardizedTargets targets = new StandardizedTargets(values, tableRows(), model.targetScaler());
            targets.requireScalable();
            return targets;
        }
        return new OneHotTargets(classes, tableRows(), model.labels().classCount());
    }
}
