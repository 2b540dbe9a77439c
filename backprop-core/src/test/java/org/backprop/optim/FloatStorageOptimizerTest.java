package org.backprop.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backprop.check.TestData;
import org.backprop.kernel.Precision;
import org.backprop.kernel.ThreadTeam;
import org.backprop.network.ParamKind;
import org.backprop.network.ParameterBuffer;
import org.backprop.random.RandomSource;
import org.backprop.train.AllocationMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer on parameters with float storage ({@link Precision#FLOAT32}): its one double
 * update, run on the stored floats and rounded once, gives bit for bit what the float64 update
 * gives when the parameters and the state are rounded to float after each step; the state is
 * stored in float; the result does not depend on the thread count; a saved state resumes exactly;
 * a step allocates nothing once warm.
 */
class FloatStorageOptimizerTest {
    /** Large enough (with 3 threads) for the update to be split, with bands cut mid-parameter. */
    private static final int ROWS = 70;
    private static final int COLS = 300;
    private static final int STEPS = 5;

    static Iterable<String> names() {
        return Optimizers.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void floatStorageIsTheDoubleUpdateRoundedOnce(String name) {
        RandomSource r = TestData.random(21);
        double[] initial = floats(TestData.uniform(1, size(), -1, 1, r).toArray());
        double[][] gradients = new double[STEPS][];
        for (int s = 0; s < STEPS; s++) {
            gradients[s] = TestData.uniform(1, size(), -0.5, 0.5, r).toArray();
        }
        ParameterBuffer stored = buffer(Precision.FLOAT32, initial);
        ParameterBuffer reference = buffer(Precision.FLOAT64, initial);
        Optimizer onFloats = configured(name);
        Optimizer rounded = configured(name);
        for (int s = 0; s < STEPS; s++) {
            System.arraycopy(gradients[s], 0, stored.grads(), 0, size());
            System.arraycopy(gradients[s], 0, reference.grads(), 0, size());
            onFloats.step(stored);
            rounded.step(reference);
            roundInPlace(reference.values());
            rounded.restore(roundedState(rounded.state()));
            assertArrayEquals(reference.values(), stored.values(), name + ": parameters after step " + (s + 1));
            assertTrue(onFloats.state().sameAs(rounded.state()), name + ": state after step " + (s + 1));
        }
        for (double[] buffer : onFloats.state().buffers().values()) {
            assertArrayEquals(floats(buffer), buffer, name + ": the state holds floats");
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void floatStorageIsThreadCountInvariantAndResumesExactly(String name) {
        RandomSource r = TestData.random(22);
        double[] initial = TestData.uniform(1, size(), -1, 1, r).toArray();
        ParameterBuffer serial = buffer(Precision.FLOAT32, initial);
        ParameterBuffer threaded = buffer(Precision.FLOAT32, initial);
        ParameterBuffer resumed = buffer(Precision.FLOAT32, initial);
        Optimizer serialOptimizer = configured(name);
        Optimizer threadedOptimizer = configured(name);
        Optimizer resumedOptimizer = configured(name);
        try (ThreadTeam threads = ThreadTeam.of(3)) {
            for (int s = 0; s < STEPS; s++) {
                double[] grads = TestData.uniform(1, size(), -0.5, 0.5, r).toArray();
                System.arraycopy(grads, 0, serial.grads(), 0, size());
                System.arraycopy(grads, 0, threaded.grads(), 0, size());
                System.arraycopy(grads, 0, resumed.grads(), 0, size());
                serialOptimizer.step(serial);
                threadedOptimizer.step(threaded, threads);
                if (s == 2) {
                    resumed.setValues(serial.values());
                    resumedOptimizer = configured(name);
                    resumedOptimizer.restore(serialOptimizer.state());
                } else {
                    resumedOptimizer.step(resumed);
                }
                assertArrayEquals(serial.values(), threaded.values(), name + ": 1 vs 3 threads, step " + (s + 1));
            }
        }
        assertArrayEquals(serial.values(), resumed.values(), name + ": resumed from a saved state");
        assertEquals(STEPS, serialOptimizer.steps());
    }

    /**
     * AdamW alone (two state buffers and a per-parameter decay): the band path around the update
     * is the same for every optimizer, and each warm-up costs seconds.
     */
    @Test
    void aFloatStorageStepAllocatesNothing() {
        String name = "adamw";
        RandomSource r = TestData.random(23);
        ParameterBuffer params = buffer(Precision.FLOAT32, TestData.uniform(1, size(), -1, 1, r).toArray());
        System.arraycopy(TestData.uniform(1, size(), -1e-3, 1e-3, r).toArray(), 0, params.grads(), 0, size());
        Optimizer optimizer = configured(name);
        try (ThreadTeam threads = ThreadTeam.of(2)) {
            for (int s = 0; s < 3000; s++) {   // until the JIT has compiled the step
                optimizer.step(params, threads);
            }
            AllocationMeter meter = AllocationMeter.allLiveThreads();
            assertNotNull(meter, "this JVM measures thread allocation");
            long before = meter.sample();
            for (int s = 0; s < 100; s++) {
                optimizer.step(params, threads);
            }
            long bytes = meter.sample() - before - meter.overheadPerSample();
            assertTrue(bytes <= 1024, name + ": " + bytes + " bytes allocated by 100 steps");
        }
    }

    private static int size() {
        return ROWS * COLS + COLS;
    }

    private static ParameterBuffer buffer(Precision precision, double[] values) {
        ParameterBuffer.Layout layout = new ParameterBuffer.Layout();
        layout.add("d", "W", ParamKind.WEIGHT, ROWS, COLS);
        layout.add("d", "B", ParamKind.BIAS, 1, COLS);
        ParameterBuffer params = layout.allocate(precision);
        params.setValues(values);
        return params;
    }

    private static Optimizer configured(String name) {
        return OptimizerThreadsTest.configured(name);
    }

    private static OptimizerState roundedState(OptimizerState state) {
        Map<String, double[]> buffers = new LinkedHashMap<>();
        state.buffers().forEach((k, v) -> buffers.put(k, floats(v)));
        return new OptimizerState(state.optimizer(), state.step(), buffers);
    }

    private static double[] floats(double[] values) {
        double[] out = values.clone();
        roundInPlace(out);
        return out;
    }

    private static void roundInPlace(double[] values) {
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) values[k];
        }
    }
}
