package org.backprop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.io.table.LabeledRows;
import org.backprop.io.table.NetworkRows;
import org.backprop.metrics.Accuracy;
import org.backprop.metrics.ClassLabels;
import org.backprop.metrics.ClassReport;
import org.backprop.metrics.ConfusionMatrix;
import org.backprop.metrics.LogLoss;
import org.backprop.metrics.Mae;
import org.backprop.metrics.Mse;
import org.backprop.metrics.RSquared;
import org.backprop.metrics.Rmse;
import org.backprop.metrics.RocAuc;
import org.backprop.tensor.Matrix;

/**
 * The metrics of a model on one set of rows, by name, in the target's own units. Regression:
 * {@code mse}, {@code rmse}, {@code mae}, {@code r2} (null when the target is constant).
 * Classification: {@code accuracy}, {@code log_loss}, {@code roc_auc} (two classes only: the
 * second class's probability ranks the rows; null when the rows hold one class),
 * {@code macro_f1}, {@code per_class} (precision, recall, F1 and support of each class) and
 * {@code confusion_matrix} (rows = true class, columns = predicted class, in the order of
 * {@code labels}). With row weights (--class-weight, --weight-column) the weighted loss follows:
 * {@code weighted_mse} and {@code weighted_mae}, or {@code weighted_log_loss} and
 * {@code weighted_accuracy}; the plain metrics stay.
 *
 * @param rows    number of rows evaluated
 * @param values  metric name → Double, null, {@link PerClass} or {@link Confusion}
 */
record SplitMetrics(int rows, Map<String, Object> values) {

    /** A confusion matrix with its class labels. */
    record Confusion(List<String> labels, long[][] matrix) {
    }

    /** Per-class precision, recall, F1 and support (the weight of the class's rows), in label order. */
    record PerClass(List<String> labels, ClassReport report) {
    }

    /** Evaluates {@code model} on {@code data}; the predictions are computed in batches ({@link BatchedPredictions}). */
    static SplitMetrics of(Model model, LabeledRows data, RowOrigin origin) {
        return of(model, data, origin, null);
    }

    /** As {@link #of(Model, LabeledRows, RowOrigin)}, adding weighted metrics when {@code weights} is not null. */
    static SplitMetrics of(Model model, LabeledRows data, RowOrigin origin, double[] weights) {
        return of(model, BatchedPredictions.all(model, data.size(),
                sink -> BatchedPredictions.forEach(model, data.features(), origin, sink)), data.values(),
                data.labels(), weights);
    }

    /** As {@link #of(Model, LabeledRows, RowOrigin, double[])} for rows already standardized (training, validation). */
    static SplitMetrics of(Model model, NetworkRows data, RowOrigin origin, double[] weights) {
        return of(model, BatchedPredictions.all(model, data.size(),
                sink -> BatchedPredictions.forEach(model, data.inputs(), origin, sink)), data.values(),
                data.labels(), weights);
    }

    /**
     * The metrics of {@code output} (regression: n×1 predictions in target units; classification:
     * n×classes probabilities) against the true {@code values} or {@code labels}.
     */
    static SplitMetrics of(Model model, Matrix output, double[] values, String[] labels, double[] weights) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (model.task() == Task.REGRESSION) {
            Matrix predicted = output;
            Matrix actual = Matrix.wrap(values.length, 1, values);
            m.put("mse", Mse.of(actual, predicted));
            m.put("rmse", Rmse.of(actual, predicted));
            m.put("mae", Mae.of(actual, predicted));
            OptionalDouble r2 = RSquared.of(actual, predicted);
            m.put("r2", r2.isPresent() ? r2.getAsDouble() : null);
            if (weights != null) {
                m.put("weighted_mse", Mse.of(actual, predicted, weights));
                m.put("weighted_mae", Mae.of(actual, predicted, weights));
            }
        } else {
            Matrix probabilities = output;
            int k = model.labels().classCount();
            int[] predicted = ClassLabels.argmax(probabilities);
            int[] actual = model.labels().encode(labels);
            Matrix oneHot = ClassLabels.oneHot(actual, k);
            m.put("accuracy", Accuracy.of(actual, predicted));
            m.put("log_loss", LogLoss.of(oneHot, probabilities));
            if (k == 2) {
                double[] positive = new double[probabilities.rows()];
                for (int i = 0; i < positive.length; i++) {
                    positive[i] = probabilities.get(i, 1);
                }
                OptionalDouble auc = RocAuc.of(actual, positive);
                m.put("roc_auc", auc.isPresent() ? auc.getAsDouble() : null);
            }
            ClassReport report = ClassReport.of(actual, predicted, k);
            m.put("macro_f1", report.macroF1());
            if (weights != null) {
                m.put("weighted_log_loss", LogLoss.of(oneHot, probabilities, weights));
                m.put("weighted_accuracy", Accuracy.of(actual, predicted, weights));
            }
            m.put("per_class", new PerClass(model.labels().classes(), report));
            m.put("confusion_matrix", new Confusion(model.labels().classes(),
                    ConfusionMatrix.of(actual, predicted, k).toArray()));
        }
        return new SplitMetrics(output.rows(), m);
    }
}
