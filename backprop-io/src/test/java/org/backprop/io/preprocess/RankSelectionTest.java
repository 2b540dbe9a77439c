package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link RankSelection} finds the value {@code Arrays.sort} puts at each rank, bit for bit. */
class RankSelectionTest {

    @Test
    void everyRankIsTheSortedValue() {
        SplittableRandom random = new SplittableRandom(11);
        double[] values = new double[301];
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
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < values.length; k++) {
            double selected = RankSelection.kthSmallest(sink -> Arrays.stream(values).forEach(sink), k);
            assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(selected), "rank " + k);
        }
        assertThrows(IllegalArgumentException.class,
                () -> RankSelection.kthSmallest(sink -> Arrays.stream(values).forEach(sink), values.length));
    }
}
