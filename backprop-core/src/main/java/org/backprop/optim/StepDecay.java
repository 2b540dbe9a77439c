package org.backprop.optim;

/**
 * Step decay, as PyTorch's {@code StepLR(step_size, gamma)}: the factor is multiplied by γ every
 * {@code stepSize} steps, {@code factor = γ^⌊t / stepSize⌋} with t = step − 1. For example, with
 * stepSize 2 and γ 0.5, steps 1, 2, 3, 4, 5 get 1, 1, 0.5, 0.5, 0.25. PyTorch's default γ is 0.1.
 */
public record StepDecay(long stepSize, double gamma) implements LearningRateSchedule {

    public StepDecay {
        Schedules.atLeastOne("step size", stepSize);
        Schedules.factor("gamma", gamma);
    }

    @Override
    public double factor(long step) {
        return Math.pow(gamma, (Schedules.requireStep(step) - 1) / stepSize);
    }
}
