package org.backprop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.table.LabeledRows;
import org.backprop.io.table.NetworkRows;
import org.backprop.metrics.ClassLabels;
import org.backprop.metrics.ClassReport;
import org.backprop.metrics.ClassTally;
import org.backprop.metrics.LogLossSum;
import org.backprop.metrics.RSquared;
import org.backprop.metrics.RegressionTally;
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
        return of(model, data.size(), sink -> BatchedPredictions.forEach(model, data.features(), origin, sink),
                values(data.values()), labels(data.labels()), weights);
    }

    /** As {@link #of(Model, LabeledRows, RowOrigin, double[])} for rows already standardized (training, validation). */
    static SplitMetrics of(Model model, NetworkRows data, RowOrigin origin, double[] weights) {
        return of(model, data.size(), sink -> BatchedPredictions.forEach(model, data.inputs(), origin, sink),
                data.values() == null ? null : data::value, data.labels() == null ? null : data::label, weights);
    }

    /**
     * The metrics of {@code output} (regression: n×1 predictions in target units; classification:
     * n×classes probabilities) against the true {@code values} or {@code labels}.
     */
    static SplitMetrics of(Model model, Matrix output, double[] values, String[] labels, double[] weights) {
        return of(model, output.rows(), sink -> sink.accept(0, output), values(values), labels(labels), weights);
    }

    private static IntToDoubleFunction values(double[] values) {
        return values == null ? null : i -> values[i];
    }

    private static IntFunction<String> labels(String[] labels) {
        return labels == null ? null : i -> labels[i];
    }

    /**
     * The metrics of the {@code rows} outputs that {@code each} passes on batch by batch, in order,
     * against row i's true value {@code values.applyAsDouble(i)} or label {@code labels.apply(i)}.
     * The metrics are summed a batch at a time (regression: {@link RegressionTally}, R²'s total sum
     * of squares from the true values; classification: {@link ClassTally}, {@link LogLossSum}), the
     * same sums in the same order as over one matrix, so the numbers do not depend on the batches;
     * only ROC AUC keeps one number per row (the positive class's probability).
     */
    private static SplitMetrics of(Model model, int rows, Consumer<BatchedPredictions.Sink> each,
                                   IntToDoubleFunction values, IntFunction<String> labels, double[] weights) {
        if (model.task() != Task.REGRESSION) {
            return classification(model, rows, each, labels, weights);
        }
        RegressionTally tally = new RegressionTally();
        RegressionTally weighted = weights == null ? null : new RegressionTally();
        each.accept((first, predicted) -> {
            Matrix actual = Matrix.zeros(predicted.rows(), 1);
            for (int i = 0; i < predicted.rows(); i++) {
                actual.set(i, 0, values.applyAsDouble(first + i));
            }
            tally.add(actual, predicted, null, 0);
            if (weighted != null) {
                weighted.add(actual, predicted, weights, first);
            }
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mse", tally.mse());
        m.put("rmse", Math.sqrt(tally.mse()));
        m.put("mae", tally.mae());
        OptionalDouble r2 = tally.r2(RSquared.totalSumOfSquares(values, rows));
        m.put("r2", r2.isPresent() ? r2.getAsDouble() : null);
        if (weighted != null) {
            m.put("weighted_mse", weighted.mse());
            m.put("weighted_mae", weighted.mae());
        }
        return new SplitMetrics(rows, m);
    }

    private static SplitMetrics classification(Model model, int rows, Consumer<BatchedPredictions.Sink> each,
                                               IntFunction<String> labels, double[] weights) {
        LabelEncoder encoder = model.labels();
        int k = encoder.classCount();
        int positives = 0;
        if (k == 2) {
            for (int i = 0; i < rows; i++) {
                positives += encoder.encode(labels.apply(i));
            }
        }
        double[] positive = k == 2 ? new double[positives] : null;
        double[] negative = k == 2 ? new double[rows - positives] : null;
        int[] filled = new int[2];
        ClassTally tally = new ClassTally(k);
        LogLossSum logLoss = new LogLossSum();
        ClassTally weightedTally = weights == null ? null : new ClassTally(k);
        LogLossSum weightedLogLoss = weights == null ? null : new LogLossSum();
        each.accept((first, probabilities) -> {
            int[] actual = new int[probabilities.rows()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = encoder.encode(labels.apply(first + i));
            }
            int[] predicted = ClassLabels.argmax(probabilities);
            Matrix oneHot = ClassLabels.oneHot(actual, k);
            tally.add(actual, predicted, null, 0);
            logLoss.add(oneHot, probabilities, null, 0);
            if (weights != null) {
                weightedTally.add(actual, predicted, weights, first);
                weightedLogLoss.add(oneHot, probabilities, weights, first);
            }
            if (k == 2) {
                for (int i = 0; i < actual.length; i++) {
                    if (actual[i] == 1) {
                        positive[filled[0]++] = probabilities.get(i, 1);
                    } else {
                        negative[filled[1]++] = probabilities.get(i, 1);
                    }
                }
            }
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", tally.accuracy());
        m.put("log_loss", logLoss.value());
        if (k == 2) {
            OptionalDouble auc = RocAuc.ofClassScores(positive, negative);
            m.put("roc_auc", auc.isPresent() ? auc.getAsDouble() : null);
        }
        ClassReport report = tally.report();
        m.put("macro_f1", report.macroF1());
        if (weights != null) {
            m.put("weighted_log_loss", weightedLogLoss.value());
            m.put("weighted_accuracy", weightedTally.accuracy());
        }
        m.put("per_class", new PerClass(encoder.classes(), report));
        m.put("confusion_matrix", new Confusion(encoder.classes(), tally.confusion().toArray()));
        return new SplitMetrics(rows, m);
    }
}
