package org.backprop.kernel;

/**
 * Chooses the fastest available {@link Gemm}. Placeholder until the vectorized kernels land:
 * returns the naive reference.
 */
public final class Kernels {
    private Kernels() {
    }

    /** The best kernel for this JVM with the given number of threads (at least 1). */
    public static Gemm create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new NaiveGemm();
    }

    /** One line describing the kernel {@link #create} would return for {@code threads}. */
    public static String describeBest(int threads) {
        try (Gemm g = create(threads)) {
            return g.describe();
        }
    }

    /** Number of processors the JVM sees: the default thread count. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
