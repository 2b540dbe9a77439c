package org.backprop.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.backprop.check.TestData;
import org.backprop.kernel.ThreadTeam;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.ParamKind;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer, fully configured (group rates, schedule, clipping, L2 and L1), gives bit for bit
 * the same parameters when its update is split over three threads as on the calling thread, on a
 * network large enough (about 30,000 parameters) for the split to happen.
 */
class OptimizerThreadsTest {

    static Iterable<String> names() {
        return Optimizers.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void threadedUpdateEqualsSerialUpdate(String name) {
        RandomSource r = TestData.random(5);
        Matrix x = TestData.uniform(32, 100, -1, 1, r);
        Matrix y = TestData.uniform(32, 1, -1, 1, r);
        try (NeuralNetwork serial = network(); NeuralNetwork threaded = network(); ThreadTeam threads = ThreadTeam.of(3)) {
            Optimizer serialOptimizer = configured(name);
            Optimizer threadedOptimizer = configured(name);
            for (int step = 0; step < 4; step++) {
                serial.forwardLoss(x, y);
                serial.backward();
                serialOptimizer.step(serial.parameters());
                threaded.forwardLoss(x, y);
                threaded.backward();
                threadedOptimizer.step(threaded.parameters(), threads);
                assertArrayEquals(serial.parameters().values(), threaded.parameters().values(),
                        name + ": parameters after step " + (step + 1));
            }
        }
    }

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(100).dense(128, "relu").dense(128, "relu").dense(1, "linear").seed(4).build();
    }

    /** Every optimizer option away from its default: group rates, schedule, clipping, L2 and L1. */
    static Optimizer configured(String name) {
        return Optimizers.create(name, LearningRates.of(0.01).with(ParamKind.BIAS, 0.002))
                .schedule(LearningRateSchedule.cosine(10, 0.1).withWarmup(2))
                .clipByNorm(1)
                .weightDecay(1e-3)
                .l1(1e-4);
    }
}
