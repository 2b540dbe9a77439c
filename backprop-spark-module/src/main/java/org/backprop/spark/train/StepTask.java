package org.backprop.spark.train;

import org.apache.spark.api.java.function.Function;
import org.backprop.spark.NetworkSpec;
import org.backprop.spark.data.Block;
import org.backprop.tensor.Matrix;
import org.backprop.train.BlockGradient;

/**
 * The executor side of one synchronous step: takes the partition's slice of this epoch's shuffled
 * order, rebuilds (from the per-JVM pool) the network with the step's parameters (carried in this task), and computes
 * the slice's share of the global batch gradient with the core's {@link BlockGradient}.
 */
final class StepTask implements Function<Block, GradientShare> {
    private static final long serialVersionUID = 1L;
    private final NetworkSpec spec;
    private final double[] parameters;
    private final ShardPlan plan;
    private final long seed;
    private final boolean shuffle;
    private final int epoch;
    private final int step;

    /** @param parameters the flat parameters of this step (shipped in the task, not copied here) */
    StepTask(NetworkSpec spec, double[] parameters, ShardPlan plan, long seed, boolean shuffle,
             int epoch, int step) {
        this.spec = spec;
        this.parameters = parameters;
        this.plan = plan;
        this.seed = seed;
        this.shuffle = shuffle;
        this.epoch = epoch;
        this.step = step;
    }

    @Override
    public GradientShare call(Block block) {
        int p = block.partition();
        if (block.rows() != plan.partitionRows(p)) {
            throw new IllegalStateException("partition " + p + " holds " + block.rows() + " rows, the plan says "
                    + plan.partitionRows(p) + ": the input is not deterministic");
        }
        int from = plan.sliceFrom(p, step);
        int to = plan.sliceTo(p, step);
        if (from == to) {
            return GradientShare.empty(p);
        }
        int[] positions = ShuffleOrders.slice(seed, shuffle, p, block.rows(), epoch, from, to);
        Matrix x = block.inputs(positions);
        Matrix y = block.targets(positions);
        int batchRows = plan.batchRows(step);
        return ExecutorNetworks.withNetwork(spec, parameters, net -> {
            double loss = BlockGradient.compute(net, x, y, batchRows);
            return new GradientShare(p, to - from, loss, net.parameters().grads().clone());
        });
    }
}
