package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Parameter;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizer;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class DivergenceTest {
    private static final RandomSource R = TestData.random(31);
    private static final Matrix X = TestData.uniform(20, 2, -1, 1, R);
    private static final Matrix Y = TestData.uniform(20, 1, -1, 1, R);

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(2).dense(4, "tanh").dense(1, "linear").seed(1).threads(1).build();
    }

    /** SGD whose step is infinite: every parameter with a non-zero gradient becomes ±∞ (loss still finite). */
    private static Optimizer infiniteStep() {
        return infiniteFrom(1, 1.0);
    }

    /**
     * SGD with rate {@code lr} whose steps from {@code from} (1-based) on are infinite. (Schedules
     * cannot do this: optimizers refuse a non-finite schedule factor.)
     */
    private static Optimizer infiniteFrom(long from, double lr) {
        return new Optimizer(LearningRates.of(lr)) {
            @Override
            public String id() {
                return "sgd-that-blows-up";
            }

            @Override
            protected void update(double[] w, double[] g, int start, int length, double rate, Parameter p) {
                double scale = steps() >= from ? Double.POSITIVE_INFINITY : rate;
                for (int i = start; i < start + length; i++) {
                    w[i] -= scale * g[i];
                }
            }
        };
    }

    @Test
    void nonFiniteParameterAfterTheStepNamesEpochBatchAndLayerAndRestoresInitialParameters() {
        try (NeuralNetwork net = network()) {
            double[] initial = net.parameters().values().clone();
            TrainerConfig config = TrainerConfig.defaults(1).withEpochs(5).withBatchSize(5);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> new Trainer(net, infiniteStep(), config).fit(X, Y));
            assertEquals(0, e.epoch());
            assertEquals(0, e.batch());
            assertEquals(-1, e.restoredEpoch());
            assertTrue(e.getMessage().startsWith("training diverged at epoch 0, batch 0: parameter dense"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("of layer dense") && e.getMessage().contains("after the optimizer step"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("now holds the initial parameters"), e.getMessage());
            assertArrayEquals(initial, net.parameters().values());
        }
    }

    @Test
    void divergenceAfterSomeEpochsRestoresTheBestEvaluatedParameters() {
        try (NeuralNetwork net = network()) {
            Map<Integer, double[]> evaluated = new HashMap<>();
            Map<Integer, Double> losses = new HashMap<>();
            Optimizer sgd = infiniteFrom(21, 0.05); // 4 batches per epoch: step 21 is epoch 5, batch 0
            TrainerConfig config = TrainerConfig.defaults(1).withEpochs(50).withBatchSize(5);
            TrainingListener recorder = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochRecord record) {
                    evaluated.put(record.epoch(), net.parameters().values().clone());
                    losses.put(record.epoch(), record.trainLoss());
                }
            };
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> new Trainer(net, sgd, config).listener(recorder).fit(X, Y));
            assertEquals(5, e.epoch());
            assertEquals(0, e.batch());
            int best = losses.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertEquals(best, e.restoredEpoch());
            assertTrue(e.getMessage().contains("now holds the parameters evaluated after epoch " + best),
                    e.getMessage());
            assertArrayEquals(evaluated.get(best), net.parameters().values());
            assertTrue(net.parameters().values().length > 0
                    && java.util.Arrays.stream(net.parameters().values()).allMatch(Double::isFinite));
        }
    }

    @Test
    void nonFiniteLossNamesTheLayerAndRestores() {
        RandomSource r = TestData.random(11);
        Matrix x = TestData.uniform(20, 2, -1, 1, r);
        Matrix y = TestData.uniform(20, 1, 100, 200, r);
        try (NeuralNetwork net = NeuralNetwork.builder(2).dense(4, "relu").dense(1, "linear").seed(1).build()) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> new Trainer(net, new Sgd(10.0), TrainerConfig.defaults(1).withEpochs(50).withBatchSize(5))
                            .fit(x, y));
            assertTrue(e.getMessage().contains("epoch " + e.epoch() + ", batch " + e.batch()), e.getMessage());
            assertTrue(e.getMessage().contains("layer dense"), e.getMessage());
            assertTrue(e.getMessage().contains("now holds"), e.getMessage());
            assertTrue(java.util.Arrays.stream(net.parameters().values()).allMatch(Double::isFinite));
        }
    }
}
