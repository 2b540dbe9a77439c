package org.backprop.optim;

import static org.backprop.optim.TinyParameters.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.network.ParameterBuffer;
import org.junit.jupiter.api.Test;

/** Schedules at steps 1, 2, 3, … against values worked out by hand. */
class LearningRateScheduleTest {
    private static final double TOLERANCE = 1e-15;
    private static final double COS_QUARTER = (1 + Math.sqrt(0.5)) / 2; // (1 + cos(π/4)) / 2 ≈ 0.8536

    private static double[] firstFactors(LearningRateSchedule schedule, int count) {
        double[] f = new double[count];
        for (int s = 1; s <= count; s++) {
            f[s - 1] = schedule.factor(s);
        }
        return f;
    }

    @Test
    void constant() {
        assertArrayEquals(new double[] {1, 1, 1}, firstFactors(LearningRateSchedule.constant(), 3), 0);
    }

    @Test
    void stepDecayMultipliesByGammaEveryNSteps() {
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25},
                firstFactors(LearningRateSchedule.stepDecay(2, 0.5), 5), TOLERANCE);
    }

    @Test
    void linearGoesFromOneToTheEndFactorThenStays() {
        assertArrayEquals(new double[] {1, 0.75, 0.5, 0.25, 0, 0},
                firstFactors(LearningRateSchedule.linear(4, 0), 6), TOLERANCE);
        assertArrayEquals(new double[] {1, 0.75, 0.5, 0.5},
                firstFactors(LearningRateSchedule.linear(2, 0.5), 4), TOLERANCE);
    }

    @Test
    void exponentialIsGammaToTheCompletedSteps() {
        assertArrayEquals(new double[] {1, 0.9, 0.81, 0.729},
                firstFactors(LearningRateSchedule.exponential(0.9), 4), 1e-15);
    }

    @Test
    void cosineAnnealsToTheMinimumThenStays() {
        assertArrayEquals(new double[] {1, COS_QUARTER, 0.5, 1 - COS_QUARTER, 0, 0},
                firstFactors(LearningRateSchedule.cosine(4, 0), 6), TOLERANCE);
        // min 0.1 over 2 steps: 1, 0.1 + 0.9·0.5 = 0.55, 0.1
        assertArrayEquals(new double[] {1, 0.55, 0.1, 0.1},
                firstFactors(LearningRateSchedule.cosine(2, 0.1), 4), TOLERANCE);
    }

    @Test
    void warmupRisesLinearlyThenHandsOverToTheWrappedSchedule() {
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1, 1},
                firstFactors(LearningRateSchedule.constant().withWarmup(4), 5), TOLERANCE);
        assertArrayEquals(new double[] {0.5, 1, 1, COS_QUARTER, 0.5, 1 - COS_QUARTER, 0, 0},
                firstFactors(LearningRateSchedule.cosine(4, 0).withWarmup(2), 8), TOLERANCE);
        // step decay every 3 of its own steps, which start after the 2 warm-up steps
        assertArrayEquals(new double[] {0.5, 1, 1, 1, 1, 0.1},
                firstFactors(LearningRateSchedule.stepDecay(3, 0.1).withWarmup(2), 6), TOLERANCE);
    }

    @Test
    void perEpochCountsEpochsInsteadOfSteps() {
        // 3 steps per epoch, ×0.1 every 2 epochs: steps 1–6 (epochs 1–2) get 1, steps 7–12 get 0.1
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.01},
                firstFactors(LearningRateSchedule.stepDecay(2, 0.1).perEpoch(3), 13), 1e-16);
        // cosine over 2 epochs of 2 steps, after a 1-step warm-up
        assertArrayEquals(new double[] {1, 1, 1, 0.5, 0.5, 0, 0},
                firstFactors(LearningRateSchedule.cosine(2, 0).perEpoch(2).withWarmup(1), 7), TOLERANCE);
    }

    @Test
    void optimizerMultipliesEachGroupRateByTheFactor() {
        ParameterBuffer params = TinyParameters.create();
        Optimizer sgd = new Sgd(0.1).schedule(LearningRateSchedule.exponential(0.5));
        for (int s = 0; s < 3; s++) {
            step(sgd, params, 1, 0, 0);
        }
        // 1 − 0.1·(1 + 0.5 + 0.25)
        assertArrayEquals(new double[] {0.825, -2, 0.5}, params.values(), TOLERANCE);
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
}
