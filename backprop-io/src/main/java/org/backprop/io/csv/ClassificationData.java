package org.backprop.io.csv;

import java.util.List;
import org.backprop.io.DoubleTable;

/**
 * Features and string class labels for classification, one label per feature row. Labels are kept
 * as text (trimmed); encode them with {@link org.backprop.io.preprocess.LabelEncoder}.
 *
 * @param features   feature table, one row per data row of the file
 * @param labels     class labels, in row order
 * @param targetName header name of the label column
 */
public record ClassificationData(DoubleTable features, String[] labels, String targetName) {

    /**
     * Parses the selected columns of {@code table}; see {@link ColumnSelection#resolve} for the
     * meaning of {@code target} and {@code features}.
     *
     * @throws org.backprop.io.DataException on any missing, unknown or unparsable value
     */
    public static ClassificationData from(CsvTable table, String target, List<String> features) {
        ColumnSelection selection = ColumnSelection.resolve(table, target, features);
        return new ClassificationData(table.doubleColumns(selection.features()), table.labelColumn(target), target);
    }
}
