package org.backprop.spark.train;

import org.apache.spark.api.java.function.Function;
import org.backprop.loss.RowWeights;
import org.backprop.network.NetworkSpec;
import org.backprop.random.RandomSource;
import org.backprop.spark.data.Block;
import org.backprop.tensor.Matrix;
import org.backprop.train.BlockGradient;

/**
 * The executor side of one synchronous step: takes the partition's slice of this epoch's shuffled
 * order, rebuilds (from the per-JVM pool) the network of the core {@link NetworkSpec} with the
 * step's parameters (carried in this task), points its dropout layers at the partition's mask
 * stream at this step's position ({@link DropoutStreams}), and computes the slice's share of the
 * global batch gradient with the core's {@link BlockGradient} (see {@link GradientShare}).
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
    private final long dropoutDrawsPerRow;

    /**
     * @param parameters         the flat parameters of this step (shipped in the task, not copied here)
     * @param dropoutDrawsPerRow {@link DropoutStreams#drawsPerRow} of {@code spec}
     */
    StepTask(NetworkSpec spec, double[] parameters, ShardPlan plan, long seed, boolean shuffle,
             int epoch, int step, long dropoutDrawsPerRow) {
        this.spec = spec;
        this.parameters = parameters;
        this.plan = plan;
        this.seed = seed;
        this.shuffle = shuffle;
        this.epoch = epoch;
        this.step = step;
        this.dropoutDrawsPerRow = dropoutDrawsPerRow;
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
        Matrix w = block.weights(positions);
        double mass = w == null ? to - from : RowWeights.sum(w);
        if (mass == 0) {
            return GradientShare.empty(p);
        }
        int batchRows = plan.batchRows(step);
        return ExecutorNetworks.withNetwork(spec, parameters, masks(p, from), net -> {
            double loss = w == null ? BlockGradient.compute(net, x, y, batchRows)
                    : BlockGradient.compute(net, x, y, w, mass);
            return new GradientShare(p, to - from, mass, loss, net.parameters().grads().clone());
        });
    }

    /** Partition p's mask stream at this step, or null for a network without dropout. */
    private RandomSource masks(int p, int from) {
        if (dropoutDrawsPerRow == 0) {
            return null;
        }
        long rowsBefore = (long) epoch * plan.partitionRows(p) + from;
        return DropoutStreams.at(seed, p, rowsBefore * dropoutDrawsPerRow);
    }
}
