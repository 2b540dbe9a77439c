package org.backprop.spark.train;

import java.io.Serializable;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.backprop.optim.Sgd;
import org.backprop.spark.data.Block;
import org.backprop.tensor.Matrix;
import org.backprop.train.BlockGradient;

/**
 * The executor side of one local-SGD round ({@link LocalSgd}): from the round's parameters, take
 * plain SGD steps on this partition's slices of global steps [first, first + count), each on the
 * mean loss of the slice alone, and return the resulting parameters.
 */
final class LocalSgdTask implements Function<Block, LocalSgdTask.Result> {
    private static final long serialVersionUID = 2L;
    private final Broadcast<FitStructure> fit;
    private final double[] parameters;
    private final LocalSgd settings;
    private final long first;
    private final int count;

    /**
     * One partition's round.
     *
     * @param partition  the partition
     * @param parameters its parameters after the round
     * @param losses     per step, its share of the step's loss (slice mean × slice rows / batch rows)
     */
    record Result(int partition, double[] parameters, double[] losses) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    LocalSgdTask(Broadcast<FitStructure> fit, double[] parameters, LocalSgd settings, long first, int count) {
        this.fit = fit;
        this.parameters = parameters;
        this.settings = settings;
        this.first = first;
        this.count = count;
    }

    @Override
    public Result call(Block block) {
        FitStructure structure = fit.value();
        ShardPlan plan = structure.plan();
        int p = block.partition();
        Sgd sgd = settings.optimizer();
        double[] losses = new double[count];
        return ExecutorNetworks.withNetwork(structure, parameters, net -> {
            for (int s = 0; s < count; s++) {
                int epoch = (int) ((first + s) / plan.stepsPerEpoch());
                int step = (int) ((first + s) % plan.stepsPerEpoch());
                int from = plan.sliceFrom(p, step);
                int to = plan.sliceTo(p, step);
                if (from == to) {
                    continue;
                }
                int[] positions = ShuffleOrders.slice(structure.seed(), structure.shuffle(), p, block.rows(), epoch, from, to);
                Matrix x = block.inputs(positions);
                double loss = BlockGradient.compute(net, x, block.targets(positions), to - from);
                losses[s] = loss * (to - from) / plan.batchRows(step);
                sgd.step(net.parameters());
            }
            return new Result(p, net.parameters().values().clone(), losses);
        });
    }
}
