package org.backprop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.io.table.LabeledRows;
import org.backprop.metrics.Accuracy;
import org.backprop.metrics.ClassLabels;
import org.backprop.metrics.ConfusionMatrix;
import org.backprop.metrics.LogLoss;
import org.backprop.metrics.Mae;
import org.backprop.metrics.Mse;
import org.backprop.metrics.RSquared;
import org.backprop.metrics.Rmse;
import org.backprop.tensor.Matrix;

/**
 * The metrics of a model on one set of rows, by name, in the target's own units. Regression:
 * {@code mse}, {@code rmse}, {@code mae}, {@code r2} (null when the target is constant).
 * Classification: {@code accuracy}, {@code log_loss}, {@code confusion_matrix} (rows = true class,
 * columns = predicted class, in the order of {@code labels}).
 *
 * @param rows    number of rows evaluated
 * @param values  metric name → Double, null, or (confusion matrix) {@link Confusion}
 */
record SplitMetrics(int rows, Map<String, Object> values) {

    /** A confusion matrix with its class labels. */
    record Confusion(List<String> labels, long[][] matrix) {
    }

    /** Evaluates {@code model} on {@code data}; the predictions are computed in batches ({@link BatchedPredictions}). */
    static SplitMetrics of(Model model, LabeledRows data, RowOrigin origin) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (model.task() == Task.REGRESSION) {
            Matrix predicted = Matrix.column(BatchedPredictions.values(model, data.features(), origin));
            Matrix actual = Matrix.column(data.values());
            m.put("mse", Mse.of(predicted, actual));
            m.put("rmse", Rmse.of(predicted, actual));
            m.put("mae", Mae.of(predicted, actual));
            OptionalDouble r2 = RSquared.of(predicted, actual);
            m.put("r2", r2.isPresent() ? r2.getAsDouble() : null);
        } else {
            Matrix probabilities = BatchedPredictions.probabilities(model, data.features(), origin);
            int k = model.labels().classCount();
            int[] predicted = ClassLabels.argmax(probabilities);
            int[] actual = model.labels().encode(data.labels());
            m.put("accuracy", Accuracy.of(predicted, actual));
            m.put("log_loss", LogLoss.of(probabilities, ClassLabels.oneHot(actual, k)));
            m.put("confusion_matrix", new Confusion(model.labels().classes(),
                    ConfusionMatrix.of(predicted, actual, k).toArray()));
        }
        return new SplitMetrics(data.size(), m);
    }
}
