package org.backprop.spark.train;

import java.util.List;

import org.backprop.spark.TrainedNetwork;

/**
 * What a {@link SparkTrainer} fit produced.
 *
 * @param model       the trained network
 * @param epochLosses mean step loss (training mode) of every finished epoch, as the local trainer's
 *                    {@code EpochRecord.meanBatchLoss}
 * @param steps       optimizer steps done in total (including those before a resume)
 * @param plan        how rows were placed and batched
 * @param stepMillis  wall time of each step (or local-SGD round) run by this call, in ms
 */
public record FitResult(TrainedNetwork model, List<Double> epochLosses, long steps, ShardPlan plan,
                        double[] stepMillis) {

    /** The median of {@link #stepMillis}, or NaN if no step ran. */
    public double medianStepMillis() {
        if (stepMillis.length == 0) {
            return Double.NaN;
        }
        double[] sorted = stepMillis.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
