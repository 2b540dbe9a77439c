package org.backprop.spark.train;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.spark.data.Block;
import org.backprop.train.EpochEvaluator;
import org.backprop.train.EpochRecord;
import org.backprop.train.TrainerConfig;

/**
 * The distributed {@link EpochEvaluator}: one job over the training blocks and one over the
 * validation blocks (if any), each partition's loss of the driver's current parameters
 * ({@link EvaluateTask}), combined in partition order by weight; a single non-empty partition's loss
 * is taken as it is, so P = 1 gives the local trainer's evaluated losses bit for bit. The training
 * blocks are evaluated when the local trainer's evaluator would evaluate its training rows
 * ({@link TrainerConfig#evaluateTrainingSet()}, early stopping without validation rows, the last epoch).
 */
final class SparkEvaluator implements EpochEvaluator {
    private final NetworkSpec spec;
    private final NeuralNetwork network;
    private final JavaRDD<Block> training;
    private final JavaRDD<Block> validation;
    private final boolean trainingSetEveryTime;
    private final int lastEpoch;

    /** @param validation the validation blocks, or null for none */
    SparkEvaluator(NetworkSpec spec, NeuralNetwork network, JavaRDD<Block> training, JavaRDD<Block> validation,
                   TrainerConfig config) {
        this.spec = spec;
        this.network = network;
        this.training = training;
        this.validation = validation;
        this.trainingSetEveryTime = config.evaluateTrainingSet() || (config.earlyStopping() && validation == null);
        this.lastEpoch = config.epochs() - 1;
    }

    @Override
    public EpochRecord evaluate(int epoch, double meanBatchLoss) {
        double train = trainingSetEveryTime || epoch == lastEpoch ? loss(training) : Double.NaN;
        double held = validation == null ? Double.NaN : loss(validation);
        return new EpochRecord(epoch, meanBatchLoss, train, held);
    }

    private double loss(JavaRDD<Block> blocks) {
        List<EvaluateTask.Result> results = blocks.map(new EvaluateTask(spec, network.parameters().values().clone()))
                .collect();
        double mass = 0;
        for (EvaluateTask.Result r : results) {
            mass += r.mass();
        }
        double loss = 0;
        boolean first = true;
        for (EvaluateTask.Result r : results) {
            if (r.mass() == 0) {
                continue;
            }
            double share = r.mass() == mass ? r.loss() : r.mass() / mass * r.loss();
            loss = first ? share : loss + share;
            first = false;
        }
        return loss;
    }
}
