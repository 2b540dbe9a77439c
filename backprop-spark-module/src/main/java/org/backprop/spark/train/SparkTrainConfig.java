package org.backprop.spark.train;

import java.nio.file.Path;
import java.util.List;

import org.backprop.spark.data.InputColumns;

/**
 * Settings of a {@link SparkTrainer} fit. Build one with {@link #builder}:
 *
 * <pre>{@code
 * SparkTrainConfig config = SparkTrainConfig.builder()
 *         .features("f0", "f1", "f2").label("y")     // or .featuresVector("features")
 *         .partitions(16)                             // P: part of the result's identity
 *         .globalBatchSize(8192).epochs(20).seed(42)
 *         .checkpointEvery(500, Path.of("ckpt"))
 *         .build();
 * }</pre>
 *
 * <p>Defaults: 1 partition, global batch 32, 10 epochs, seed 0, shuffle every epoch, features
 * standardized, labels not, no row weights, no early stopping, no checkpoints, exact synchronous
 * training (no local SGD). The defaults of batch, epochs, seed, shuffle and patience are those of
 * the local {@link org.backprop.train.TrainerConfig}.
 *
 * @param columns         feature, label and optional ID and weight columns (a weight column makes
 *                        every batch's loss the weighted mean Σwℓ/Σw over the global batch, as the
 *                        local trainer's row weights do)
 * @param partitions      P, the number of data partitions (not the number of executors: the result
 *                        depends on P, never on the cluster)
 * @param globalBatchSize rows per step over all partitions
 * @param epochs          passes over the data
 * @param seed            root seed: initial weights ("init" stream) and shuffles ("shuffle" streams)
 * @param shuffle         reshuffle each partition's rows every epoch
 * @param standardize     standardize features with means and deviations fitted on the training rows
 * @param standardizeTarget standardize the label columns the same way for training (off by default);
 *                        the fitted model maps its outputs back to label units
 * @param patience        early stopping, as the local trainer's: stop after this many evaluations
 *                        (one per epoch) without improvement of the validation loss (the training
 *                        loss without a validation set), then restore the best evaluated parameters;
 *                        0 = off
 * @param checkpointEvery write a checkpoint every this many steps (0: never); a resumed fit starts
 *                        early stopping afresh, as the local trainer's resume does
 * @param checkpointDir   where checkpoints go (null if none)
 * @param resumeFrom      a checkpoint file to continue from (null: start fresh)
 * @param stopAfterSteps  stop once this many steps are done in total (0: run all epochs); for
 *                        time-boxed runs that continue later with {@code resumeFrom}
 * @param localSgd        null for exact synchronous training; else the opt-in local-SGD mode
 * @param barrierStages   run the steps between two epoch ends (or checkpoints) in one Spark barrier
 *                        stage when the cluster has a slot for every partition at once, else one job
 *                        per step (default on; the results are the same bit for bit either way)
 * @param evaluateTrainingSet every epoch's evaluation includes the training rows (default on, as the
 *                        local {@link org.backprop.train.TrainerConfig#evaluateTrainingSet()}); off,
 *                        they are evaluated only after the last epoch, or every epoch when early
 *                        stopping watches them (no validation rows), and an epoch reports its mean
 *                        step loss, as {@code backprop train} does
 */
public record SparkTrainConfig(InputColumns columns, int partitions, int globalBatchSize, int epochs, long seed,
                               boolean shuffle, boolean standardize, boolean standardizeTarget, int patience,
                               int checkpointEvery, Path checkpointDir,
                               Path resumeFrom, long stopAfterSteps, LocalSgd localSgd,
                               boolean barrierStages, boolean evaluateTrainingSet) {

    public SparkTrainConfig {
        if (columns == null) {
            throw new IllegalArgumentException("set the feature and label columns");
        }
        if (partitions < 1 || globalBatchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("partitions, globalBatchSize and epochs must be ≥ 1, got "
                    + partitions + ", " + globalBatchSize + ", " + epochs);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be ≥ 0 (0 = off), got " + patience);
        }
        if (checkpointEvery < 0 || (checkpointEvery > 0 && checkpointDir == null)) {
            throw new IllegalArgumentException("checkpointEvery needs a directory and a step count ≥ 1");
        }
        if (stopAfterSteps < 0) {
            throw new IllegalArgumentException("stopAfterSteps must be ≥ 0, got " + stopAfterSteps);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.columns = columns;
        b.partitions = partitions;
        b.globalBatchSize = globalBatchSize;
        b.epochs = epochs;
        b.seed = seed;
        b.shuffle = shuffle;
        b.standardize = standardize;
        b.standardizeTarget = standardizeTarget;
        b.patience = patience;
        b.checkpointEvery = checkpointEvery;
        b.checkpointDir = checkpointDir;
        b.resumeFrom = resumeFrom;
        b.stopAfterSteps = stopAfterSteps;
        b.localSgd = localSgd;
        b.barrierStages = barrierStages;
        b.evaluateTrainingSet = evaluateTrainingSet;
        return b;
    }

    /** Collects settings; see {@link SparkTrainConfig} for their meaning. */
    public static final class Builder {
        private InputColumns columns;
        private List<String> features;
        private String vector;
        private List<String> labels;
        private String id;
        private int partitions = 1;
        private int globalBatchSize = 32;
        private int epochs = 10;
        private long seed;
        private boolean shuffle = true;
        private boolean standardize = true;
        private boolean standardizeTarget;
        private String weight;
        private int patience;
        private int checkpointEvery;
        private Path checkpointDir;
        private Path resumeFrom;
        private long stopAfterSteps;
        private LocalSgd localSgd;
        private boolean barrierStages = true;
        private boolean evaluateTrainingSet = true;

        private Builder() {
        }

        /** Features in these numeric columns. */
        public Builder features(String... names) {
            this.features = List.of(names);
            this.vector = null;
            this.columns = null;
            return this;
        }

        /** Features in this Spark ML {@code Vector} column. */
        public Builder featuresVector(String name) {
            this.vector = name;
            this.features = null;
            this.columns = null;
            return this;
        }

        /** The label column(s); the network has one output per label column. */
        public Builder label(String... names) {
            this.labels = List.of(names);
            this.columns = null;
            return this;
        }

        /** Order rows by this unique integral column instead of by input order. */
        public Builder idColumn(String name) {
            this.id = name;
            this.columns = null;
            return this;
        }

        public Builder partitions(int value) {
            this.partitions = value;
            return this;
        }

        public Builder globalBatchSize(int value) {
            this.globalBatchSize = value;
            return this;
        }

        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder shuffle(boolean value) {
            this.shuffle = value;
            return this;
        }

        public Builder standardize(boolean value) {
            this.standardize = value;
            return this;
        }

        /** Standardize the labels for training (a regression target; never one-hot class columns). */
        public Builder standardizeTarget(boolean value) {
            this.standardizeTarget = value;
            return this;
        }

        /** Per-row weights from this numeric column (each finite and ≥ 0); null for none. */
        public Builder weightColumn(String name) {
            this.weight = name;
            this.columns = columns == null ? null : columns.withWeight(name);
            return this;
        }

        /** Early stopping after this many evaluations without improvement (0 = off). */
        public Builder patience(int value) {
            this.patience = value;
            return this;
        }

        /** Write a checkpoint to {@code directory} every {@code steps} steps. */
        public Builder checkpointEvery(int steps, Path directory) {
            this.checkpointEvery = steps;
            this.checkpointDir = directory;
            return this;
        }

        /** Continue from this checkpoint file. */
        public Builder resumeFrom(Path checkpoint) {
            this.resumeFrom = checkpoint;
            return this;
        }

        public Builder stopAfterSteps(long value) {
            this.stopAfterSteps = value;
            return this;
        }

        /** Opt into local SGD (not equal to single-machine training); null for exact training. */
        public Builder localSgd(LocalSgd value) {
            this.localSgd = value;
            return this;
        }

        /** Off: one Spark job per step even where a barrier stage could run many (for comparisons). */
        public Builder barrierStages(boolean value) {
            this.barrierStages = value;
            return this;
        }

        /** Off: the training rows are evaluated only after the last epoch (or when early stopping watches them). */
        public Builder evaluateTrainingSet(boolean value) {
            this.evaluateTrainingSet = value;
            return this;
        }

        public SparkTrainConfig build() {
            InputColumns cols = columns;
            if (cols == null) {
                if (labels == null || (features == null && vector == null)) {
                    throw new IllegalArgumentException("set the features (features or featuresVector) and label");
                }
                cols = vector != null ? InputColumns.vector(vector, labels) : InputColumns.named(features, labels);
                cols = id == null ? cols : cols.withId(id);
                cols = cols.withWeight(weight);
            }
            return new SparkTrainConfig(cols, partitions, globalBatchSize, epochs, seed, shuffle, standardize,
                    standardizeTarget, patience, checkpointEvery, checkpointDir, resumeFrom, stopAfterSteps, localSgd,
                    barrierStages, evaluateTrainingSet);
        }
    }
}
