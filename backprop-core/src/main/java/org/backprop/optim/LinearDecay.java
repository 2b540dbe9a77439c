package org.backprop.optim;

/**
 * Linear change from 1 to {@code endFactor} over {@code totalSteps} steps, then constant, as
 * PyTorch's {@code LinearLR(start_factor=1, end_factor, total_iters)}:
 * {@code factor = 1 + (endFactor − 1)·min(t, totalSteps) / totalSteps} with t = step − 1. For
 * example, with endFactor 0 and totalSteps 4, steps 1…6 get 1, 0.75, 0.5, 0.25, 0, 0.
 */
public record LinearDecay(long totalSteps, double endFactor) implements LearningRateSchedule {

    public LinearDecay {
        Schedules.atLeastOne("total steps", totalSteps);
        Schedules.factor("end factor", endFactor);
    }

    @Override
    public double factor(long step) {
        long t = Math.min(Schedules.requireStep(step) - 1, totalSteps);
        return 1 + (endFactor - 1) * t / totalSteps;
    }
}
