package org.backprop.spark.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;
import org.backprop.spark.data.Block;
import org.backprop.spark.data.DataPacker;
import org.backprop.spark.data.PackedData;
import org.backprop.train.History;
import org.backprop.train.StepLimits;
import org.backprop.train.TrainerConfig;
import org.backprop.train.TrainingListener;
import org.backprop.train.TrainingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous data-parallel training on Spark that gives the same model as one machine.
 *
 * <p>Each step is one Spark job whose task carries the core {@link NetworkSpec} and the flat
 * parameter vector (Spark broadcasts a stage's serialized tasks once, so no broadcast of our own is
 * made or destroyed); each of the P partitions computes, with the core's
 * {@link org.backprop.train.BlockGradient}, its share of the global batch's gradient from its slice
 * of the batch ({@link ShardPlan}, {@link ShuffleOrders}, {@link StepTask}); the driver adds the P
 * shares in partition order ({@link OrderedSum}). Everything around the gradient is the local
 * trainer's own {@link TrainingRun}: the divergence guard, the caller's {@link Optimizer} (state
 * lives only on the driver), the listeners, the evaluation at the end of every epoch (distributed:
 * {@link SparkEvaluator}), early stopping with the best evaluated parameters restored, and the
 * {@link History}. With P = 1 the result is bit for bit the local {@link org.backprop.train.Trainer}'s
 * for the same seed, row weights, dropout and patience; with P &gt; 1 it differs only by the batch
 * composition (each partition shuffles its own rows) and rounding.
 *
 * <p>Where the cluster has a task slot for every partition at once (and no dynamic allocation), the
 * steps up to the end of an epoch (or the next checkpoint) run in one Spark barrier stage instead
 * of one job each ({@link BarrierSteps}): the tasks exchange their shares over direct connections
 * ({@link SocketExchange}; {@code allGather} with {@link #BARRIER_EXCHANGE_PROPERTY}),
 * add them in the same partition order and apply their own copy of the optimizer, so the results
 * are the same bit for bit; the driver then takes over the parameters and optimizer state and tells
 * the listeners about the stage's steps. The fit's first step, and any stage whose steps leave the
 * divergence guard's limits or fail, run one job per step. The log says which way the steps run.
 *
 * <p>Rows are packed once per fit into cached primitive blocks; no Spark SQL runs per step.
 */
public final class SparkTrainer {
    /**
     * The Spark local property ({@code SparkContext.setLocalProperty}, read on the thread that calls
     * {@code fit}) that says how the tasks of a barrier stage exchange their gradient shares:
     * {@code sockets}, over direct TCP connections between the tasks, opened at each stage's start on
     * the hosts Spark runs the executors on; {@code allGather}, through the driver's barrier
     * coordinator (slower between JVMs; for clusters whose executors cannot connect to each other).
     * Unset: sockets between executor JVMs, {@code allGather} in one JVM ({@code local[N]}), where
     * Spark hands the shares over by reference. All give the same results bit for bit.
     */
    public static final String BARRIER_EXCHANGE_PROPERTY = "backprop.barrier.exchange";
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private SparkTrainer() {
    }

    /** {@link #fit(Dataset, Dataset, NetworkSpec, Optimizer, SparkTrainConfig, TrainingListener...)} without validation rows. */
    public static FitResult fit(Dataset<Row> data, NetworkSpec spec, Optimizer optimizer, SparkTrainConfig config,
                                TrainingListener... listeners) {
        return fit(data, null, spec, optimizer, config, listeners);
    }

    /**
     * Trains a network of architecture {@code spec} (initial weights from the seed's "init" stream,
     * as {@code NeuralNetwork.builder(spec).seed(seed)}) on {@code data}.
     *
     * @param validation rows to evaluate after every epoch (same columns, scaled with the training
     *                   rows' scalers) and to watch for early stopping; null for none (then the
     *                   training loss is watched)
     * @param optimizer  the optimizer (driver-side; a fresh instance, or one restored by resume)
     * @param listeners  told after every step and epoch, as the local trainer's
     * @throws IllegalArgumentException                     on bad columns or cells, before any training
     * @throws org.backprop.train.TrainingDivergedException if a loss, gradient or parameter diverges
     *                                                      (no checkpoint is written then)
     */
    public static FitResult fit(Dataset<Row> data, Dataset<Row> validation, NetworkSpec spec, Optimizer optimizer,
                                SparkTrainConfig config, TrainingListener... listeners) {
        try (PackedData packed = DataPacker.pack(data, config.columns(), spec.inputs(), spec.outputs(),
                config.partitions(), config.standardize(), config.standardizeTarget());
             PackedData held = validation == null ? null : DataPacker.pack(validation, config.columns(),
                     spec.inputs(), spec.outputs(), config.partitions(), packed.scaler(), packed.target())) {
            return fit(packed, held, spec, optimizer, config, listeners);
        }
    }

    /**
     * Trains on rows already packed into {@code config.partitions()} cached blocks (e.g. by
     * {@link DataPacker#packEncoded}), without validation rows; the config's column names and scaling
     * options are not used. The caller owns (and closes) {@code packed}.
     */
    public static FitResult fit(PackedData packed, NetworkSpec spec, Optimizer optimizer, SparkTrainConfig config,
                                TrainingListener... listeners) {
        return fit(packed, null, spec, optimizer, config, listeners);
    }

    /**
     * As {@link #fit(Dataset, Dataset, NetworkSpec, Optimizer, SparkTrainConfig, TrainingListener...)}
     * on rows already packed: {@code packed} the training rows, {@code held} the validation rows (or
     * null), packed with the training rows' scalers. The config's column names and scaling options
     * are not used, except its weight column, which says whether the blocks carry row weights. The
     * caller owns (and closes) both.
     */
    public static FitResult fit(PackedData packed, PackedData held, NetworkSpec spec, Optimizer optimizer,
                                SparkTrainConfig config, TrainingListener... listeners) {
        if (config.columns().weightColumn() != null && config.localSgd() != null) {
            throw new IllegalArgumentException("local SGD does not take row weights; drop the weight column "
                    + config.columns().weightColumn() + " or train synchronously");
        }
        try (NeuralNetwork network = NeuralNetwork.builder(spec).seed(config.seed()).threads(1).build()) {
            ShardPlan plan = new ShardPlan(packed.rows(), config.partitions(), config.globalBatchSize());
            String fingerprint = fingerprint(spec, plan, config);
            FitProgress progress = config.resumeFrom() == null ? FitProgress.fresh(plan, fingerprint)
                    : FitProgress.resume(CheckpointFile.read(config.resumeFrom()), plan, fingerprint, network,
                    optimizer);
            TrainerConfig loop = TrainerConfig.defaults(config.seed()).withEpochs(config.epochs())
                    .withPatience(config.patience()).withEvaluateTrainingSet(config.evaluateTrainingSet());
            TrainingRun run = new TrainingRun(network, optimizer, loop, Arrays.asList(listeners),
                    new SparkEvaluator(spec, network, packed.blocks(), held == null ? null : held.blocks(), loop));
            long end = (long) config.epochs() * plan.stepsPerEpoch();
            if (config.stopAfterSteps() > 0) {
                end = Math.min(end, config.stopAfterSteps());
            }
            long drawsPerRow = DropoutStreams.drawsPerRow(spec);
            PartitionStep work = new PartitionStep(plan, config.seed(), config.shuffle(), drawsPerRow);
            StepModeLog modes = new StepModeLog(plan);
            List<Double> millis = new ArrayList<>();
            long barrierSteps = 0;
            BarrierTimes[] times = {BarrierTimes.NONE};
            long perStepUntil = 0;
            while (progress.steps() < end && !run.stopped()) {
                long start = System.nanoTime();
                long before = progress.steps();
                int closed = progress.finishedEpochs();
                if (config.localSgd() == null) {
                    int stage = before < perStepUntil ? 0 : barrierStageLength(packed.blocks(), config, progress, end,
                            run.stepLimits(), network.parameters().size(), modes);
                    if (stage > 0 && barrierStage(packed.blocks(), spec, work, config, network, optimizer, run,
                            progress, stage, times)) {
                        barrierSteps += stage;
                    } else {
                        perStepUntil = Math.max(perStepUntil, before + stage);
                        int epoch = progress.epoch();
                        int step = progress.stepInEpoch();
                        double loss = gradient(packed.blocks(), spec, work, config, network, progress);
                        run.step(epoch, step, loss);
                        progress.stepDone(loss);
                    }
                } else {
                    localSgdRound(packed.blocks(), spec, plan, config, network, progress, end, drawsPerRow);
                }
                long ran = progress.steps() - before;
                double ms = (System.nanoTime() - start) / 1e6;
                for (long i = 0; i < (config.localSgd() == null ? ran : 1); i++) {
                    millis.add(config.localSgd() == null ? ms / ran : ms);
                }
                for (int e = closed; e < progress.finishedEpochs(); e++) {
                    run.endEpoch(e, progress.epochLoss(e));
                }
                maybeCheckpoint(config, before, progress, network, optimizer);
            }
            History history = run.finish();
            LOG.info("fit done: {} steps ({} in barrier stages), {}", progress.steps(), barrierSteps, plan);
            return new FitResult(spec, network.parameters().values(), packed.scaler(), packed.target(),
                    packed.featureNames(), history, progress.epochLosses(), progress.steps(), plan,
                    millis.stream().mapToDouble(Double::doubleValue).toArray(), barrierSteps, times[0]);
        }
    }

    /**
     * How many steps the next barrier stage would run (to the end of the epoch, the next checkpoint or
     * the fit, whichever comes first), or 0 if the next step runs as its own job: barrier stages off,
     * the run's first step (its loss sets the divergence guard's ceiling), a stage of one step, or no
     * slot for every partition now, or an exchange too large for the driver ({@link BarrierStages}).
     */
    private static int barrierStageLength(JavaRDD<Block> blocks, SparkTrainConfig config, FitProgress progress,
                                          long end, StepLimits limits, int parameters, StepModeLog modes) {
        if (!config.barrierStages()) {
            modes.perStep("barrier stages are turned off");
            return 0;
        }
        if (limits == null) {
            return 0;
        }
        long steps = progress.steps();
        long stop = Math.min(end, steps - progress.stepInEpoch() + progress.plan().stepsPerEpoch());
        if (config.checkpointEvery() > 0) {
            stop = Math.min(stop, (steps / config.checkpointEvery() + 1) * config.checkpointEvery());
        }
        if (stop - steps < 2) {
            return 0;
        }
        boolean sockets = socketExchange(blocks.context());
        String unavailable = BarrierStages.unavailable(blocks.context(), config.partitions(), parameters, sockets);
        if (unavailable != null) {
            modes.perStep(unavailable);
            return 0;
        }
        modes.barrier(sockets);
        return (int) (stop - steps);
    }

    /**
     * Runs {@code count} steps in one barrier stage and, if every step stayed within the run's limits,
     * takes over the tasks' parameters and optimizer state and reports the steps to the run; returns
     * false (nothing changed) if a step left the limits or the stage failed: the caller reruns them
     * one job at a time. Adds the stage's {@link BarrierTimes} to {@code times[0]}.
     */
    private static boolean barrierStage(JavaRDD<Block> blocks, NetworkSpec spec, PartitionStep work,
                                        SparkTrainConfig config, NeuralNetwork network, Optimizer optimizer,
                                        TrainingRun run, FitProgress progress, int count, BarrierTimes[] times) {
        BarrierSteps.Outcome outcome;
        long start = System.nanoTime();
        try {
            outcome = BarrierStages.run(blocks, new BarrierSteps(spec, work, network.parameters().values().clone(),
                    optimizer, config.columns().weightColumn() != null, run.stepLimits(), progress.steps(), count,
                    blocks.context().isLocal() ? ShareMessages.Form.BYTES : ShareMessages.Form.BASE64,
                    socketExchange(blocks.context())));
        } catch (Exception e) {
            LOG.warn("the barrier stage for steps {}..{} failed ({}); running them one job per step",
                    progress.steps(), progress.steps() + count - 1, e.toString());
            return false;
        }
        if (!outcome.completed()) {
            LOG.info("a step of {}..{} left the divergence guard's limits; rerunning them one job per step",
                    progress.steps(), progress.steps() + count - 1);
            return false;
        }
        BarrierTimes t = outcome.times();
        times[0] = times[0].plus(new BarrierTimes(t.steps(), t.exchanged(), (System.nanoTime() - start) / 1e6,
                t.tasks(), t.compute(), t.encode(), t.gather(), t.exchange(), t.decode(), t.sum(), t.optimizer()));
        network.parameters().setValues(outcome.parameters());
        optimizer.restore(outcome.optimizer().state());
        for (double loss : outcome.losses()) {
            run.stepTaken(progress.epoch(), progress.stepInEpoch(), loss);
            progress.stepDone(loss);
        }
        return true;
    }

    /** Whether barrier stages exchange their shares over sockets ({@link #BARRIER_EXCHANGE_PROPERTY}). */
    private static boolean socketExchange(SparkContext sc) {
        String exchange = sc.getLocalProperty(BARRIER_EXCHANGE_PROPERTY);
        if (exchange == null) {
            return !sc.isLocal();
        }
        if (exchange.equals("sockets")) {
            return true;
        }
        if (exchange.equals("allGather")) {
            return false;
        }
        throw new IllegalArgumentException("the Spark local property " + BARRIER_EXCHANGE_PROPERTY + " is '" + exchange
                + "'; it must be 'sockets' or 'allGather' (or unset)");
    }

    /** Runs one step's job and leaves the summed gradient in the driver network; returns the batch loss. */
    private static double gradient(JavaRDD<Block> blocks, NetworkSpec spec, PartitionStep work,
                                   SparkTrainConfig config, NeuralNetwork network, FitProgress progress) {
        int epoch = progress.epoch();
        int step = progress.stepInEpoch();
        List<GradientShare> shares = blocks.map(new StepTask(spec, network.parameters().values().clone(), work,
                epoch, step)).collect();
        return OrderedSum.into(shares, network.parameters(), config.columns().weightColumn() != null, epoch, step,
                progress.steps());
    }

    private static void localSgdRound(JavaRDD<Block> blocks, NetworkSpec spec, ShardPlan plan,
                                      SparkTrainConfig config, NeuralNetwork network, FitProgress progress, long end,
                                      long drawsPerRow) {
        int count = (int) Math.min(config.localSgd().syncEvery(), end - progress.steps());
        List<LocalSgdTask.Result> results = blocks.map(new LocalSgdTask(spec, network.parameters().values().clone(),
                plan, config.seed(), config.shuffle(), config.localSgd(), progress.steps(), count, drawsPerRow))
                .collect();
        double[] average = network.parameters().values();
        Arrays.fill(average, 0.0);
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
                + (config.columns().weightColumn() == null ? "" : "; weights " + config.columns().weightColumn())
                + (config.localSgd() == null ? "" : "; " + config.localSgd());
    }
}
