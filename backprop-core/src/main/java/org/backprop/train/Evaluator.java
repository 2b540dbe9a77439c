package org.backprop.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backprop.network.NeuralNetwork;
import org.backprop.network.Predictor;
import org.backprop.tensor.Matrix;

/**
 * Full-set losses (weighted when row weights are given) and extra metrics of the current
 * parameters, in inference mode, on the training set and (if given) the validation set.
 *
 * <p>The network's outputs are computed {@link #CHUNK_ROWS} rows at a time on buffers of their own
 * ({@link Predictor#onNetworkKernel}), so an evaluation holds one n×outputs matrix of predictions
 * and a constant, never the hidden layers' activations of all n rows; the values equal one forward
 * pass over all rows bit for bit (rows are independent; no chunk of one row is formed from a set of
 * more, which the float32 kernels would round differently).
 */
final class Evaluator implements EpochEvaluator, AutoCloseable {
    /** Rows per forward pass of an evaluation. */
    static final int CHUNK_ROWS = 1024;

    private final NeuralNetwork network;
    private final Map<String, MetricFunction> metrics;
    private final RowSource x;
    private final Matrix y;
    private final Matrix w;
    private final RowSource xValidation;
    private final Matrix yValidation;
    private final Matrix wValidation;
    private final Predictor predictor;
    private final Matrix prediction;
    private final Matrix validationPrediction;
    /** Holds a chunk of input rows when a source has no views of its rows (else null). */
    private final Matrix scratch;

    /** Row weights {@code w} and {@code wValidation} (n×1) may be null: then every row weighs 1. */
    Evaluator(NeuralNetwork network, Map<String, MetricFunction> metrics, RowSource x, Matrix y, Matrix w,
              RowSource xValidation, Matrix yValidation, Matrix wValidation) {
        this.network = network;
        this.metrics = metrics;
        this.x = x;
        this.y = y;
        this.w = w;
        this.xValidation = xValidation;
        this.yValidation = yValidation;
        this.wValidation = wValidation;
        this.predictor = Predictor.onNetworkKernel(network, CHUNK_ROWS);
        this.prediction = Matrix.zeros(x.rows(), network.outputs());
        this.validationPrediction = xValidation == null ? null : Matrix.zeros(xValidation.rows(), network.outputs());
        this.scratch = x.hasViews() && (xValidation == null || xValidation.hasViews()) ? null
                : Matrix.zeros(CHUNK_ROWS, x.cols());
    }

    @Override
    public EpochRecord evaluate(int epoch, double meanBatchLoss) {
        Map<String, Double> trainMetrics = new LinkedHashMap<>();
        Map<String, Double> validationMetrics = new LinkedHashMap<>();
        double train = lossAndMetrics(x, y, w, prediction, trainMetrics);
        double validation = xValidation == null ? Double.NaN
                : lossAndMetrics(xValidation, yValidation, wValidation, validationPrediction, validationMetrics);
        return new EpochRecord(epoch, meanBatchLoss, train, validation, trainMetrics, validationMetrics);
    }

    private double lossAndMetrics(RowSource inputs, Matrix targets, Matrix weights, Matrix out,
                                  Map<String, Double> into) {
        predictInChunks(inputs, out);
        double loss = network.loss().forward(out, targets, weights);
        metrics.forEach((name, metric) -> into.put(name, metric.compute(targets, out)));
        return loss;
    }

    /** Chunks of {@link #CHUNK_ROWS} rows; a set of more than one row never ends in a chunk of one. */
    private void predictInChunks(RowSource inputs, Matrix out) {
        int n = inputs.rows();
        for (int from = 0; from < n; ) {
            int to = Math.min(from + CHUNK_ROWS, n);
            if (n - to == 1) {
                to--;
            }
            predictor.predict(inputs.rowBlock(from, to, scratch), out.rowRange(from, to));
            from = to;
        }
    }

    /** Releases the chunk buffers (the network's kernel keeps running). */
    @Override
    public void close() {
        predictor.close();
    }
}
