package org.backprop.cli;

import java.util.List;

import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.tensor.Matrix;

/**
 * A model's predictions as CSV text, one row per input row in input order. The prediction column
 * is named {@code <target>_predicted}, so it cannot be mistaken for (or joined over) the true
 * target column. Regression: that column, in the target's units. Classification: the predicted
 * label in that column, then one probability column per class, {@code p_<label>}, in the model's
 * class order. An optional id column comes first, its cells copied as written. Numbers are written
 * in full precision (shortest text that reads back as the same double).
 */
final class PredictionsCsv {
    /** The suffix of the prediction column's name. */
    static final String SUFFIX = "_predicted";

    private PredictionsCsv() {
    }

    /** The CSV text, with a header row. */
    static String of(Model model, DoubleTable features) {
        return of(model, features, null, null);
    }

    /**
     * The CSV text, with a header row, the column {@code idName} with the cells {@code ids} first
     * (one per row) unless {@code ids} is null.
     */
    static String of(Model model, DoubleTable features, String idName, String[] ids) {
        StringBuilder sb = new StringBuilder();
        if (ids != null) {
            sb.append(quote(idName)).append(',');
        }
        sb.append(quote(model.target() + SUFFIX));
        if (model.task() == Task.REGRESSION) {
            sb.append('\n');
            double[] values = model.predictValues(features);
            for (int i = 0; i < values.length; i++) {
                id(sb, ids, i).append(values[i]).append('\n');
            }
            return sb.toString();
        }
        Matrix p = model.predictProbabilities(features);
        String[] labels = model.labelsOf(p);
        List<String> classes = model.labels().classes();
        classes.forEach(c -> sb.append(',').append(quote("p_" + c)));
        sb.append('\n');
        for (int i = 0; i < p.rows(); i++) {
            id(sb, ids, i).append(quote(labels[i]));
            for (int j = 0; j < p.cols(); j++) {
                sb.append(',').append(p.get(i, j));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static StringBuilder id(StringBuilder sb, String[] ids, int row) {
        return ids == null ? sb : sb.append(quote(ids[row])).append(',');
    }

    /** RFC 4180 quoting when the text holds a comma, quote, line break or surrounding spaces. */
    static String quote(String text) {
        boolean plain = !text.isEmpty() && text.strip().equals(text) && text.chars().noneMatch(c -> c == ',' || c == '"'
                || c == '\n' || c == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
