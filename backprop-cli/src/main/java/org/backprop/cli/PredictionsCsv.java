package org.backprop.cli;

import java.util.List;

import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.tensor.Matrix;

/**
 * A model's predictions as CSV text, one row per input row in input order. Regression: one column
 * named after the target, in the target's units. Classification: the predicted label (column named
 * after the target), then one probability column per class, {@code p_<label>}, in the model's class
 * order. Numbers are written in full precision (shortest text that reads back as the same double).
 */
final class PredictionsCsv {
    private PredictionsCsv() {
    }

    /** The CSV text, with a header row. */
    static String of(Model model, DoubleTable features) {
        StringBuilder sb = new StringBuilder();
        if (model.task() == Task.REGRESSION) {
            sb.append(quote(model.target())).append('\n');
            for (double v : model.predictValues(features)) {
                sb.append(v).append('\n');
            }
            return sb.toString();
        }
        Matrix p = model.predictProbabilities(features);
        String[] labels = model.labelsOf(p);
        sb.append(quote(model.target()));
        List<String> classes = model.labels().classes();
        classes.forEach(c -> sb.append(',').append(quote("p_" + c)));
        sb.append('\n');
        for (int i = 0; i < p.rows(); i++) {
            sb.append(quote(labels[i]));
            for (int j = 0; j < p.cols(); j++) {
                sb.append(',').append(p.get(i, j));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 quoting when the text holds a comma, quote, line break or surrounding spaces. */
    static String quote(String text) {
        boolean plain = !text.isEmpty() && text.strip().equals(text) && text.chars().noneMatch(c -> c == ',' || c == '"'
                || c == '\n' || c == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
