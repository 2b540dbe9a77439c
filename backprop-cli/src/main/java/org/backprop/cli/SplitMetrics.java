package org.backprop.cli;

import java.util.Arrays;
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
import org.backprop.metrics.ClassReport;
import org.backprop.metrics.ExactSum;
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
 * {@code weighted_accuracy}; the plain metrics stay. Rows of a class the model does not know
 * ({@link UnknownClasses}, evaluate only) are classes of their own after the model's in the tables,
 * wrong in accuracy and left out of log loss and ROC AUC; {@code unknown_classes} lists those classes.
 *
 * @param rows    number of rows evaluated
 * @param values  metric name → Double, null, {@link PerClass}, {@link Confusion} or a list of class labels
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

    private static IntToDoubleFunction values(double[] values) {
        return values == null ? null : i -> values[i];
    }

    private static IntFunction<String> labels(String[] labels) {
        return labels == null ? null : i -> labels[i];
    }

    /**
     * The metrics of the {@code rows} outputs that {@code each} passes on batch by batch, in order,
     * against row i's true value {@code values.applyAsDouble(i)} or label {@code labels.apply(i)}.
     * The metrics are summed a batch at a time in a {@link SplitTally} (exact sums: the numbers do not
     * depend on the batches; regression first sums the true values for R²'s mean); only ROC AUC keeps
     * one number per row (the positive class's probability).
     */
    private static SplitMetrics of(Model model, int rows, Consumer<BatchedPredictions.Sink> each,
                                   IntToDoubleFunction values, IntFunction<String> labels, double[] weights) {
        if (model.task() != Task.REGRESSION) {
            return classification(model, rows, each, labels, weights);
        }
        ExactSum sum = new ExactSum();
        for (int i = 0; i < rows; i++) {
            sum.add(values.applyAsDouble(i));
        }
        SplitTally tally = SplitTally.regression(RSquared.mean(sum, rows), weights != null);
        each.accept((first, predicted) -> {
            Matrix actual = Matrix.zeros(predicted.rows(), 1);
            for (int i = 0; i < predicted.rows(); i++) {
                actual.set(i, 0, values.applyAsDouble(first + i));
            }
            tally.addRegression(actual, predicted, slice(weights, first, predicted.rows()));
        });
        return of(model, tally, OptionalDouble.empty());
    }

    private static SplitMetrics classification(Model model, int rows, Consumer<BatchedPredictions.Sink> each,
                                               IntFunction<String> labels, double[] weights) {
        UnknownClasses unknown = UnknownClasses.of(model.labels(), rows, labels);
        LabelEncoder encoder = unknown.all();
        boolean ranked = SplitTally.ranksRows(model.labels().classCount());
        int positives = 0;
        if (ranked) {
            for (int i = 0; i < rows; i++) {
                positives += encoder.encode(labels.apply(i)) == 1 ? 1 : 0;
            }
        }
        double[] positive = ranked ? new double[positives] : null;
        double[] negative = ranked ? new double[rows - positives - Math.toIntExact(unknown.rowCount())] : null;
        int[] filled = new int[2];
        SplitTally tally = SplitTally.classification(encoder.classCount(), weights != null);
        each.accept((first, probabilities) -> {
            int[] actual = new int[probabilities.rows()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = encoder.encode(labels.apply(first + i));
            }
            tally.addClassification(actual, probabilities, slice(weights, first, actual.length));
            if (ranked) {
                for (int i = 0; i < actual.length; i++) {
                    if (actual[i] == 1) {
                        positive[filled[0]++] = SplitTally.rocScore(probabilities, i);
                    } else if (actual[i] == 0) {
                        negative[filled[1]++] = SplitTally.rocScore(probabilities, i);
                    }
                }
            }
        });
        // every row of a class the model does not know: no row for ROC AUC to rank
        return of(model, encoder.classes(), tally, ranked && positive.length + negative.length > 0
                ? RocAuc.ofClassScores(positive, negative) : OptionalDouble.empty());
    }

    private static double[] slice(double[] weights, int first, int n) {
        return weights == null ? null : Arrays.copyOfRange(weights, first, first + n);
    }

    /**
     * The metrics of the rows summed in {@code tally} (of {@code model}'s task and classes), with the
     * ROC AUC of a two-class model's rows (empty when they hold one class), computed elsewhere.
     */
    static SplitMetrics of(Model model, SplitTally tally, OptionalDouble rocAuc) {
        return of(model, model.task() == Task.REGRESSION ? null : model.labels().classes(), tally, rocAuc);
    }

    /**
     * As {@link #of(Model, SplitTally, OptionalDouble)} for rows of the classes {@code classes}: the
     * model's, then those of rows the model does not know ({@link UnknownClasses}), listed as
     * {@code unknown_classes}; log_loss leaves their rows out (null when it has none left).
     */
    private static SplitMetrics of(Model model, List<String> classes, SplitTally tally, OptionalDouble rocAuc) {
        int rows = Math.toIntExact(tally.rows());
        Map<String, Object> m = new LinkedHashMap<>();
        if (model.task() == Task.REGRESSION) {
            RegressionTally errors = tally.errors();
            m.put("mse", errors.mse());
            m.put("rmse", Math.sqrt(errors.mse()));
            m.put("mae", errors.mae());
            OptionalDouble r2 = errors.r2(tally.totalSumOfSquares());
            m.put("r2", r2.isPresent() ? r2.getAsDouble() : null);
            if (tally.weighted()) {
                m.put("weighted_mse", tally.weightedErrors().mse());
                m.put("weighted_mae", tally.weightedErrors().mae());
            }
            return new SplitMetrics(rows, m);
        }
        int modelClasses = model.labels().classCount();
        m.put("accuracy", tally.tally().accuracy());
        m.put("log_loss", definedOrNull(tally.logLoss().value()));
        if (SplitTally.ranksRows(modelClasses)) {
            m.put("roc_auc", rocAuc.isPresent() ? rocAuc.getAsDouble() : null);
        }
        ClassReport report = tally.tally().report();
        m.put("macro_f1", report.macroF1());
        if (tally.weighted()) {
            m.put("weighted_log_loss", definedOrNull(tally.weightedLogLoss().value()));
            m.put("weighted_accuracy", tally.weightedTally().accuracy());
        }
        m.put("per_class", new PerClass(classes, report));
        m.put("confusion_matrix", new Confusion(classes, tally.tally().confusion().toArray()));
        if (classes.size() > modelClasses) {
            m.put("unknown_classes", classes.subList(modelClasses, classes.size()));
        }
        return new SplitMetrics(rows, m);
    }

    /** {@code v}, or null when it is NaN: a log loss over no rows (every row of a class the model does not know). */
    private static Double definedOrNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
