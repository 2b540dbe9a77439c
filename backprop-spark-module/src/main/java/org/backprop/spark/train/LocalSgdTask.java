package org.backprop.spark.train;

import java.io.Serializable;

import org.apache.spark.api.java.function.Function;
import org.backprop.optim.Sgd;
import org.backprop.network.NetworkSpec;
import org.backprop.spark.data.Block;
import org.backprop.tensor.Matrix;
import org.backprop.train.BlockGradient;

/**
 * The executor side of one local-SGD round ({@link LocalSgd}): from the round's parameters, take
 * plain SGD steps on this partition's slices of global steps [first, first + count), each on the
 * mean loss of the slice alone, and return the resulting parameters.
 */
final class LocalSgdTask implements Function<Block, LocalSgdTask.Result> {
    private static final long serialVersionUID = 1L;
    private final NetworkSpec spec;
    private final double[] parameters;
    private final ShardPlan plan;
    private final long seed;
    private final boolean shuffle;
    private final LocalSgd settings;
    private final long first;
    private final int count;
    private final long dropoutDrawsPerRow;

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

    LocalSgdTask(NetworkSpec spec, double[] parameters, ShardPlan plan, long seed, boolean shuffle,
                 LocalSgd settings, long first, int count, long dropoutDrawsPerRow) {
        this.spec = spec;
        this.parameters = parameters;
        this.plan = plan;
        this.seed = seed;
        this.shuffle = shuffle;
        this.settings = settings;
        this.first = first;
        this.count = count;
        this.dropoutDrawsPerRow = dropoutDrawsPerRow;
    }

    @Override
    public Result call(Block block) {
        int p = block.partition();
        Sgd sgd = settings.optimizer();
        double[] losses = new double[count];
        int firstEpoch = (int) (first / plan.stepsPerEpoch());
        long rowsBefore = (long) firstEpoch * plan.partitionRows(p)
                + plan.sliceFrom(p, (int) (first % plan.stepsPerEpoch()));
        return ExecutorNetworks.withNetwork(spec, parameters, dropoutDrawsPerRow == 0 ? null
                : DropoutStreams.at(seed, p, rowsBefore * dropoutDrawsPerRow), net -> {
            for (int s = 0; s < count; s++) {
                int epoch = (int) ((first + s) / plan.stepsPerEpoch());
                int step = (int) ((first + s) % plan.stepsPerEpoch());
                int from = plan.sliceFrom(p, step);
                int to = plan.sliceTo(p, step);
                if (from == to) {
                    continue;
                }
                int[] positions = ShuffleOrders.slice(seed, shuffle, p, block.rows(), epoch, from, to);
                Matrix x = block.inputs(positions);
                double loss = BlockGradient.compute(net, x, block.targets(positions), to - from);
                losses[s] = loss * (to - from) / plan.batchRows(step);
                sgd.step(net.parameters());
            }
            return new Result(p, net.parameters().values().clone(), losses);
        });
    }
}
