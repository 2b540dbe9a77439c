package org.backprop.optim;

/**
 * Cosine annealing, Loshchilov &amp; Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts",
 * ICLR 2017, without restarts; PyTorch's {@code CosineAnnealingLR(T_max=totalSteps,
 * eta_min=minFactor × rate)} in closed form, with t = step − 1:
 * <pre>
 * factor = minFactor + (1 − minFactor)·(1 + cos(π·min(t, totalSteps) / totalSteps)) / 2
 * </pre>
 * After {@code totalSteps} the factor stays at {@code minFactor} (PyTorch's would rise again along
 * the cosine). For example, with totalSteps 4 and minFactor 0, steps 1…5 get 1, 0.8536, 0.5,
 * 0.1464, 0.
 */
public record CosineAnnealing(long totalSteps, double minFactor) implements LearningRateSchedule {

    public CosineAnnealing {
        Schedules.atLeastOne("total steps", totalSteps);
        Schedules.factor("min factor", minFactor);
    }

    @Override
    public double factor(long step) {
        long t = Math.min(Schedules.requireStep(step) - 1, totalSteps);
        return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * t / totalSteps)) / 2;
    }
}
