package org.backprop.spark.train;

import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;
import org.backprop.network.NetworkSpec;
import org.backprop.tensor.Matrix;
import org.backprop.train.BlockGradient;

/**
 * A single-machine, Spark-free reference of the synchronous data-parallel algorithm: rows i mod P
 * per partition, each partition's per-epoch shuffle, every step the partitions' gradient shares
 * added in partition order, then the optimizer. Spark must match it bit for bit for every P.
 */
final class PartitionedReference {
    private PartitionedReference() {
    }

    /** The flat parameters after training; {@code x} and {@code y} are in row-index order. */
    static double[] train(NetworkSpec spec, Optimizer optimizer, Matrix x, Matrix y, int partitions, int batch,
                          int epochs, long seed) {
        ShardPlan plan = new ShardPlan(x.rows(), partitions, batch);
        Matrix[] px = new Matrix[partitions];
        Matrix[] py = new Matrix[partitions];
        for (int p = 0; p < partitions; p++) {
            int[] rows = new int[plan.partitionRows(p)];
            for (int j = 0; j < rows.length; j++) {
                rows[j] = p + j * partitions;
            }
            px[p] = x.selectRows(rows);
            py[p] = y.selectRows(rows);
        }
        try (NeuralNetwork driver = NeuralNetwork.builder(spec).seed(seed).threads(1).build(); NeuralNetwork worker = NeuralNetwork.builder(spec).seed(seed).threads(1).build()) {
            double[] sum = new double[driver.parameters().size()];
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int t = 0; t < plan.stepsPerEpoch(); t++) {
                    boolean first = true;
                    for (int p = 0; p < partitions; p++) {
                        int from = plan.sliceFrom(p, t);
                        int to = plan.sliceTo(p, t);
                        if (from == to) {
                            continue;
                        }
                        int[] pos = ShuffleOrders.slice(seed, true, p, px[p].rows(), epoch, from, to);
                        System.arraycopy(driver.parameters().values(), 0, worker.parameters().values(), 0, sum.length);
                        BlockGradient.compute(worker, px[p].selectRows(pos), py[p].selectRows(pos), plan.batchRows(t));
                        double[] g = worker.parameters().grads();
                        for (int k = 0; k < sum.length; k++) {
                            sum[k] = first ? g[k] : sum[k] + g[k];
                        }
                        first = false;
                    }
                    System.arraycopy(sum, 0, driver.parameters().grads(), 0, sum.length);
                    optimizer.step(driver.parameters());
                }
            }
            return driver.parameters().values().clone();
        }
    }
}
