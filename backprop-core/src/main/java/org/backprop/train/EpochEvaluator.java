package org.backprop.train;

/**
 * Evaluates the network's current parameters at the end of an epoch: the full training loss, the
 * validation loss and any extra metrics, in inference mode. The local {@link Trainer} evaluates
 * matrices in memory; a distributed trainer evaluates its partitions and adds their shares.
 */
@FunctionalInterface
public interface EpochEvaluator {

    /**
     * The record of epoch {@code epoch} (0-based) whose batch losses averaged {@code meanBatchLoss},
     * with the evaluated losses filled in.
     */
    EpochRecord evaluate(int epoch, double meanBatchLoss);
}
