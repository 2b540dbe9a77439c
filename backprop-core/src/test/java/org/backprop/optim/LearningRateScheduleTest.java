package org.backprop.optim;

import static org.backprop.golden.MiniJson.asArray;
import static org.backprop.golden.MiniJson.asDoubles;
import static org.backprop.golden.MiniJson.asObject;
import static org.backprop.optim.TinyParameters.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.backprop.golden.GoldenFile;
import org.backprop.golden.MiniJson;
import org.backprop.network.ParameterBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Schedules against {@code torch.optim.lr_scheduler}: golden file {@code golden/schedules_torch.json},
 * written by {@code src/test/python/schedule_golden.py} (the factor of every step of a torch
 * optimizer with base rate 1, its scheduler stepped after every step or every epoch), to
 * {@value #RELATIVE_TOLERANCE} relative; plus what the library adds: schedules stay at their end
 * factor, and compose.
 */
class LearningRateScheduleTest {
    private static final double RELATIVE_TOLERANCE = 1e-14;

    private static double[] firstFactors(LearningRateSchedule schedule, int count) {
        double[] f = new double[count];
        for (int s = 1; s <= count; s++) {
            f[s - 1] = schedule.factor(s);
        }
        return f;
    }

    @TestFactory
    Stream<DynamicTest> factorsMatchTorch() {
        List<Object> cases = asArray(asObject(GoldenFile.json("schedules_torch.json")).get("cases"));
        assertEquals(11, cases.size(), "every case of the golden file");
        return cases.stream().map(MiniJson::asObject).map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            double[] expected = asDoubles(c.get("factors"));
            double[] actual = firstFactors(schedule(asObject(c.get("schedule"))), expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertTrue(Math.abs(actual[i] - expected[i]) <= RELATIVE_TOLERANCE * Math.abs(expected[i]),
                        c.get("name") + " step " + (i + 1) + ": backprop " + actual[i] + ", torch " + expected[i]);
            }
        }));
    }

    /** The library's schedule for a golden case: kind and its arguments, then perEpoch, then withWarmup. */
    private static LearningRateSchedule schedule(Map<String, Object> spec) {
        String kind = (String) spec.get("kind");
        LearningRateSchedule s = switch (kind) {
            case "constant" -> LearningRateSchedule.constant();
            case "stepDecay" -> LearningRateSchedule.stepDecay(whole(spec, "steps"), (Double) spec.get("gamma"));
            case "linear" -> LearningRateSchedule.linear(whole(spec, "steps"), (Double) spec.get("end"));
            case "exponential" -> LearningRateSchedule.exponential((Double) spec.get("gamma"));
            case "cosine" -> LearningRateSchedule.cosine(whole(spec, "steps"), (Double) spec.get("min"));
            default -> throw new IllegalArgumentException("golden schedule of unknown kind " + kind);
        };
        if (spec.containsKey("per_epoch")) {
            s = s.perEpoch(whole(spec, "per_epoch"));
        }
        return spec.containsKey("warmup") ? s.withWarmup(whole(spec, "warmup")) : s;
    }

    @Test
    void constantIsOne() {
        assertArrayEquals(new double[] {1, 1, 1}, firstFactors(LearningRateSchedule.constant(), 3), 0);
    }

    @Test
    void linearAndCosineStayAtTheirEndFactor() {
        // PyTorch's CosineAnnealingLR rises again after T_max; the library's schedules end where they end
        for (LearningRateSchedule s : List.of(LearningRateSchedule.cosine(4, 0.1), LearningRateSchedule.linear(4, 0.1))) {
            double[] f = firstFactors(s, 12);
            for (int i = 5; i < f.length; i++) {
                assertEquals(f[4], f[i], 0, s + " step " + (i + 1));
            }
            assertEquals(0.1, f[4], 1e-15);
        }
    }

    @Test
    void warmUpHandsOverToThePerEpochScheduleFromItsFirstStep() {
        LearningRateSchedule inner = LearningRateSchedule.cosine(2, 0).perEpoch(2);
        double[] composed = firstFactors(inner.withWarmup(1), 7);
        assertEquals(1, composed[0], 0, "a 1-step warm-up ends at factor 1");
        for (int t = 2; t <= 7; t++) {
            assertEquals(inner.factor(t - 1), composed[t - 1], 0, "step " + t);
        }
    }

    @Test
    void optimizerMultipliesEachGroupRateByTheFactor() {
        ParameterBuffer params = TinyParameters.create();
        LearningRateSchedule schedule = LearningRateSchedule.exponential(0.5);
        Optimizer sgd = new Sgd(0.1).schedule(schedule);
        double expected = TinyParameters.INITIAL[0];
        for (int s = 1; s <= 3; s++) {
            step(sgd, params, 1, 0, 0);
            expected -= 0.1 * schedule.factor(s) * 1;
        }
        assertEquals(expected, params.values()[0], 0);
        assertArrayEquals(new double[] {TinyParameters.INITIAL[1], TinyParameters.INITIAL[2]},
                new double[] {params.values()[1], params.values()[2]}, 0, "zero gradients move nothing");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(10, -0.1));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(0.9).factor(0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant().perEpoch(0));
        ParameterBuffer params = TinyParameters.create();
        Optimizer negative = new Sgd(0.1).schedule(s -> -1);
        assertThrows(IllegalStateException.class, () -> step(negative, params, 0, 0, 0));
    }

    private static long whole(Map<String, Object> spec, String key) {
        return ((Double) spec.get(key)).longValue();
    }
}
