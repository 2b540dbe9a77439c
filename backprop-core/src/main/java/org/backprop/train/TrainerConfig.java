package org.backprop.train;

import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;

/**
 * Settings of a {@link Trainer}. Defaults: 10 epochs, batch size 32, shuffle every epoch from the
 * root seed 0's "shuffle" stream, full-set losses evaluated every epoch.
 *
 * @param epochs        passes over the data (≥ 1)
 * @param batchSize     rows per step (≥ 1; the last batch of an epoch may be shorter)
 * @param shuffle       reshuffle the row order at the start of every epoch
 * @param shuffleRandom the stream the shuffles draw from
 * @param evaluateEvery evaluate the full training (and validation) loss every this many epochs,
 *                      counting from epoch 0 (≥ 1); the last epoch is always evaluated
 */
public record TrainerConfig(int epochs, int batchSize, boolean shuffle, RandomSource shuffleRandom,
                            int evaluateEvery) {

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
    }

    /** The defaults, with shuffles drawn from {@code seed}'s "shuffle" stream. */
    public static TrainerConfig defaults(long seed) {
        return new TrainerConfig(10, 32, true, new SeedStreams(seed).stream("shuffle"), 1);
    }

    public TrainerConfig withEpochs(int value) {
        return new TrainerConfig(value, batchSize, shuffle, shuffleRandom, evaluateEvery);
    }

    public TrainerConfig withBatchSize(int value) {
        return new TrainerConfig(epochs, value, shuffle, shuffleRandom, evaluateEvery);
    }

    public TrainerConfig withShuffle(boolean value) {
        return new TrainerConfig(epochs, batchSize, value, shuffleRandom, evaluateEvery);
    }

    public TrainerConfig withShuffleRandom(RandomSource value) {
        return new TrainerConfig(epochs, batchSize, shuffle, value, evaluateEvery);
    }

    public TrainerConfig withEvaluateEvery(int value) {
        return new TrainerConfig(epochs, batchSize, shuffle, shuffleRandom, value);
    }
}
