package org.backprop.check;

import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;

/** Random test matrices, kept away from activation kinks so central differences are smooth. */
public final class TestData {
    private TestData() {
    }

    public static RandomSource random(long seed) {
        return new SeedStreams(seed).stream("test");
    }

    /** Uniform in (−scale, scale) with |value| ≥ 0.05·scale. */
    public static Matrix awayFromZero(int rows, int cols, double scale, RandomSource random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            double u = random.uniform(0.05, 1.0) * scale;
            m.setFlat(k, random.nextDouble() < 0.5 ? -u : u);
        }
        return m;
    }

    /** Uniform in [low, high). */
    public static Matrix uniform(int rows, int cols, double low, double high, RandomSource random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.setFlat(k, random.uniform(low, high));
        }
        return m;
    }
}
