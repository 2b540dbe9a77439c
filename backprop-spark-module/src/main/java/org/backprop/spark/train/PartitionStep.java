package org.backprop.spark.train;

import java.io.Serializable;

import org.backprop.loss.RowWeights;
import org.backprop.random.RandomSource;
import org.backprop.spark.data.Block;
import org.backprop.tensor.Matrix;
import org.backprop.train.BlockGradient;

/**
 * One partition's part of a synchronous step, on a borrowed network that already holds the step's
 * parameters: the partition's slice of the epoch's shuffled order ({@link ShardPlan},
 * {@link ShuffleOrders}), its dropout stream at the step's position ({@link DropoutStreams}), and
 * the slice's share of the global batch's gradient by the core's {@link BlockGradient} (see
 * {@link GradientShare}). Shared by the one-job-per-step task ({@link StepTask}) and the barrier
 * stage ({@link BarrierSteps}), so both compute every share with the same code.
 */
final class PartitionStep implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ShardPlan plan;
    private final long seed;
    private final boolean shuffle;
    private final long dropoutDrawsPerRow;

    /** @param dropoutDrawsPerRow {@link DropoutStreams#drawsPerRow} of the network */
    PartitionStep(ShardPlan plan, long seed, boolean shuffle, long dropoutDrawsPerRow) {
        this.plan = plan;
        this.seed = seed;
        this.shuffle = shuffle;
        this.dropoutDrawsPerRow = dropoutDrawsPerRow;
    }

    ShardPlan plan() {
        return plan;
    }

    /** Refuses a block whose row count is not the plan's (a non-deterministic input). */
    void checkRows(Block block) {
        int p = block.partition();
        if (block.rows() != plan.partitionRows(p)) {
            throw new IllegalStateException("partition " + p + " holds " + block.rows() + " rows, the plan says "
                    + plan.partitionRows(p) + ": the input is not deterministic");
        }
    }

    /**
     * The share of {@code block}'s partition in batch {@code step} of {@code epoch}, computed on the
     * leased network (whose gradient buffer it overwrites); empty if the slice has no rows or no weight.
     */
    GradientShare share(Block block, int epoch, int step, ExecutorNetworks.Lease lease) {
        int p = block.partition();
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
        lease.masks(masks(p, epoch, from));
        var net = lease.network();
        double loss = w == null ? BlockGradient.compute(net, x, y, plan.batchRows(step))
                : BlockGradient.compute(net, x, y, w, mass);
        return new GradientShare(p, to - from, mass, loss, net.parameters().grads().clone());
    }

    /** Partition p's mask stream at this step, or null for a network without dropout. */
    private RandomSource masks(int p, int epoch, int from) {
        if (dropoutDrawsPerRow == 0) {
            return null;
        }
        long rowsBefore = (long) epoch * plan.partitionRows(p) + from;
        return DropoutStreams.at(seed, p, rowsBefore * dropoutDrawsPerRow);
    }
}
