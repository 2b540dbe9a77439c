package org.backprop.optim;

/**
 * Exponential decay, as PyTorch's {@code ExponentialLR(gamma)}: {@code factor = γ^t} with
 * t = step − 1, so steps 1, 2, 3 get 1, γ, γ².
 */
public record ExponentialDecay(double gamma) implements LearningRateSchedule {

    public ExponentialDecay {
        Schedules.factor("gamma", gamma);
    }

    @Override
    public double factor(long step) {
        return Math.pow(gamma, Schedules.requireStep(step) - 1);
    }
}
