package org.backprop.optim;

import java.util.Objects;

/**
 * A schedule counted in epochs: every step of epoch e (1-based) gets {@code schedule.factor(e)},
 * where {@code e = ⌊(step − 1) / stepsPerEpoch⌋ + 1}; as calling PyTorch's {@code scheduler.step()}
 * once per epoch. For example, {@code stepDecay(2, 0.1).perEpoch(100)} uses 1 for steps 1–200,
 * 0.1 for steps 201–400, …
 */
public record PerEpoch(long stepsPerEpoch, LearningRateSchedule schedule) implements LearningRateSchedule {

    public PerEpoch {
        Schedules.atLeastOne("steps per epoch", stepsPerEpoch);
        Objects.requireNonNull(schedule, "schedule");
    }

    /** The 1-based epoch that {@code step} belongs to. */
    public long epochOf(long step) {
        return (Schedules.requireStep(step) - 1) / stepsPerEpoch + 1;
    }

    @Override
    public double factor(long step) {
        return schedule.factor(epochOf(step));
    }
}
