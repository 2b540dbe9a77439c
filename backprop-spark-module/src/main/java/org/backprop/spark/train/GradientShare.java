package org.backprop.spark.train;

import java.io.Serializable;

/**
 * What one partition returns for one step: its share of the global batch's mean-loss gradient
 * ({@link org.backprop.train.BlockGradient}) and of the loss, or nothing if it had no rows this step.
 *
 * @param partition the partition index
 * @param rows      rows it used this step (0: {@code gradient} is null)
 * @param loss      its share of the batch's mean loss
 * @param gradient  its share of the batch's mean-loss gradient, one value per parameter
 */
record GradientShare(int partition, int rows, double loss, double[] gradient) implements Serializable {
    private static final long serialVersionUID = 1L;

    static GradientShare empty(int partition) {
        return new GradientShare(partition, 0, 0.0, null);
    }
}
