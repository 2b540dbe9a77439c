package org.backprop.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.network.ParamKind;
import org.backprop.network.ParameterBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Save after N steps, restore into a fresh optimizer, continue M steps: bit-identical parameters. */
class OptimizerStateTest {
    private static final int BEFORE_SAVE = 7;
    private static final int AFTER_SAVE = 5;

    static Iterable<String> names() {
        return Optimizers.names();
    }

    /** The same configuration every time: groups, step-dependent schedule, clipping, L1 and L2. */
    private static Optimizer configured(String name) {
        return Optimizers.create(name, LearningRates.of(0.05).with(ParamKind.BIAS, 0.02))
                .schedule(LearningRateSchedule.cosine(20, 0.1).withWarmup(3))
                .clipByNorm(2.0)
                .weightDecay(1e-3)
                .l1(1e-4);
    }

    /** A deterministic gradient depending on the step and the current weights. */
    private static void gradientAt(ParameterBuffer params, int t) {
        double[] w = params.values();
        double[] g = params.grads();
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.sin(1.3 * t + i) * (1 + i) + 0.5 * w[i];
        }
    }

    private static void train(Optimizer optimizer, ParameterBuffer params, int fromStep, int steps) {
        for (int t = fromStep; t < fromStep + steps; t++) {
            gradientAt(params, t);
            optimizer.step(params);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void restoredOptimizerContinuesBitIdentically(String name) {
        ParameterBuffer params = TinyParameters.create();
        Optimizer original = configured(name);
        train(original, params, 1, BEFORE_SAVE);
        OptimizerState saved = original.state();
        double[] savedValues = params.values().clone();

        train(original, params, BEFORE_SAVE + 1, AFTER_SAVE);

        ParameterBuffer resumedParams = TinyParameters.create(savedValues);
        Optimizer resumed = configured(name);
        resumed.restore(saved);
        assertEquals(BEFORE_SAVE, resumed.steps());
        train(resumed, resumedParams, BEFORE_SAVE + 1, AFTER_SAVE);

        assertArrayEquals(params.values(), resumedParams.values(), name);
        assertTrue(original.state().sameAs(resumed.state()), name);
        assertFalse(java.util.Arrays.equals(savedValues, params.values()), "training moved the parameters");
    }

    /** A serialized copy (as a cluster's task receives it) continues bit for bit, configuration included. */
    @ParameterizedTest
    @MethodSource("names")
    void serializedOptimizerContinuesBitIdentically(String name) throws Exception {
        ParameterBuffer params = TinyParameters.create();
        Optimizer original = configured(name);
        train(original, params, 1, BEFORE_SAVE);
        double[] savedValues = params.values().clone();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Optimizer copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Optimizer) in.readObject();
        }
        train(original, params, BEFORE_SAVE + 1, AFTER_SAVE);
        ParameterBuffer copiedParams = TinyParameters.create(savedValues);
        train(copy, copiedParams, BEFORE_SAVE + 1, AFTER_SAVE);

        assertArrayEquals(params.values(), copiedParams.values(), name);
        assertTrue(original.state().sameAs(copy.state()), name);
        assertEquals(original.toString(), copy.toString());
    }

    @Test
    void stateIsACopy() {
        ParameterBuffer params = TinyParameters.create();
        Optimizer adam = configured("adam");
        train(adam, params, 1, 2);
        OptimizerState saved = adam.state();
        double[] firstMoment = saved.buffers().get(Adam.FIRST_MOMENT).clone();
        train(adam, params, 3, 2);
        assertArrayEquals(firstMoment, saved.buffers().get(Adam.FIRST_MOMENT));
        assertEquals(2, saved.step());
    }

    @Test
    void stateOfAnotherKindIsRefused() {
        ParameterBuffer params = TinyParameters.create();
        Optimizer adam = configured("adam");
        train(adam, params, 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> configured("adamw").restore(adam.state()));
        assertEquals("cannot restore a 'adam' optimizer state into a 'adamw' optimizer", e.getMessage());

        Optimizer momentum = configured("momentum");
        train(momentum, params, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> configured("nesterov").restore(momentum.state()));
        assertThrows(IllegalArgumentException.class, () -> configured("sgd").restore(momentum.state()));
    }

    @Test
    void stateWithWrongBuffersIsRefused() {
        OptimizerState forged = new OptimizerState("adam", 3, java.util.Map.of("velocity", new double[3]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.1).restore(forged));
        assertTrue(e.getMessage().contains("firstMoment"), e.getMessage());
    }

    @Test
    void restoredStateOfAnotherSizeIsRefusedAtTheNextStep() {
        ParameterBuffer params = TinyParameters.create();
        Optimizer adam = configured("adam");
        train(adam, params, 1, 1);
        ParameterBuffer.Layout bigger = new ParameterBuffer.Layout();
        bigger.add("d", "W", ParamKind.WEIGHT, 2, 2);
        Optimizer resumed = configured("adam");
        resumed.restore(adam.state());
        assertThrows(IllegalStateException.class, () -> resumed.step(bigger.allocate()));
    }
}
