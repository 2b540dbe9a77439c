package org.backprop.random;

/**
 * A seeded stream of random numbers. Every consumer of randomness (initialization, shuffling,
 * dropout) gets its own instance; there is no global random state.
 */
public interface RandomSource {

    /** Uniform double in [0, 1). */
    double nextDouble();

    /** Uniform int in [0, bound), bound &gt; 0. */
    int nextInt(int bound);

    /** Standard normal N(0, 1). */
    double nextGaussian();

    /** Uniform double in [low, high), computed as {@code low + (high - low) * nextDouble()}. */
    default double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Shuffles {@code values} in place (Fisher–Yates from the last element down). */
    default void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
