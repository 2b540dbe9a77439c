package org.backprop.optim;

/**
 * A multiplier of the learning rates as a function of the optimizer step (1 for the first step).
 * The effective rate of a parameter is {@code factor(step) × its group's rate}.
 *
 * <p>The built-in schedules follow PyTorch's {@code torch.optim.lr_scheduler} with
 * {@code scheduler.step()} called after every {@code optimizer.step()}: they are written in terms
 * of t = step − 1, the number of steps already taken, so the first step uses the factor at t = 0
 * (1 for all of them). {@link #perEpoch} turns any schedule into one that changes once per epoch
 * (PyTorch's {@code scheduler.step()} once per epoch); {@link #withWarmup} prepends a linear
 * warm-up. Schedules are stateless: the optimizer's saved step count is enough to resume them.
 *
 * <pre>{@code
 * LearningRateSchedule.cosine(10_000, 0.01).withWarmup(500)      // per step
 * LearningRateSchedule.stepDecay(30, 0.1).perEpoch(stepsPerEpoch) // ×0.1 every 30 epochs
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule extends java.io.Serializable {

    /** The multiplier at {@code step} (1-based). */
    double factor(long step);

    /** Always 1. */
    static LearningRateSchedule constant() {
        return step -> 1.0;
    }

    /** {@code gamma^⌊t / stepSize⌋}; see {@link StepDecay}. */
    static LearningRateSchedule stepDecay(long stepSize, double gamma) {
        return new StepDecay(stepSize, gamma);
    }

    /** From 1 to {@code endFactor} linearly over {@code totalSteps}, then constant; see {@link LinearDecay}. */
    static LearningRateSchedule linear(long totalSteps, double endFactor) {
        return new LinearDecay(totalSteps, endFactor);
    }

    /** {@code gamma^t}; see {@link ExponentialDecay}. */
    static LearningRateSchedule exponential(double gamma) {
        return new ExponentialDecay(gamma);
    }

    /** Half a cosine from 1 to {@code minFactor} over {@code totalSteps}, then constant; see {@link CosineAnnealing}. */
    static LearningRateSchedule cosine(long totalSteps, double minFactor) {
        return new CosineAnnealing(totalSteps, minFactor);
    }

    /** A linear warm-up over {@code warmupSteps}, then this schedule from its first step; see {@link LinearWarmup}. */
    default LearningRateSchedule withWarmup(long warmupSteps) {
        return new LinearWarmup(warmupSteps, this);
    }

    /** This schedule counted in epochs of {@code stepsPerEpoch} steps; see {@link PerEpoch}. */
    default LearningRateSchedule perEpoch(long stepsPerEpoch) {
        return new PerEpoch(stepsPerEpoch, this);
    }
}
