package org.backprop.io.preprocess;

import java.util.function.DoubleConsumer;
import java.util.function.Consumer;

/**
 * The k-th smallest of many values without copying them: radix selection on the values'
 * order-preserving 64-bit patterns, 16 bits a pass, so four passes over the values and 65,536
 * {@code int} counters (at most 2³¹ − 1 values) instead of an n-value copy to sort (e.g. the training median of a column of millions of
 * rows). The value is the one {@code Arrays.sort} puts at index k, bit for bit ({@code -0.0} before
 * {@code 0.0}). A caller that knows how many values there are ({@link #kthSmallest(Consumer, long,
 * long)}) gets at most {@link #SORTED_COPY_LIMIT} of them selected from a sorted copy instead (no
 * larger than the counters): a small table's column then costs one pass and a short sort, not four
 * passes that each clear and scan the 65,536 counters.
 */
public final class RankSelection {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;
    /** Up to this many values are selected from a sorted copy: 256 KB, the size of the counters. */
    static final int SORTED_COPY_LIMIT = BUCKETS / 2;

    private RankSelection() {
    }

    /**
     * The 0-based {@code k}-th smallest of the values that {@code values} passes to its consumer
     * (called once per pass; every call must pass the same values, none NaN).
     *
     * @throws IllegalArgumentException if k is not in [0, number of values)
     */
    public static double kthSmallest(Consumer<DoubleConsumer> values, long k) {
        return radixSelect(values, k);
    }

    /**
     * As {@link #kthSmallest(Consumer, long)} for {@code count} values (the number {@code values}
     * passes): up to {@link #SORTED_COPY_LIMIT} of them are copied in one pass and sorted.
     *
     * @throws IllegalArgumentException if k is not in [0, count) or the values are not {@code count}
     */
    public static double kthSmallest(Consumer<DoubleConsumer> values, long k, long count) {
        if (count > SORTED_COPY_LIMIT) {
            return radixSelect(values, k);
        }
        if (k < 0 || k >= count) {
            throw new IllegalArgumentException("rank " + k + " is beyond the " + count + " values");
        }
        double[] copy = new double[(int) count];
        int[] size = {0};
        values.accept(v -> {
            if (size[0] == copy.length) {
                throw new IllegalArgumentException("more values than the " + count + " announced");
            }
            copy[size[0]++] = v;
        });
        if (size[0] != count) {
            throw new IllegalArgumentException(size[0] + " values, not the " + count + " announced");
        }
        java.util.Arrays.sort(copy);
        return copy[(int) k];
    }

    private static double radixSelect(Consumer<DoubleConsumer> values, long k) {
        long prefix = 0;
        long remaining = k;
        int[] counts = new int[BUCKETS];
        for (int shift = Long.SIZE - BITS; shift >= 0; shift -= BITS) {
            java.util.Arrays.fill(counts, 0);
            int s = shift;
            long p = prefix;
            long highMask = s + BITS == Long.SIZE ? 0 : -1L << (s + BITS);
            values.accept(v -> {
                long key = key(v);
                if ((key & highMask) == p) {
                    counts[(int) (key >>> s) & (BUCKETS - 1)]++;
                }
            });
            int digit = 0;
            while (digit < BUCKETS && remaining >= counts[digit]) {
                remaining -= counts[digit];
                digit++;
            }
            if (digit == BUCKETS) {
                throw new IllegalArgumentException("rank " + k + " is beyond the values");
            }
            prefix |= (long) digit << shift;
        }
        return value(prefix);
    }

    /** The bit pattern of {@code v} with the unsigned order of the values (negatives reversed). */
    private static long key(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    private static double value(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
    }
}
