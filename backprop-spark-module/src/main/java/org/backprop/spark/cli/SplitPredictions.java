package org.backprop.spark.cli;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.backprop.cli.TrainCommand;
import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.spark.data.EncodedPart;
import org.backprop.spark.score.ModelBytes;
import org.backprop.tensor.Matrix;

/**
 * A model's outputs on a set of encoded rows, computed on the executors (the features never leave
 * them) {@value #BATCH_ROWS} rows at a time as {@code backprop train} computes its metrics'
 * predictions, and gathered on the driver with the true values or labels and the rows' weights, in
 * input order, for {@link TrainCommand#reportMetrics}: 8·(outputs + 2) bytes per row on the driver.
 */
final class SplitPredictions {
    /** Rows per forward pass (as {@code backprop train}'s batched predictions). */
    static final int BATCH_ROWS = 4096;

    private SplitPredictions() {
    }

    /** One partition's outputs (rows × k, row-major), true values or labels, and weights (or null). */
    private record Part(double[] output, double[] values, String[] labels, double[] weights) implements Serializable {
    }

    /**
     * The outputs of {@code model} on {@code rows} (split {@code split}); with {@code weighted}, each
     * row's weight ({@link EncodedPart#weight} with {@code classWeights}), else none. One job.
     */
    static TrainCommand.SplitOutputs of(String split, JavaRDD<EncodedPart> rows, ModelBytes model,
                                        Map<String, Double> classWeights, boolean weighted) {
        Map<String, Double> byClass = classWeights == null ? null : new HashMap<>(classWeights);
        List<Part> parts = rows.map(e -> part(e, model, byClass, weighted)).collect();
        int n = 0;
        int k = 0;
        boolean regression = parts.isEmpty() || parts.get(0).values() != null;
        for (Part p : parts) {
            int r = regression ? p.values().length : p.labels().length;
            n += r;
            k = r > 0 ? p.output().length / r : k;
        }
        double[] output = new double[Math.multiplyExact(n, Math.max(k, 1))];
        double[] values = regression ? new double[n] : null;
        String[] labels = regression ? null : new String[n];
        double[] weights = weighted ? new double[n] : null;
        int at = 0;
        for (Part p : parts) {
            int r = regression ? p.values().length : p.labels().length;
            System.arraycopy(p.output(), 0, output, at * k, r * k);
            if (regression) {
                System.arraycopy(p.values(), 0, values, at, r);
            } else {
                System.arraycopy(p.labels(), 0, labels, at, r);
            }
            if (weighted) {
                System.arraycopy(p.weights(), 0, weights, at, r);
            }
            at += r;
        }
        return new TrainCommand.SplitOutputs(split, Matrix.wrap(n, Math.max(k, 1), output), values, labels, weights);
    }

    private static Part part(EncodedPart e, ModelBytes bytes, Map<String, Double> classWeights, boolean weighted) {
        double[] weights = null;
        if (weighted) {
            weights = new double[e.rows()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = e.weight(i, classWeights);
            }
        }
        try (Model model = bytes.load()) {
            int k = model.task() == Task.CLASSIFICATION ? model.labels().classCount() : 1;
            double[] out = new double[Math.multiplyExact(e.rows(), k)];
            for (int first = 0; first < e.rows(); first += BATCH_ROWS) {
                int n = Math.min(BATCH_ROWS, e.rows() - first);
                double[] x = new double[n * e.width()];
                System.arraycopy(e.x(), first * e.width(), x, 0, x.length);
                Matrix inputs = model.inputs(new DoubleTable(x, n, e.width(), model.features()));
                Matrix batch = model.task() == Task.CLASSIFICATION ? model.network().predictProbabilities(inputs)
                        : Matrix.column(model.targetScaler().inverseTransform(model.network().predict(inputs).toArray()));
                System.arraycopy(batch.toArray(), 0, out, first * k, n * k);
            }
            return new Part(out, e.values(), e.labels(), weights);
        }
    }
}
