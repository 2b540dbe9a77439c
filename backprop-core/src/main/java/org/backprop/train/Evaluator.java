package org.backprop.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * Full-set losses (weighted when row weights are given) and extra metrics of the current
 * parameters, in inference mode, on the training set and (if given) the validation set.
 */
final class Evaluator implements EpochEvaluator {
    private final NeuralNetwork network;
    private final Map<String, MetricFunction> metrics;
    private final Matrix x;
    private final Matrix y;
    private final Matrix w;
    private final Matrix xValidation;
    private final Matrix yValidation;
    private final Matrix wValidation;

    /** Row weights {@code w} and {@code wValidation} (n×1) may be null: then every row weighs 1. */
    Evaluator(NeuralNetwork network, Map<String, MetricFunction> metrics, Matrix x, Matrix y, Matrix w,
              Matrix xValidation, Matrix yValidation, Matrix wValidation) {
        this.network = network;
        this.metrics = metrics;
        this.x = x;
        this.y = y;
        this.w = w;
        this.xValidation = xValidation;
        this.yValidation = yValidation;
        this.wValidation = wValidation;
    }

    @Override
    public EpochRecord evaluate(int epoch, double meanBatchLoss) {
        Map<String, Double> trainMetrics = new LinkedHashMap<>();
        Map<String, Double> validationMetrics = new LinkedHashMap<>();
        double train = lossAndMetrics(x, y, w, trainMetrics);
        double validation = xValidation == null ? Double.NaN
                : lossAndMetrics(xValidation, yValidation, wValidation, validationMetrics);
        return new EpochRecord(epoch, meanBatchLoss, train, validation, trainMetrics, validationMetrics);
    }

    private double lossAndMetrics(Matrix inputs, Matrix targets, Matrix weights, Map<String, Double> into) {
        Matrix prediction = network.forward(inputs, false);
        double loss = network.loss().forward(prediction, targets, weights);
        metrics.forEach((name, metric) -> into.put(name, metric.compute(targets, prediction)));
        return loss;
    }
}
