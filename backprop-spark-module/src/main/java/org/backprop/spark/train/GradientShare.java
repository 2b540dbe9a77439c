package org.backprop.spark.train;

import java.io.Serializable;

/**
 * What one partition returns for one step: its share of the global batch's gradient and loss, or
 * nothing if it had no rows (or, weighted, no weight) this step.
 *
 * <ul>
 *   <li>Unweighted, the share is already the partition's term (n<sub>p</sub>/N)·dL<sub>p</sub>/dθ of
 *       the batch's mean loss ({@link org.backprop.train.BlockGradient}).</li>
 *   <li>Weighted, the share is the gradient of the slice's own weighted mean loss, and {@code mass}
 *       its weight W<sub>p</sub> = Σw: the driver scales it by W<sub>p</sub>/W once it knows the
 *       global batch's weight W ({@link OrderedSum}), as no partition knows W beforehand.</li>
 * </ul>
 *
 * @param partition the partition index
 * @param rows      rows it used this step (0: {@code gradient} is null)
 * @param mass      the slice's weight Σw (its row count when unweighted)
 * @param loss      its share of the batch's loss (weighted: its own weighted mean loss)
 * @param gradient  its share of the gradient, one value per parameter
 */
record GradientShare(int partition, int rows, double mass, double loss, double[] gradient) implements Serializable {
    private static final long serialVersionUID = 1L;

    static GradientShare empty(int partition) {
        return new GradientShare(partition, 0, 0.0, 0.0, null);
    }
}
