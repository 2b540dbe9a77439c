package org.backprop.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.backprop.golden.GoldenFile;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NumpyRandom} against NumPy's legacy RandomState, bit for bit. Every expected number comes
 * from {@code golden/numpy_random_seed<S>.txt}, written by {@code src/test/python/numpy_random_golden.py};
 * each golden case starts from a fresh {@code np.random.seed(S)}.
 */
class NumpyRandomTest {
    private static final long[] GOLDEN_SEEDS = {0L, 12345L, 4294967295L};
    private static final int[] RANDINT_BOUNDS = {1, 2, 3, 7, 100, 500, 5000, Integer.MAX_VALUE};

    static LongStream goldenSeeds() {
        return LongStream.of(GOLDEN_SEEDS);
    }

    private static GoldenFile golden(long seed) {
        return GoldenFile.load("numpy_random_seed" + seed + ".txt");
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void randMatchesNumpy(long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        double[] actual = IntStream.range(0, 20).mapToDouble(i -> random.nextDouble()).toArray();
        assertArrayEquals(golden(seed).doubles("rand"), actual);
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void fillIsRandInRowMajorOrder(long seed) {
        Matrix m = new NumpyRandom(seed).fill(Matrix.zeros(3, 4));
        assertArrayEquals(golden(seed).doubles("rand_3x4"), m.toArray());
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void uniformMatchesNumpyWithTheNotebookInitBounds(long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        double bound = 1 / Math.sqrt(100);
        double[] actual = IntStream.range(0, 20).mapToDouble(i -> random.uniform(-bound, bound)).toArray();
        assertArrayEquals(golden(seed).doubles("uniform_notebook_W1"), actual);
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void uniformMatchesNumpy(long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        double[] actual = IntStream.range(0, 20).mapToDouble(i -> random.uniform(-3.0, 5.0)).toArray();
        assertArrayEquals(golden(seed).doubles("uniform_minus3_5"), actual);
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void fillUniformIsUniformInRowMajorOrder(long seed) {
        Matrix m = new NumpyRandom(seed).fillUniform(Matrix.zeros(2, 5), -3.0, 5.0);
        assertArrayEquals(golden(seed).doubles("uniform_2x5_minus3_5"), m.toArray());
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void shuffleOfSmallArangeMatchesNumpy(long seed) {
        assertArrayEquals(golden(seed).ints("shuffle_17"), shuffledArange(new NumpyRandom(seed), 17));
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void twoConsecutiveShufflesOfArange5000MatchNumpy(long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        assertArrayEquals(golden(seed).ints("shuffle_5000"), shuffledArange(random, 5000));
        assertArrayEquals(golden(seed).ints("shuffle_5000_second"), shuffledArange(random, 5000));
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void nextIntMatchesRandintFromZero(long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        int[] actual = IntStream.of(RANDINT_BOUNDS).map(random::nextInt).toArray();
        assertArrayEquals(golden(seed).ints("randint_bounds"), actual);
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void nextGaussianMatchesStandardNormal(long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        double[] actual = IntStream.range(0, 21).mapToDouble(i -> random.nextGaussian()).toArray();
        assertArrayEquals(golden(seed).doubles("standard_normal"), actual);
    }

    @ParameterizedTest
    @MethodSource("goldenSeeds")
    void cachedGaussianSurvivesInterleavedRand(long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        double[] actual = new double[14];
        for (int i = 0; i < actual.length; i += 2) {
            actual[i] = random.nextGaussian();
            actual[i + 1] = random.nextDouble();
        }
        assertArrayEquals(golden(seed).doubles("normal_rand_interleaved"), actual);
    }

    @Test
    void everyGoldenSeedIsCovered() {
        for (long seed : GOLDEN_SEEDS) {
            assertEquals(11, golden(seed).keys().length, "cases in golden file for seed " + seed);
        }
    }

    @Test
    void rejectsSeedsNumpyRejects() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(1L << 32));
    }

    @Test
    void randomIntervalStaysWithinItsInclusiveMaximum() {
        NumpyRandom random = new NumpyRandom(7);
        for (int i = 0; i < 1000; i++) {
            long v = random.randomInterval(4294967295L);
            assertTrue(v >= 0 && v <= 4294967295L, "value " + v);
            assertEquals(0, random.randomInterval(0));
        }
    }

    private static int[] shuffledArange(RandomSource random, int n) {
        int[] values = IntStream.range(0, n).toArray();
        random.shuffle(values);
        return values;
    }
}
