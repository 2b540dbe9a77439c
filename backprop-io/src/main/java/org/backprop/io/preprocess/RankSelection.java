package org.backprop.io.preprocess;

import java.util.function.DoubleConsumer;
import java.util.function.Consumer;

/**
 * The k-th smallest of many values without copying them: radix selection on the values'
 * order-preserving 64-bit patterns, 16 bits a pass, so four passes over the values and 65,536
 * {@code int} counters (at most 2³¹ − 1 values) instead of an n-value copy to sort (e.g. the training median of a column of millions of
 * rows). At most {@link #SORTED_COPY_LIMIT} values (a copy no larger than the counters) are
 * copied and sorted instead, in the first pass: a small table's column then costs one pass and a
 * short sort, not four passes that each clear and scan the 65,536 counters. The value is the one
 * {@code Arrays.sort} puts at index k, bit for bit ({@code -0.0} before {@code 0.0}), either way.
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
        long prefix = 0;
        long remaining = k;
        int[] counts = new int[BUCKETS];
        SmallCopy copy = new SmallCopy();
        for (int shift = Long.SIZE - BITS; shift >= 0; shift -= BITS) {
            int s = shift;
            long p = prefix;
            if (s + BITS == Long.SIZE) {
                values.accept(v -> {
                    copy.add(v);
                    counts[(int) (key(v) >>> s)]++;
                });
                if (copy.values != null) {
                    if (k < 0 || k >= copy.size) {
                        throw new IllegalArgumentException("rank " + k + " is beyond the values");
                    }
                    java.util.Arrays.sort(copy.values, 0, copy.size);
                    return copy.values[(int) k];
                }
            } else {
                java.util.Arrays.fill(counts, 0);
                long highMask = -1L << (s + BITS);
                values.accept(v -> {
                    long key = key(v);
                    if ((key & highMask) == p) {
                        counts[(int) (key >>> s) & (BUCKETS - 1)]++;
                    }
                });
            }
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

    /** The first pass's copy of the values while there are at most {@link #SORTED_COPY_LIMIT}; then null. */
    private static final class SmallCopy {
        double[] values = new double[64];
        int size;

        void add(double v) {
            if (values == null) {
                return;
            }
            if (size == values.length) {
                if (size == SORTED_COPY_LIMIT) {
                    values = null;
                    return;
                }
                values = java.util.Arrays.copyOf(values, Math.min(2 * size, SORTED_COPY_LIMIT));
            }
            values[size++] = v;
        }
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
