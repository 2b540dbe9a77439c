package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;

import org.backprop.check.TestData;
import org.backprop.kernel.FloatCopy;
import org.backprop.kernel.Precision;
import org.backprop.optim.Adam;
import org.backprop.optim.Optimizer;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * A float32 network's parameters are stored in float ({@link ParameterBuffer} float storage): every
 * value is a float from the build on, the views read the float copies, and a write through a view
 * or through the flat array reaches the next forward pass and optimizer step.
 */
class ParameterFloatStorageTest {

    @Test
    void float32ParametersAreFloatsAndViewsReadTheFloatCopies() {
        RandomSource r = TestData.random(31);
        Matrix x = TestData.uniform(200, 100, -1, 1, r);
        Matrix y = TestData.uniform(200, 1, -1, 1, r);
        try (NeuralNetwork net = network(Precision.FLOAT32, 2)) {
            ParameterBuffer params = net.parameters();
            assertEquals(Precision.FLOAT32, params.precision());
            assertFloats(params.values(), "after build");
            Optimizer adam = new Adam(1e-2);
            for (int step = 0; step < 3; step++) {
                net.forwardLoss(x, y);
                net.backward();
                adam.step(params, net.team());
            }
            for (int i = 0; i < params.parameters().size(); i++) {
                Matrix view = params.parameters().get(i).value();
                FloatCopy stored = params.floatValues(i);
                double[] widened = new double[view.size()];
                stored.widenRange(0, widened, 0, view.size());
                assertArrayEquals(widened, view.toArray(), params.parameters().get(i).name() + " reads its float copy");
            }
            assertFloats(params.values(), "after three Adam steps");
        }
        try (NeuralNetwork net = network(Precision.FLOAT64, 2)) {
            assertEquals(Precision.FLOAT64, net.parameters().precision());
            assertNull(net.parameters().floatValues(0));
        }
    }

    @Test
    void writesThroughViewsAndTheFlatArrayReachTheNextPass() {
        RandomSource r = TestData.random(32);
        Matrix x = TestData.uniform(200, 100, -1, 1, r);
        Matrix y = TestData.uniform(200, 1, -1, 1, r);
        try (NeuralNetwork trained = network(Precision.FLOAT32, 2); NeuralNetwork copy = network(Precision.FLOAT32, 1)) {
            Optimizer adam = new Adam(1e-2);
            for (int step = 0; step < 2; step++) {
                trained.forwardLoss(x, y);
                trained.backward();
                adam.step(trained.parameters(), trained.team());
            }
            copy.forwardLoss(x, y);   // the copy's float copies now hold its initial weights
            copy.parameters().setValues(trained.parameters().values());
            double[] expected = trained.forward(x, false).toArray();
            assertArrayEquals(expected, copy.forward(x, false).toArray(), "after setValues");

            Matrix w = trained.parameters().get("dense1.W").value();
            double changed = w.get(3, 5) + 0.25;
            w.set(3, 5, changed);
            assertFalse(Arrays.equals(expected, trained.forward(x, false).toArray()), "a write through a view is used");
            copy.parameters().values()[trained.parameters().get("dense1.W").offset() + 3 * w.cols() + 5] = changed;
            assertArrayEquals(trained.forward(x, false).toArray(), copy.forward(x, false).toArray(),
                    "a view write and a flat write of the same value");
            assertEquals((float) changed, w.get(3, 5), "the written value, rounded to float by the pass");
        }
    }

    private static void assertFloats(double[] values, String when) {
        for (int k = 0; k < values.length; k++) {
            assertEquals((float) values[k], values[k], "value " + k + " is a float " + when);
        }
    }

    private static NeuralNetwork network(Precision precision, int threads) {
        return NeuralNetwork.builder(100).dense(128, "relu").dense(64, "relu").dense(1, "linear")
                .seed(8).threads(threads).precision(precision).build();
    }
}
