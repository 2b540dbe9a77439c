package org.backprop.train;

import java.io.Serializable;

/**
 * The bounds within which a training step taken away from its {@link TrainingRun} (e.g. in a
 * cluster's tasks) is one the run's divergence checks would pass exactly as they pass it there;
 * see {@link TrainingRun#stepLimits()}.
 *
 * @param lossCeiling the largest batch loss that does not count towards the sustained-growth rule
 * @param weightBound the largest parameter magnitude accepted after the update
 */
public record StepLimits(double lossCeiling, double weightBound) implements Serializable {

    /** True if {@code loss} is within the ceiling (false for NaN). */
    public boolean lossWithin(double loss) {
        return loss <= lossCeiling;
    }

    /** True if every value of {@code parameters} is within the weight bound (false for NaN). */
    public boolean parametersWithin(double[] parameters) {
        for (double v : parameters) {
            if (!(Math.abs(v) <= weightBound)) {
                return false;
            }
        }
        return true;
    }
}
