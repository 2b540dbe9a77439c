package org.backprop.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.check.GradientCheck;
import org.backprop.check.GradientCheckOptions;
import org.backprop.check.GradientCheckReport;
import org.backprop.loss.MeanSquaredError;
import org.backprop.loss.Reduction;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.ParamKind;
import org.backprop.network.Predictor;
import org.backprop.network.SharedPredictor;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizer;
import org.backprop.optim.Sgd;
import org.backprop.random.NumpyRandom;
import org.backprop.tensor.Matrix;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.junit.jupiter.api.Test;

/**
 * The README's "In Java" example, line for line, on the seed workload's 5,000 random rows: only
 * the epochs are fewer (5 instead of 1,000) to keep the suite fast. The gradient check on 64 of
 * the rows must pass: it used to fail on real data because central differences crossed ReLU kinks.
 */
class ReadmeJavaExampleTest {

    @Test
    void theReadmeExampleTrainsPredictsAndPassesItsGradientCheck() {
        NumpyRandom numpy = new NumpyRandom(42);
        Matrix x = numpy.fill(Matrix.zeros(5000, 100));
        Matrix y = numpy.fill(Matrix.zeros(5000, 1));
        double[] features = x.rowRange(0, 1).toArray();
        double[] out = new double[1];
        // --- README, "In Java" (withEpochs(1000) there)
        NeuralNetwork net = NeuralNetwork.builder(100)          // 100 input columns
                .dense(128, "relu").dense(256, "relu").dense(1, "linear")
                .loss(new MeanSquaredError(Reduction.MEAN))     // the default
                .seed(42)                                       // weights from the seed's "init" stream
                .build();
        Optimizer sgd = new Sgd(LearningRates.of(0.25).with(ParamKind.BIAS, 5e-4));   // param groups
        History history = new Trainer(net, sgd, TrainerConfig.defaults(42).withEpochs(5).withBatchSize(500))
                .fit(x, y);                                     // x: n×100, y: n×1 Matrix
        Matrix predictions = net.predict(x);                    // thread-safe
        try (Predictor predictor = Predictor.of(net)) {         // one per serving thread, shares the weights
            predictor.predictRow(features, out);                // one row into your buffer: no allocation
        }
        double[] fromPredictor = out.clone();
        SharedPredictor shared = SharedPredictor.of(net);       // or one for all threads: thread-safe,
        shared.predictRow(features, out);                       // a Predictor per calling thread inside
        GradientCheckReport report = GradientCheck.network(net, x.rowRange(0, 32), y.rowRange(0, 32),
                GradientCheckOptions.defaults().withMaxPerTensor(500));   // a sample: about a second
        // ---
        try (net) {
            assertEquals(5, history.epochs().size());
            assertEquals(5000, predictions.rows());
            assertEquals(predictions.get(0, 0), fromPredictor[0]);
            assertEquals(predictions.get(0, 0), out[0]);
            assertTrue(report.passed(), report.toString());
            assertTrue(report.checked() > 1500, report.toString());
        }
    }
}
