package org.backprop.train;

import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;

/**
 * Settings of a {@link Trainer}. Defaults ({@link #defaults(long)}): 10 epochs, batch size 32,
 * shuffle every epoch from the root seed's "shuffle" stream, full-set losses (training and
 * validation) evaluated every epoch, no validation split (its rows would be drawn from the root seed's "split" stream), early stopping
 * off (patience 0), min delta 0.
 *
 * @param epochs          passes over the data (≥ 1); early stopping may end training sooner
 * @param batchSize       rows per step (≥ 1; the last batch of an epoch may be shorter)
 * @param shuffle         reshuffle the row order at the start of every epoch
 * @param shuffleRandom   the stream the shuffles draw from
 * @param evaluateEvery   evaluate the full training (and validation) loss every this many epochs,
 *                        counting from epoch 0 (≥ 1); the last epoch is always evaluated
 * @param validationSplit the fraction of training rows held out for validation by
 *                        {@link Trainer#fit(org.backprop.tensor.Matrix, org.backprop.tensor.Matrix)},
 *                        in [0, 1); 0 = none. Ignored when an explicit validation set is given.
 * @param splitRandom     the stream that chooses the held-out rows
 * @param patience        early stopping: stop after this many evaluations in a row without an
 *                        improvement of the monitored loss, then restore the best evaluated
 *                        parameters; 0 = early stopping off (training runs all epochs and keeps the
 *                        final parameters). Counted in evaluations, not epochs.
 * @param minDelta        an evaluation improves only if its monitored loss is below the best one
 *                        minus this (≥ 0). The monitored loss is the validation loss, or the full
 *                        training loss when there is no validation set.
 * @param evaluateTrainingSet true (the default): every evaluation includes the training set's
 *                        full loss ({@link EpochRecord#trainLoss()}) and extra metrics. False: the
 *                        training rows are evaluated only where something needs them: after the
 *                        last epoch (if training reaches it), and at every evaluation when early stopping watches the training
 *                        loss (patience &gt; 0 and no validation set); the other evaluations hold
 *                        the validation set alone, and the epoch's training loss is its
 *                        {@link EpochRecord#meanBatchLoss()} (as Keras reports {@code loss}). Saves
 *                        a forward pass over all training rows an epoch, about a quarter of an
 *                        epoch's arithmetic.
 */
public record TrainerConfig(int epochs, int batchSize, boolean shuffle, RandomSource shuffleRandom,
                            int evaluateEvery, double validationSplit, RandomSource splitRandom,
                            int patience, double minDelta, boolean evaluateTrainingSet) {

    public TrainerConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (evaluateEvery < 1) {
            throw new IllegalArgumentException("evaluateEvery must be at least 1, got " + evaluateEvery);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + validationSplit);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be at least 0 (0 = off), got " + patience);
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minDelta must be at least 0, got " + minDelta);
        }
    }

    /** The defaults, with shuffles and validation splits drawn from {@code seed}'s streams. */
    public static TrainerConfig defaults(long seed) {
        SeedStreams streams = new SeedStreams(seed);
        return new TrainerConfig(10, 32, true, streams.stream("shuffle"), 1, 0.0, streams.stream("split"), 0, 0.0, true);
    }

    /** True if early stopping is on ({@code patience > 0}). */
    public boolean earlyStopping() {
        return patience > 0;
    }

    public TrainerConfig withEpochs(int value) {
        return new TrainerConfig(value, batchSize, shuffle, shuffleRandom, evaluateEvery, validationSplit,
                splitRandom, patience, minDelta, evaluateTrainingSet);
    }

    public TrainerConfig withBatchSize(int value) {
        return new TrainerConfig(epochs, value, shuffle, shuffleRandom, evaluateEvery, validationSplit,
                splitRandom, patience, minDelta, evaluateTrainingSet);
    }

    public TrainerConfig withShuffle(boolean value) {
        return new TrainerConfig(epochs, batchSize, value, shuffleRandom, evaluateEvery, validationSplit,
                splitRandom, patience, minDelta, evaluateTrainingSet);
    }

    public TrainerConfig withShuffleRandom(RandomSource value) {
        return new TrainerConfig(epochs, batchSize, shuffle, value, evaluateEvery, validationSplit,
                splitRandom, patience, minDelta, evaluateTrainingSet);
    }

    public TrainerConfig withEvaluateEvery(int value) {
        return new TrainerConfig(epochs, batchSize, shuffle, shuffleRandom, value, validationSplit,
                splitRandom, patience, minDelta, evaluateTrainingSet);
    }

    /** Holds out this fraction of the training rows for validation (see {@link #validationSplit()}). */
    public TrainerConfig withValidationSplit(double value) {
        return new TrainerConfig(epochs, batchSize, shuffle, shuffleRandom, evaluateEvery, value,
                splitRandom, patience, minDelta, evaluateTrainingSet);
    }

    public TrainerConfig withSplitRandom(RandomSource value) {
        return new TrainerConfig(epochs, batchSize, shuffle, shuffleRandom, evaluateEvery, validationSplit,
                value, patience, minDelta, evaluateTrainingSet);
    }

    /** Turns early stopping on with this patience in evaluations (0 = off). */
    public TrainerConfig withPatience(int value) {
        return new TrainerConfig(epochs, batchSize, shuffle, shuffleRandom, evaluateEvery, validationSplit,
                splitRandom, value, minDelta, evaluateTrainingSet);
    }

    public TrainerConfig withMinDelta(double value) {
        return new TrainerConfig(epochs, batchSize, shuffle, shuffleRandom, evaluateEvery, validationSplit,
                splitRandom, patience, value, evaluateTrainingSet);
    }

    /**
     * Whether every evaluation includes the training set (see {@link #evaluateTrainingSet()}; false
     * evaluates it only where something needs it).
     */
    public TrainerConfig withEvaluateTrainingSet(boolean value) {
        return new TrainerConfig(epochs, batchSize, shuffle, shuffleRandom, evaluateEvery, validationSplit,
                splitRandom, patience, minDelta, value);
    }
}
