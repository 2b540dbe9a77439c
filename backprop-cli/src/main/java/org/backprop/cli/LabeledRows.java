package org.backprop.cli;

import java.util.List;

import org.backprop.io.DoubleTable;
import org.backprop.io.csv.CsvTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.tensor.Matrix;

/**
 * Rows of raw (unscaled) features with their true targets: numbers for regression, class labels
 * for classification (the other array is null).
 *
 * @param features raw feature values, one row per data row
 * @param values   regression targets in their own units, or null
 * @param labels   class labels as written in the file, or null
 * @param origin   the file and line of each row
 */
record LabeledRows(DoubleTable features, double[] values, String[] labels, RowOrigin origin) {

    /** The given feature columns and target of {@code table}; errors name file, line and column. */
    static LabeledRows read(CsvTable table, List<String> features, String target, Task task) {
        DoubleTable x = table.doubleColumns(features);
        return task == Task.REGRESSION
                ? new LabeledRows(x, table.doubleColumn(target), null, RowOrigin.of(table))
                : new LabeledRows(x, null, table.labelColumn(target), RowOrigin.of(table));
    }

    /** {@code model}'s features and target in {@code table}; unknown class labels are data errors. */
    static LabeledRows read(CsvTable table, Model model) {
        if (model.task() == Task.CLASSIFICATION) {
            model.classesOf(table);
        }
        return read(table, model.features(), model.target(), model.task());
    }

    /** Number of rows. */
    int size() {
        return features.rows();
    }

    /** The given rows, in the given order. */
    LabeledRows select(int[] rows) {
        return new LabeledRows(features.selectRows(rows), values == null ? null : pick(values, rows),
                labels == null ? null : pick(labels, rows), origin.select(rows));
    }

    /** The targets as {@code model}'s network sees them: standardized values (n×1) or one-hot rows (n×k). */
    Matrix networkTargets(Model model) {
        if (values != null) {
            return Matrix.column(model.targetScaler().transform(values));
        }
        int[] classes = model.labels().encode(labels);
        DoubleTable oneHot = model.labels().oneHot(classes);
        return Matrix.wrap(oneHot.rows(), oneHot.cols(), oneHot.data());
    }

    private static double[] pick(double[] a, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    private static String[] pick(String[] a, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }
}
