package org.backprop.optim;

/** Argument checks shared by the learning-rate schedules. */
final class Schedules {
    private Schedules() {
    }

    /** {@code value} if ≥ 1. */
    static long atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be ≥ 1, got " + value);
        }
        return value;
    }

    /** {@code value} if finite and ≥ 0. */
    static double factor(String name, double value) {
        return Hyperparameters.nonNegative(name, value);
    }

    /** {@code step} if ≥ 1, else an exception: steps are 1-based. */
    static long requireStep(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("steps are counted from 1, got " + step);
        }
        return step;
    }
}
