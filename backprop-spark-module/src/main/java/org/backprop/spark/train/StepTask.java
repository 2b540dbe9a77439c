package org.backprop.spark.train;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.backprop.spark.data.Block;
import org.backprop.tensor.Matrix;
import org.backprop.train.BlockGradient;

/**
 * The executor side of one synchronous step: takes the partition's slice of this epoch's shuffled
 * order, borrows (from the per-JVM cache of the fit) a network, sets the step's parameters (carried in
 * this task as one primitive array) and computes the slice's share of the global batch gradient with the
 * core's {@link BlockGradient}. Everything else the step needs was broadcast once per fit ({@link FitStructure}).
 */
final class StepTask implements Function<Block, GradientShare> {
    private static final long serialVersionUID = 2L;
    private final Broadcast<FitStructure> fit;
    private final double[] parameters;
    private final int epoch;
    private final int step;

    /** @param parameters the flat parameters of this step (shipped in the task, not copied here) */
    StepTask(Broadcast<FitStructure> fit, double[] parameters, int epoch, int step) {
        this.fit = fit;
        this.parameters = parameters;
        this.epoch = epoch;
        this.step = step;
    }

    @Override
    public GradientShare call(Block block) {
        FitStructure structure = fit.value();
        ShardPlan plan = structure.plan();
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
        int[] positions = ShuffleOrders.slice(structure.seed(), structure.shuffle(), p, block.rows(), epoch, from, to);
        Matrix x = block.inputs(positions);
        Matrix y = block.targets(positions);
        int batchRows = plan.batchRows(step);
        return ExecutorNetworks.withNetwork(structure, parameters, net -> {
            double loss = BlockGradient.compute(net, x, y, batchRows);
            return new GradientShare(p, to - from, loss, net.parameters().grads().clone());
        });
    }
}
