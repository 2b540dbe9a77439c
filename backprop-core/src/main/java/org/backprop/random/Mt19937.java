package org.backprop.random;

/**
 * The 32-bit Mersenne Twister MT19937, seeded the way NumPy's legacy {@code np.random.seed(int)}
 * seeds it: Matsumoto–Nishimura {@code init_genrand}
 * ({@code key[0] = seed, key[i] = 1812433253·(key[i−1] ^ (key[i−1] >>> 30)) + i}), with the first
 * output coming from a freshly regenerated block. This is the raw bit source of {@link NumpyRandom}.
 */
public final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908B0DF;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7FFFFFFF;
    /** Largest seed NumPy's legacy seeding accepts, 2³² − 1. */
    public static final long MAX_SEED = 0xFFFFFFFFL;

    private final int[] key = new int[N];
    private int pos;

    /** A generator in the state {@code np.random.seed(seed)} leaves; 0 ≤ seed ≤ 2³² − 1. */
    public Mt19937(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be between 0 and 2^32 - 1, got " + seed);
        }
        int k = (int) seed;
        for (int i = 0; i < N; i++) {
            key[i] = k;
            k = 1812433253 * (k ^ (k >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** The next 32 random bits; read the result as unsigned ({@code Integer.toUnsignedLong}). */
    public int nextUint32() {
        if (pos == N) {
            regenerate();
        }
        int y = key[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y;
    }

    private void regenerate() {
        for (int i = 0; i < N; i++) {
            int y = (key[i] & UPPER_MASK) | (key[(i + 1) % N] & LOWER_MASK);
            key[i] = key[(i + M) % N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        pos = 0;
    }
}
