package org.backprop.spark.train;

import java.io.Serializable;

import org.apache.spark.api.java.function.Function;
import org.backprop.loss.RowWeights;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.spark.data.Block;
import org.backprop.tensor.Matrix;

/**
 * The executor side of an evaluation: the loss of the current parameters over every row of the
 * partition, in inference mode (no dropout), weighted when the rows carry weights, as the local
 * trainer's evaluation computes it. A partition of up to {@link #CHUNK} rows is one forward pass, so
 * at P = 1 the value is bit for bit the local one; larger partitions are evaluated in chunks whose
 * losses are combined by their weight (equal up to rounding).
 */
final class EvaluateTask implements Function<Block, EvaluateTask.Result> {
    private static final long serialVersionUID = 1L;
    /** Rows per forward pass. */
    static final int CHUNK = 1 << 16;
    private final NetworkSpec spec;
    private final double[] parameters;

    /**
     * One partition's evaluated loss.
     *
     * @param partition the partition
     * @param mass      its weight (row count when unweighted); 0 for an empty partition
     * @param loss      its (weighted) mean loss, or 0 when it has no weight
     */
    record Result(int partition, double mass, double loss) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    EvaluateTask(NetworkSpec spec, double[] parameters) {
        this.spec = spec;
        this.parameters = parameters;
    }

    @Override
    public Result call(Block block) {
        int p = block.partition();
        if (block.rows() == 0) {
            return new Result(p, 0, 0);
        }
        return ExecutorNetworks.withNetwork(spec, parameters, null, net -> {
            double mass = 0;
            double loss = 0;
            for (int from = 0; from < block.rows(); from += CHUNK) {
                int to = Math.min(block.rows(), from + CHUNK);
                Matrix w = block.weightRange(from, to);
                double chunkMass = w == null ? to - from : RowWeights.sum(w);
                if (chunkMass == 0) {
                    continue;
                }
                double chunkLoss = loss(net, block.inputRange(from, to), block.targetRange(from, to), w);
                loss = mass == 0 ? chunkLoss : (mass * loss + chunkMass * chunkLoss) / (mass + chunkMass);
                mass += chunkMass;
            }
            return new Result(p, mass, loss);
        });
    }

    private static double loss(NeuralNetwork network, Matrix x, Matrix y, Matrix w) {
        return network.loss().forward(network.forward(x, false), y, w);
    }
}
