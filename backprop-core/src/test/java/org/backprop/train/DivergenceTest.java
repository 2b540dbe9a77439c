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
            protected void update(double[] w, double[] g, double[][] state, int start, int length, double rate,
                                  Parameter p) {
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
            assertTrue(e.getMessage().startsWith("training diverged at epoch 1, batch 1 (1-based): parameter dense"),
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
            assertTrue(e.getMessage().contains("now holds the parameters evaluated after epoch " + (best + 1) + " "),
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
            assertTrue(e.getMessage().contains("epoch " + (e.epoch() + 1) + ", batch " + (e.batch() + 1)), e.getMessage());
            assertTrue(e.getMessage().contains("layer dense"), e.getMessage());
            assertTrue(e.getMessage().contains("now holds"), e.getMessage());
            assertTrue(java.util.Arrays.stream(net.parameters().values()).allMatch(Double::isFinite));
        }
    }

    /** An optimizer that ignores gradients and applies {@code rule} to every value from step {@code from} (1-based) on. */
    private static Optimizer rewriting(long from, java.util.function.DoubleUnaryOperator rule) {
        return new Optimizer(LearningRates.of(0.01)) {
            @Override
            public String id() {
                return "rewriting";
            }

            @Override
            protected void update(double[] w, double[] g, double[][] state, int start, int length, double rate,
                                  Parameter p) {
                for (int i = start; i < start + length; i++) {
                    w[i] = steps() >= from ? rule.applyAsDouble(w[i]) : w[i] - rate * g[i];
                }
            }
        };
    }

    @Test
    void sustainedLossGrowthStopsTrainingNamingEpochBatchAndLayer() {
        try (NeuralNetwork net = network()) {
            // weights grow 1.5x a step from step 11: finite and below the weight bound for 60 steps, loss ×1e4 soon
            TrainerConfig config = TrainerConfig.defaults(1).withEpochs(100).withBatchSize(5);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> new Trainer(net, rewriting(11, w -> w * 1.5), config).fit(X, Y));
            assertTrue(e.getMessage().contains("has stayed above 10000.0 times its initial value"), e.getMessage());
            assertTrue(e.getMessage().contains("for " + DivergenceGuard.SUSTAINED_STEPS + " consecutive steps"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("of layer dense"), e.getMessage());
            assertTrue(e.getMessage().startsWith("training diverged at epoch " + (e.epoch() + 1) + ", batch "
                    + (e.batch() + 1) + " (1-based)"), e.getMessage());
            assertTrue(e.getMessage().contains("now holds"), e.getMessage());
            assertTrue(java.util.Arrays.stream(net.parameters().values()).allMatch(v -> Math.abs(v) < 10));
            long step = 4L * e.epoch() + e.batch() + 1; // 4 batches per epoch
            assertTrue(step > 10 + DivergenceGuard.SUSTAINED_STEPS - 1 && step < 90,
                    "stopped at step " + step);
        }
    }

    @Test
    void parameterBeyondTheWeightBoundStops() {
        try (NeuralNetwork net = network()) {
            TrainerConfig config = TrainerConfig.defaults(1).withEpochs(20).withBatchSize(5);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> new Trainer(net, rewriting(5, w -> 1e13), config).fit(X, Y));
            // scanned every 16 steps: step 16 is epoch 4, batch 4 (1-based) with 4 batches per epoch
            assertTrue(e.getMessage().startsWith("training diverged at epoch 4, batch 4 (1-based): the largest "
                    + "parameter magnitude is 1.0E13, in dense"), e.getMessage());
            assertTrue(e.getMessage().contains("beyond the bound 1.0E12"), e.getMessage());
        }
    }

    @Test
    void adamWithAHugeLearningRateDiverges() {
        RandomSource r = TestData.random(5);
        Matrix x = TestData.uniform(64, 3, -1, 1, r);
        Matrix y = TestData.uniform(64, 1, -1, 1, r);
        try (NeuralNetwork net = NeuralNetwork.builder(3).dense(16, "relu").dense(1, "linear").seed(2).threads(1)
                .build()) {
            TrainerConfig config = TrainerConfig.defaults(1).withEpochs(100).withBatchSize(8);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> new Trainer(net, org.backprop.optim.Optimizers.create("adam", LearningRates.of(1e6)), config)
                            .fit(x, y));
            assertTrue(e.getMessage().contains("layer dense"), e.getMessage());
        }
    }
}
