package org.backprop.spark.train;

import java.io.Serializable;

import org.backprop.spark.NetworkSpec;

/**
 * What every step of one fit shares: broadcast to the executors once per fit, so a step's task carries only the
 * broadcast's handle, the parameters (one {@code double[]}) and the step's position.
 *
 * @param fitId   a random id of this fit, the key of the executors' network cache ({@link ExecutorNetworks})
 * @param spec    the architecture
 * @param plan    which rows each partition contributes to each step
 * @param seed    the root seed (the partitions' shuffle streams)
 * @param shuffle false keeps every partition's identity order
 */
record FitStructure(String fitId, NetworkSpec spec, ShardPlan plan, long seed, boolean shuffle)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
