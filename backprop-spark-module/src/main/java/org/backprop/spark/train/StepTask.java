package org.backprop.spark.train;

import org.apache.spark.api.java.function.Function;
import org.backprop.network.NetworkSpec;
import org.backprop.spark.data.Block;

/**
 * The executor side of one synchronous step run as its own Spark job: borrows (from the per-JVM
 * pool) a network of the core {@link NetworkSpec}, sets the step's parameters (carried in this
 * task) and computes the partition's share of the global batch gradient ({@link PartitionStep}).
 */
final class StepTask implements Function<Block, GradientShare> {
    private static final long serialVersionUID = 1L;
    private final NetworkSpec spec;
    private final double[] parameters;
    private final PartitionStep work;
    private final int epoch;
    private final int step;

    /** @param parameters the flat parameters of this step (shipped in the task, not copied here) */
    StepTask(NetworkSpec spec, double[] parameters, PartitionStep work, int epoch, int step) {
        this.spec = spec;
        this.parameters = parameters;
        this.work = work;
        this.epoch = epoch;
        this.step = step;
    }

    @Override
    public GradientShare call(Block block) {
        work.checkRows(block);
        try (ExecutorNetworks.Lease lease = ExecutorNetworks.borrow(spec)) {
            lease.network().parameters().setValues(parameters);
            return work.share(block, epoch, step, lease);
        }
    }
}
