package org.backprop.optim;

import java.util.Objects;

/**
 * Linear warm-up (Goyal et al., "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour",
 * 2017) in front of any schedule: during the first {@code warmupSteps} steps the factor rises
 * linearly to the wrapped schedule's first factor, then the wrapped schedule runs from its own
 * step 1, as PyTorch's {@code SequentialLR([LinearLR(...), then], milestones=[W])}:
 * <pre>
 * factor(s) = (s / W)·then.factor(1)   for s ≤ W
 * factor(s) = then.factor(s − W)       for s &gt; W
 * </pre>
 * For example, W = 4 before a constant schedule gives 0.25, 0.5, 0.75, 1, 1, …; the first step
 * never has factor 0.
 */
public record LinearWarmup(long warmupSteps, LearningRateSchedule then) implements LearningRateSchedule {

    public LinearWarmup {
        Schedules.atLeastOne("warm-up steps", warmupSteps);
        Objects.requireNonNull(then, "then");
    }

    @Override
    public double factor(long step) {
        if (Schedules.requireStep(step) <= warmupSteps) {
            return (double) step / warmupSteps * then.factor(1);
        }
        return then.factor(step - warmupSteps);
    }
}
