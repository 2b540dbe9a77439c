package org.backprop.spark.train;

import java.io.Serializable;

import org.apache.spark.api.java.function.Function;
import org.backprop.loss.RowWeights;
import org.backprop.network.NetworkSpec;
import org.backprop.spark.data.Block;
import org.backprop.tensor.Matrix;

/**
 * The executor side of an evaluation: the loss of the current parameters over every row of the
 * partition, in inference mode (no dropout), weighted when the rows carry weights, as the local
 * trainer's evaluation computes it: the outputs {@link #CHUNK} rows at a time (rows are
 * independent, so the outputs equal one pass over all rows), then the loss over all rows at once,
 * so at P = 1 the value is bit for bit the local one.
 */
final class EvaluateTask implements Function<Block, EvaluateTask.Result> {
    private static final long serialVersionUID = 1L;
    /** Rows per forward pass, as the local evaluator's chunks. */
    static final int CHUNK = 1024;
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
        int rows = block.rows();
        Matrix w = rows == 0 ? null : block.weightRange(0, rows);
        double mass = w == null ? rows : RowWeights.sum(w);
        if (mass == 0) {
            return new Result(p, 0, 0);
        }
        return ExecutorNetworks.withNetwork(spec, parameters, null, net -> {
            Matrix outputs = Matrix.zeros(rows, net.outputs());
            for (int from = 0; from < rows; from += CHUNK) {
                int to = Math.min(rows, from + CHUNK);
                Matrix chunk = net.forward(block.inputRange(from, to), false);
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < outputs.cols(); j++) {
                        outputs.set(i, j, chunk.get(i - from, j));
                    }
                }
            }
            return new Result(p, mass, net.loss().forward(outputs, block.targetRange(0, rows), w));
        });
    }
}
