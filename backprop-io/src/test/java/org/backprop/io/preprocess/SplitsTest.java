package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private static void assertPartition(Split s, int rows) {
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, rows).toArray(), all);
    }

    @Test
    void randomSplitSizesAndPartition() {
        Split s = Splits.random(10, 0.7, 0.2, 42);
        assertEquals(7, s.train().length);
        assertEquals(2, s.validation().length);
        assertEquals(1, s.test().length);
        assertPartition(s, 10);
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        Split a = Splits.random(100, 0.6, 0.2, 7);
        Split b = Splits.random(100, 0.6, 0.2, 7);
        Split c = Splits.random(100, 0.6, 0.2, 8);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.train(), c.train()));
    }

    @Test
    void pinnedValuesGuardDeterminismAcrossChanges() {
        Split s = Splits.random(6, 0.5, 0.25, 1);
        assertEquals(3, s.train().length);
        assertEquals(2, s.validation().length, "1.5 rounds up by largest remainder (tie: validation before test)");
        assertEquals(1, s.test().length);
        assertEquals(PINNED, Arrays.toString(s.train()) + Arrays.toString(s.validation()) + Arrays.toString(s.test()));
    }

    private static final String PINNED = "[0, 1, 3][4, 5][2]";

    @Test
    void stratifiedKeepsClassProportions() {
        int[] classes = new int[100];
        Arrays.fill(classes, 80, 100, 1);
        Split s = Splits.stratified(classes, 0.5, 0.25, 3);
        assertPartition(s, 100);
        assertEquals(40, Arrays.stream(s.train()).filter(r -> classes[r] == 0).count());
        assertEquals(10, Arrays.stream(s.train()).filter(r -> classes[r] == 1).count());
        assertEquals(5, Arrays.stream(s.validation()).filter(r -> classes[r] == 1).count());
        assertEquals(5, Arrays.stream(s.test()).filter(r -> classes[r] == 1).count());
    }

    @Test
    void singletonClassGoesToTrain() {
        Split s = Splits.stratified(new int[] {0, 0, 0, 0, 1}, 0.6, 0.2, 5);
        assertEquals(1, Arrays.stream(s.train()).filter(r -> r == 4).count());
    }

    @Test
    void countsAlwaysAddUp() {
        for (int n = 0; n < 50; n++) {
            int[] c = Splits.counts(n, new double[] {0.8, 0.1, 1 - 0.8 - 0.1});
            assertEquals(n, c[0] + c[1] + c[2]);
        }
        assertArrayEquals(new int[] {8, 1, 1}, Splits.counts(10, new double[] {0.8, 0.1, 1 - 0.8 - 0.1}));
    }

    @Test
    void invalidFractionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Splits.random(10, 0, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.random(10, 0.8, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.random(10, Double.NaN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(new int[] {-1}, 0.5, 0, 1));
    }

    @Test
    void validationRanksSelectTheRowsOfTheStratifiedAndRandomSplits() {
        int[] classes = new java.util.SplittableRandom(3).ints(997, 0, 4).toArray();
        classes[5] = 6;
        for (double v : new double[] {0.1, 0.25, 0.5}) {
            int[] sizes = new int[7];
            int[] rank = new int[classes.length];
            for (int r = 0; r < classes.length; r++) {
                rank[r] = sizes[classes[r]]++;
            }
            java.util.BitSet[] held = Splits.validationRanks(sizes, v, 11);
            int[] expected = Splits.stratified(classes, 1 - v, v, 11).validation();
            int[] got = IntStream.range(0, classes.length).filter(r -> held[classes[r]].get(rank[r])).toArray();
            assertArrayEquals(expected, got, "stratified, validation " + v);
            java.util.BitSet one = Splits.validationRanks(new int[] {classes.length}, v, 11)[0];
            assertArrayEquals(Splits.random(classes.length, 1 - v, v, 11).validation(), one.stream().toArray(),
                    "random, validation " + v);
        }
    }
}
