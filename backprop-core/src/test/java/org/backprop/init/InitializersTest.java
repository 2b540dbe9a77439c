package org.backprop.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitializersTest {
    private static final int IN = 300;
    private static final int OUT = 200;

    private static Matrix draw(String name, long seed) {
        Matrix w = Matrix.zeros(IN, OUT);
        Initializers.byName(name).initialize(w, new SeedStreams(seed).stream("init"));
        return w;
    }

    /**
     * Sample mean and variance of 60 000 draws. The mean's standard error is σ/√N, the variance's
     * about σ²·√(2/N) (normal) or less (uniform); tolerances are 5 standard errors.
     */
    @ParameterizedTest
    @CsvSource({
        // name, variance, bound (0 = unbounded)
        "fan_in_uniform, 0.0011111111111111111, 0.057735026918962574",  // (1/√300)²/3; 1/√300
        "glorot_uniform, 0.004,                 0.10954451150103323",   // 2/(300+200); √(6/500)
        "glorot_normal,  0.004,                 0",
        "he_uniform,     0.006666666666666667,  0.1414213562373095",    // 2/300; √(6/300)
        "he_normal,      0.006666666666666667,  0",
    })
    void sampleMomentsMatchTheDistribution(String name, double variance, double bound) {
        double[] w = draw(name, 7).toArray();
        int n = w.length;
        double mean = Arrays.stream(w).average().orElseThrow();
        double var = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        assertEquals(0.0, mean, 5 * Math.sqrt(variance / n), name + " mean");
        assertEquals(variance, var, 5 * variance * Math.sqrt(2.0 / n), name + " variance");
        if (bound > 0) {
            double max = Arrays.stream(w).map(Math::abs).max().orElseThrow();
            assertTrue(max < bound, name + ": |w| " + max + " reaches the bound " + bound);
            assertTrue(max > 0.99 * bound, name + ": the bound " + bound + " is not used, max " + max);
        } else {
            // normal: about 0.27% beyond 3σ
            long beyond3Sigma = Arrays.stream(w).filter(v -> Math.abs(v) > 3 * Math.sqrt(variance)).count();
            assertEquals(0.0027 * n, beyond3Sigma, 5 * Math.sqrt(0.0027 * n), name + " tails");
        }
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        for (String name : Initializers.names()) {
            assertArrayEquals(draw(name, 3).toArray(), draw(name, 3).toArray(), name);
            if (!name.equals("zeros")) {
                assertFalse(Arrays.equals(draw(name, 3).toArray(), draw(name, 4).toArray()), name);
            }
        }
    }

    @Test
    void zerosAreZeroAndRegistryNamesItsEntries() {
        assertTrue(Arrays.stream(draw("zeros", 1).toArray()).allMatch(v -> v == 0.0));
        assertEquals("fan_in_uniform", Initializers.defaultInitializer().id());
        for (String name : Initializers.names()) {
            assertEquals(name, Initializers.byName(name).id());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers.byName("xavier"));
        assertTrue(e.getMessage().contains("xavier") && e.getMessage().contains("glorot_uniform"), e.getMessage());
    }
}
