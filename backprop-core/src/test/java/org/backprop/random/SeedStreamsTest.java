package org.backprop.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedStreamsTest {

    private static double[] draw(RandomSource random, int n) {
        return IntStream.range(0, n).mapToDouble(i -> random.nextDouble()).toArray();
    }

    @Test
    void sameRootSeedAndNameGiveTheSameSequence() {
        double[] first = draw(new SeedStreams(42).stream("init"), 100);
        double[] second = draw(new SeedStreams(42).stream("init"), 100);
        assertArrayEquals(first, second);
    }

    @Test
    void eachCallStartsTheStreamFromItsBeginning() {
        SeedStreams streams = new SeedStreams(42);
        RandomSource a = streams.stream("shuffle");
        draw(a, 10);
        assertArrayEquals(draw(new SeedStreams(42).stream("shuffle"), 5), draw(streams.stream("shuffle"), 5));
    }

    @Test
    void differentNamesGiveDifferentSequences() {
        SeedStreams streams = new SeedStreams(42);
        double[] init = draw(streams.stream("init"), 100);
        double[] shuffle = draw(streams.stream("shuffle"), 100);
        double[] dropout = draw(streams.stream("dropout"), 100);
        assertFalse(Arrays.equals(init, shuffle));
        assertFalse(Arrays.equals(init, dropout));
        assertFalse(Arrays.equals(shuffle, dropout));
    }

    @Test
    void differentRootSeedsGiveDifferentSequences() {
        assertFalse(Arrays.equals(draw(new SeedStreams(1).stream("init"), 100),
                draw(new SeedStreams(2).stream("init"), 100)));
    }

    @Test
    void streamSeedsAreDistinctForNearbyRootsAndNames() {
        long[] seeds = {
            new SeedStreams(0).streamSeed("init"), new SeedStreams(1).streamSeed("init"),
            new SeedStreams(0).streamSeed("init2"), new SeedStreams(0).streamSeed("tini"),
        };
        assertEquals(seeds.length, Arrays.stream(seeds).distinct().count());
    }

    @Test
    void hashAndMixAreTheFixedPublishedFunctions() {
        // Reference values of FNV-1a 64 ("a" -> af63dc4c8601ec8c) and SplitMix64's finalizer
        // (first output of SplitMix64 seeded with 0 is mix64(0x9E3779B97F4A7C15) = e220a8397b1dcdaf).
        assertEquals(0xAF63DC4C8601EC8CL, SeedStreams.fnv1a64("a".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(0xE220A8397B1DCDAFL, SeedStreams.mix64(0x9E3779B97F4A7C15L));
    }

    @Test
    void gaussiansAndIntsAreReproducibleToo() {
        RandomSource a = new SeedStreams(7).stream("dropout");
        RandomSource b = new SeedStreams(7).stream("dropout");
        for (int i = 0; i < 50; i++) {
            assertEquals(a.nextGaussian(), b.nextGaussian());
            int x = a.nextInt(10);
            assertEquals(x, b.nextInt(10));
            assertNotEquals(-1, x);
        }
    }

    @Test
    void rejectsEmptyNames() {
        assertThrows(IllegalArgumentException.class, () -> new SeedStreams(0).stream(""));
    }
}
