package org.backprop.random;

import java.util.SplittableRandom;

/**
 * One root seed split into named, independent streams ("init", "shuffle", "dropout", …), so that
 * adding randomness in one place never shifts the numbers drawn in another. No global state: the
 * same root seed and name always give the same stream.
 */
public final class SeedStreams {
    private final long root;

    public SeedStreams(long root) {
        this.root = root;
    }

    /** The root seed. */
    public long root() {
        return root;
    }

    /** A new stream for {@code name}; two calls with the same name give identical streams. */
    public RandomSource stream(String name) {
        return new SplittableSource(new SplittableRandom(mix(root ^ mix(name.hashCode() * 0x9E3779B97F4A7C15L))));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class SplittableSource implements RandomSource {
        private final SplittableRandom random;
        private double cachedGaussian;
        private boolean hasCachedGaussian;

        SplittableSource(SplittableRandom random) {
            this.random = random;
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
            if (hasCachedGaussian) {
                hasCachedGaussian = false;
                return cachedGaussian;
            }
            double u;
            double v;
            double s;
            do {
                u = 2 * random.nextDouble() - 1;
                v = 2 * random.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = Math.sqrt(-2 * Math.log(s) / s);
            cachedGaussian = v * f;
            hasCachedGaussian = true;
            return u * f;
        }
    }
}
