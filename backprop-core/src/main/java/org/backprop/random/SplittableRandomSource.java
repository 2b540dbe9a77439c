package org.backprop.random;

import java.util.SplittableRandom;

/** A {@link RandomSource} backed by a {@link SplittableRandom}; deterministic for a given seed. */
public final class SplittableRandomSource implements RandomSource {
    private final SplittableRandom random;

    /** A source whose sequence is fully determined by {@code seed}. */
    public SplittableRandomSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }
}
