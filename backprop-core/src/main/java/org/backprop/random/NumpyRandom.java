package org.backprop.random;

import org.backprop.tensor.Matrix;

/**
 * A {@link RandomSource} that reproduces NumPy's legacy global API ({@code np.random.seed(int)},
 * i.e. {@code RandomState}) draw for draw, so that a NumPy notebook and its Java port see the same
 * random numbers. Verified bit for bit against NumPy by {@code numpy_random_golden.py}.
 *
 * <ul>
 *   <li>{@link #nextDouble()} is {@code np.random.rand()}: 53 bits from two 32-bit outputs,
 *       {@code ((a >>> 5)·67108864 + (b >>> 6)) / 2⁵³}.</li>
 *   <li>{@link #uniform(double, double)} is {@code np.random.uniform(low, high)}:
 *       {@code low + (high − low)·rand()}.</li>
 *   <li>{@link #nextInt(int)} is {@code np.random.randint(0, bound)}: {@link #randomInterval(long)}
 *       of {@code bound − 1}.</li>
 *   <li>{@link #shuffle(int[])} is {@code np.random.shuffle} of a 1-D array: for i from n−1 down to
 *       1, swap element i with element {@code randomInterval(i)}.</li>
 *   <li>{@link #nextGaussian()} is {@code np.random.standard_normal()}: the polar Box–Muller method;
 *       each accepted pair returns its second value and caches the first for the next call.</li>
 * </ul>
 * Known limit: normal deviates use {@link Math#log}, while NumPy calls the C library's {@code log};
 * glibc's is not correctly rounded, and for about 4 in 10⁴ deviates (measured over 10⁶ draws, seed
 * 12345, glibc 2.36) the two logs differ in the last bit, so such a deviate is 1 ulp off. Uniform
 * draws, integers and shuffles are exact.
 * Matrices are filled row-major, which is NumPy's C order for {@code size=(rows, cols)}.
 */
public final class NumpyRandom implements RandomSource {
    private static final double TWO_POW_26 = 67108864.0;
    private static final double TWO_POW_53 = 9007199254740992.0;

    private final Mt19937 bits;
    private boolean hasCachedGaussian;
    private double cachedGaussian;

    /** The state {@code np.random.seed(seed)} produces; 0 ≤ seed ≤ 2³² − 1, as NumPy requires. */
    public NumpyRandom(long seed) {
        this.bits = new Mt19937(seed);
    }

    /** {@code np.random.rand()}: a multiple of 2⁻⁵³ in [0, 1). */
    @Override
    public double nextDouble() {
        int a = bits.nextUint32() >>> 5;
        int b = bits.nextUint32() >>> 6;
        return (a * TWO_POW_26 + b) / TWO_POW_53;
    }

    /** {@code np.random.randint(0, bound)} for {@code bound > 0}. */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) randomInterval(bound - 1);
    }

    /**
     * NumPy's {@code random_interval(max)}: uniform in [0, max], by drawing 32-bit outputs masked to
     * the smallest all-ones mask covering {@code max} and rejecting values above {@code max}.
     * Requires 0 ≤ max ≤ 2³² − 1 (NumPy switches to 64-bit draws above that).
     */
    public long randomInterval(long max) {
        if (max < 0 || max > Mt19937.MAX_SEED) {
            throw new IllegalArgumentException("max must be between 0 and 2^32 - 1, got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = -1L >>> Long.numberOfLeadingZeros(max);
        long value;
        do {
            value = Integer.toUnsignedLong(bits.nextUint32()) & mask;
        } while (value > max);
        return value;
    }

    /** {@code np.random.standard_normal()}: legacy polar Box–Muller with one cached value. */
    @Override
    public double nextGaussian() {
        if (hasCachedGaussian) {
            hasCachedGaussian = false;
            return cachedGaussian;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        cachedGaussian = f * x1;
        hasCachedGaussian = true;
        return f * x2;
    }

    /** {@code m[:] = np.random.rand(rows, cols)}: fills {@code m} row-major with {@link #nextDouble()}. */
    public Matrix fill(Matrix m) {
        for (int k = 0, n = m.size(); k < n; k++) {
            m.setFlat(k, nextDouble());
        }
        return m;
    }

    /** {@code m[:] = np.random.uniform(low, high, size=(rows, cols))}, row-major. */
    public Matrix fillUniform(Matrix m, double low, double high) {
        for (int k = 0, n = m.size(); k < n; k++) {
            m.setFlat(k, uniform(low, high));
        }
        return m;
    }
}
