package org.backprop.spark.train;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;
import org.backprop.spark.NetworkSpec;
import org.backprop.spark.TrainedNetwork;
import org.backprop.spark.data.Block;
import org.backprop.spark.data.DataPacker;
import org.backprop.spark.data.PackedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous data-parallel training on Spark that gives the same model as one machine.
 *
 * <p>Each step is one Spark job whose task carries the flat parameter vector (Spark broadcasts a
 * stage's serialized tasks once, so no broadcast of our own is made or destroyed); each of the P partitions computes,
 * with the core's {@link org.backprop.train.BlockGradient}, its share of the global batch's
 * mean-loss gradient from its slice of the batch ({@link ShardPlan}, {@link ShuffleOrders}); the
 * driver collects the P shares (in partition order), adds them in that order, checks them for
 * NaN/Inf, and applies the caller's {@link Optimizer} — the same object and code the local
 * {@link org.backprop.train.Trainer} uses. Optimizer state lives only on the driver. With P = 1 the
 * result is bit for bit the local trainer's for the same seed; with P &gt; 1 it differs from it only by
 * the batch composition (each partition shuffles its own rows) and rounding.
 *
 * <p>Rows are packed once per fit into cached primitive blocks; no Spark SQL runs per step. Spark
 * costs roughly 10–60 ms per step whatever the batch, so use it for large global batches.
 */
public final class SparkTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private SparkTrainer() {
    }

    /**
     * Trains a network of architecture {@code spec} on {@code data}.
     *
     * @param optimizer the optimizer (driver-side; a fresh instance, or one restored by resume)
     * @throws IllegalArgumentException                     on bad columns or cells, before any training
     * @throws org.backprop.train.TrainingDivergedException if a loss, gradient or parameter becomes
     *                                                      non-finite (no checkpoint is written then)
     */
    public static FitResult fit(Dataset<Row> data, NetworkSpec spec, Optimizer optimizer, SparkTrainConfig config) {
        try (PackedData packed = DataPacker.pack(data, config.columns(), spec.inputs(), spec.outputs(),
                config.partitions(), config.standardize(), config.standardizeTarget())) {
            return fit(packed, spec, optimizer, config);
        }
    }

    /**
     * Trains on rows already packed into {@code config.partitions()} cached blocks (e.g. by
     * {@link DataPacker#packEncoded}); the config's column names and scaling options are not used.
     * The caller owns (and closes) {@code packed}.
     */
    public static FitResult fit(PackedData packed, NetworkSpec spec, Optimizer optimizer, SparkTrainConfig config) {
        try (NeuralNetwork network = spec.build(config.seed(), 1)) {
            ShardPlan plan = new ShardPlan(packed.rows(), config.partitions(), config.globalBatchSize());
            String fingerprint = fingerprint(spec, plan, config);
            FitProgress progress = config.resumeFrom() == null ? FitProgress.fresh(plan, fingerprint)
                    : FitProgress.resume(CheckpointFile.read(config.resumeFrom()), plan, fingerprint, network,
                    optimizer);
            long end = (long) config.epochs() * plan.stepsPerEpoch();
            if (config.stopAfterSteps() > 0) {
                end = Math.min(end, config.stopAfterSteps());
            }
            List<Double> millis = new ArrayList<>();
            while (progress.steps() < end) {
                long start = System.nanoTime();
                long before = progress.steps();
                if (config.localSgd() == null) {
                    synchronousStep(packed.blocks(), spec, plan, config, network, optimizer, progress);
                } else {
                    localSgdRound(packed.blocks(), spec, plan, config, network, progress, end);
                }
                millis.add((System.nanoTime() - start) / 1e6);
                maybeCheckpoint(config, before, progress, network, optimizer);
            }
            LOG.info("fit done: {} steps, {}", progress.steps(), plan);
            TrainedNetwork model = new TrainedNetwork(spec, network.parameters().values(), packed.standardizer(),
                    packed.featureNames(), config.columns().labels(),
                    config.standardizeTarget() ? packed.target().toScaler() : null);
            return new FitResult(model, progress.epochLosses(), progress.steps(), plan,
                    millis.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static void synchronousStep(JavaRDD<Block> blocks, NetworkSpec spec,
                                        ShardPlan plan, SparkTrainConfig config, NeuralNetwork network,
                                        Optimizer optimizer, FitProgress progress) {
        int epoch = progress.epoch();
        int step = progress.stepInEpoch();
        List<GradientShare> shares = blocks.map(new StepTask(spec, network.parameters().values().clone(), plan,
                config.seed(), config.shuffle(), epoch, step)).collect();
        double loss = OrderedSum.into(shares, network.parameters(), epoch, step, progress.steps());
        optimizer.step(network.parameters());
        OrderedSum.checkParameters(network.parameters(), epoch, step, progress.steps());
        progress.stepDone(loss);
    }

    private static void localSgdRound(JavaRDD<Block> blocks, NetworkSpec spec,
                                      ShardPlan plan, SparkTrainConfig config, NeuralNetwork network,
                                      FitProgress progress, long end) {
        int count = (int) Math.min(config.localSgd().syncEvery(), end - progress.steps());
        List<LocalSgdTask.Result> results = blocks.map(new LocalSgdTask(spec, network.parameters().values().clone(),
                plan, config.seed(), config.shuffle(), config.localSgd(), progress.steps(), count)).collect();
        double[] average = network.parameters().values();
        java.util.Arrays.fill(average, 0.0);
        for (LocalSgdTask.Result r : results) {
            double[] w = r.parameters();
            for (int k = 0; k < average.length; k++) {
                average[k] += w[k];
            }
        }
        for (int k = 0; k < average.length; k++) {
            average[k] /= results.size();
        }
        OrderedSum.checkParameters(network.parameters(), progress.epoch(), progress.stepInEpoch(), progress.steps());
        for (int s = 0; s < count; s++) {
            double loss = 0;
            for (LocalSgdTask.Result r : results) {
                loss += r.losses()[s];
            }
            progress.stepDone(loss);
        }
    }

    private static void maybeCheckpoint(SparkTrainConfig config, long before, FitProgress progress,
                                        NeuralNetwork network, Optimizer optimizer) {
        int every = config.checkpointEvery();
        if (every > 0 && progress.steps() / every > before / every) {
            CheckpointFile.write(progress.checkpoint(network, optimizer), CheckpointFile.in(config.checkpointDir()));
            LOG.info("checkpoint after step {} written to {}", progress.steps(), config.checkpointDir());
        }
    }

    private static String fingerprint(NetworkSpec spec, ShardPlan plan, SparkTrainConfig config) {
        return spec + "; " + plan + "; seed " + config.seed() + "; shuffle " + config.shuffle()
                + (config.standardizeTarget() ? "; standardized target" : "")
                + (config.localSgd() == null ? "" : "; " + config.localSgd());
    }
}
