package org.backprop.io.table;

import org.backprop.io.DoubleTable;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.model.Model;
import org.backprop.tensor.Matrix;

/**
 * Rows of network inputs with their true targets: numbers for regression, class labels for
 * classification (the other array is null). The inputs are encoded from the table's cells and
 * standardized with the model's feature scaler when they are read ({@link EncodedRows}), a block at
 * a time, so the rows exist once, as the table's columns.
 *
 * @param features the network inputs, one row per data row
 * @param values   regression targets in their own units, or null
 * @param labels   class labels, or null
 */
public record LabeledRows(EncodedRows features, double[] values, String[] labels) {

    /**
     * {@code model}'s network inputs and its target in every row of {@code table} (read with
     * {@code model.preprocessor().readOptions(List.of(model.target()))}); the encoding's warnings are
     * counted in {@code warnings} (null: not counted; {@link EncodedRows#countWarnings} of the rows
     * used counts them later). The table's input columns must keep their cells while the rows
     * are read; the target column's may be released.
     *
     * @throws org.backprop.io.DataException for a bad feature cell, a missing or bad target, or a
     *                                       class label the model does not know
     */
    public static LabeledRows of(ColumnarTable table, Model model, EncodeWarnings warnings) {
        return of(table, model, warnings, false);
    }

    /**
     * As {@link #of(ColumnarTable, Model, EncodeWarnings)}; with {@code dropMissingTarget} the rows
     * whose target is missing are left out (the others keep their order; {@link EncodedRows#tableRow}
     * gives each row's table row) instead of being an error.
     */
    public static LabeledRows of(ColumnarTable table, Model model, EncodeWarnings warnings, boolean dropMissingTarget) {
        return of(table, model, warnings, dropMissingTarget, false);
    }

    /**
     * As {@link #of(ColumnarTable, Model, EncodeWarnings, boolean)}; with {@code keepUnknownClasses} a
     * row whose class label the model does not know keeps that label instead of being an error
     * ({@link Target#forModel(ColumnarTable, Model, boolean, boolean)}); such rows have no
     * {@link #networkTargets}.
     */
    public static LabeledRows of(ColumnarTable table, Model model, EncodeWarnings warnings, boolean dropMissingTarget,
                                 boolean keepUnknownClasses) {
        model.preprocessor().check(table);
        Target target = Target.forModel(table, model, dropMissingTarget, keepUnknownClasses);
        int[] rows = target.rows();
        EncodedRows features = new EncodedRows(table, model.preprocessor(), model.featureScaler(), rows);
        if (warnings != null) {
            features.countWarnings(warnings);
        }
        double[] values = target.values() == null || rows == null ? target.values() : pick(target.values(), rows);
        String[] labels = null;
        if (target.classes() != null) {
            labels = rows == null ? target.labels().decode(target.classes()) : new String[rows.length];
            for (int i = 0; rows != null && i < rows.length; i++) {
                labels[i] = target.label(rows[i]);
            }
        }
        return new LabeledRows(features, values, labels);
    }

    /** Number of rows. */
    public int size() {
        return features.rows();
    }

    /** The given rows, in the given order. */
    public LabeledRows select(int[] rows) {
        return new LabeledRows(features.select(rows), values == null ? null : pick(values, rows),
                labels == null ? null : pick(labels, rows));
    }

    /** The targets as {@code model}'s network sees them: standardized values (n×1) or one-hot rows (n×k). */
    public Matrix networkTargets(Model model) {
        return networkTargets(model, values, labels);
    }

    /** Regression {@code values} standardized (n×1), or class {@code labels} one-hot (n×k). */
    static Matrix networkTargets(Model model, double[] values, String[] labels) {
        if (values != null) {
            return Matrix.wrap(values.length, 1, model.targetScaler().transform(values));
        }
        int[] classes = model.labels().encode(labels);
        DoubleTable oneHot = model.labels().oneHot(classes);
        return Matrix.wrap(oneHot.rows(), oneHot.cols(), oneHot.data());
    }

    static double[] pick(double[] a, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    static String[] pick(String[] a, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }
}
