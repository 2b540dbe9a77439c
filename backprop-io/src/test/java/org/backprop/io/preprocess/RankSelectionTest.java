package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RankSelection} finds the value {@code Arrays.sort} puts at each rank, bit for bit, by radix
 * selection and, given the count, from a sorted copy (up to {@link RankSelection#SORTED_COPY_LIMIT}
 * values) or by radix selection (more).
 */
class RankSelectionTest {

    private static double[] values(int n) {
        SplittableRandom random = new SplittableRandom(11);
        double[] values = new double[n];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 6) {
                case 0 -> random.nextGaussian() * 1e-300;
                case 1 -> -random.nextDouble();
                case 2 -> Math.round(random.nextGaussian() * 3); // ties
                case 3 -> i % 12 == 3 ? 0.0 : -0.0;
                case 4 -> random.nextGaussian() * 1e300;
                default -> i % 5 == 0 ? Double.MIN_VALUE : -Double.MAX_VALUE;
            };
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 301, RankSelection.SORTED_COPY_LIMIT, RankSelection.SORTED_COPY_LIMIT + 1})
    void everyRankIsTheSortedValue(int n) {
        double[] values = values(n);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int step = n <= 301 ? 1 : 97;   // radix selection reads the values 4 times a rank: a sample of ranks
        int[] ranks = IntStream.concat(IntStream.iterate(0, k -> k < n, k -> k + step), IntStream.of(n - 1)).toArray();
        for (int k : ranks) {
            double radix = RankSelection.kthSmallest(sink -> Arrays.stream(values).forEach(sink), k);
            assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(radix), "rank " + k);
            double counted = RankSelection.kthSmallest(sink -> Arrays.stream(values).forEach(sink), k, n);
            assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(counted), "rank " + k);
        }
        assertThrows(IllegalArgumentException.class,
                () -> RankSelection.kthSmallest(sink -> Arrays.stream(values).forEach(sink), n));
        assertThrows(IllegalArgumentException.class,
                () -> RankSelection.kthSmallest(sink -> Arrays.stream(values).forEach(sink), n, n));
    }

    @Test
    void aCountThatDoesNotMatchTheValuesIsAnError() {
        double[] values = values(10);
        assertThrows(IllegalArgumentException.class,
                () -> RankSelection.kthSmallest(sink -> Arrays.stream(values).forEach(sink), 0, 9));
        assertThrows(IllegalArgumentException.class,
                () -> RankSelection.kthSmallest(sink -> Arrays.stream(values).forEach(sink), 0, 11));
    }
}
