package org.backprop.optim;

/**
 * A multiplier of the learning rates as a function of the optimizer step (1 for the first step).
 * The effective rate of a parameter is {@code factor(step) × its group's rate}.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The multiplier at {@code step} (1-based). */
    double factor(long step);

    /** Always 1. */
    static LearningRateSchedule constant() {
        return step -> 1.0;
    }
}
