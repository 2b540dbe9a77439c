package org.backprop.io.csv;

import java.util.List;
import org.backprop.io.DoubleTable;

/**
 * Features and a numeric target for regression, one target value per feature row.
 *
 * @param features   feature table, one row per data row of the file
 * @param target     target values, in row order
 * @param targetName header name of the target column
 */
public record RegressionData(DoubleTable features, double[] target, String targetName) {

    /**
     * Parses the selected columns of {@code table}; see {@link ColumnSelection#resolve} for the
     * meaning of {@code target} and {@code features} and {@link StrictNumbers} for accepted numbers.
     *
     * @throws org.backprop.io.DataException on any missing, unknown or unparsable value
     */
    public static RegressionData from(CsvTable table, String target, List<String> features) {
        ColumnSelection selection = ColumnSelection.resolve(table, target, features);
        return new RegressionData(table.doubleColumns(selection.features()), table.doubleColumn(target), target);
    }
}
