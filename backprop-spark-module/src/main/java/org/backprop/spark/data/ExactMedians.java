package org.backprop.spark.data;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.NumericEncoder;

/**
 * The exact medians of numeric columns over the training rows, by distributed radix selection:
 * each value becomes a 64-bit key in the order of {@link java.util.Arrays#sort(double[])} (so
 * -0.0 before 0.0), and each of {@value #PASSES} Spark jobs counts, per column and middle rank, the
 * keys under the prefix found so far in {@value #BUCKETS} buckets of the next {@value #BITS} bits;
 * the driver picks the bucket holding the rank. Only these counts travel (a few KiB per column and
 * partition), never a value list. The result is the median {@code backprop train} computes by
 * sorting, bit for bit.
 */
final class ExactMedians {
    static final int BITS = 13;
    static final int BUCKETS = 1 << BITS;
    static final int PASSES = (64 + BITS - 1) / BITS;

    private ExactMedians() {
    }

    /**
     * The medians of {@code columns} (null for a column without values), each over the non-missing
     * cells of the training rows (those of {@code holdout}, or null: every row with a target);
     * {@code counts[j]} is that number of cells.
     */
    static Double[] of(JavaRDD<TablePart> parts, String target, Broadcast<Holdout> holdout, List<String> columns,
                       long[] counts) {
        int k = columns.size();
        long[] lowRank = new long[k];
        long[] highRank = new long[k];
        long[] lowPrefix = new long[k];
        long[] highPrefix = new long[k];
        for (int j = 0; j < k; j++) {
            lowRank[j] = (counts[j] - 1) / 2;
            highRank[j] = counts[j] / 2;
        }
        String[] names = columns.toArray(new String[0]);
        for (int pass = 0; pass < PASSES; pass++) {
            int shift = Math.max(0, 64 - (pass + 1) * BITS);
            int known = 64 - Math.min(64, pass * BITS);
            long[] lp = lowPrefix.clone();
            long[] hp = highPrefix.clone();
            long[][] hist = parts.map(part -> histogram(part, target, holdout == null ? null : holdout.value(), names, lp, hp, known,
                            shift))
                    .reduce(ExactMedians::add);
            for (int j = 0; j < k; j++) {
                if (counts[j] == 0) {
                    continue;
                }
                lowRank[j] = pick(hist[2 * j], lowRank[j], j, lowPrefix, shift);
                highRank[j] = pick(hist[2 * j + 1], highRank[j], j, highPrefix, shift);
            }
        }
        Double[] medians = new Double[k];
        for (int j = 0; j < k; j++) {
            medians[j] = counts[j] == 0 ? null
                    : NumericEncoder.median(value(lowPrefix[j]), value(highPrefix[j]), counts[j]);
        }
        return medians;
    }

    /** Chooses the bucket holding {@code rank}, extends {@code prefix[j]} with it; returns the rank within it. */
    private static long pick(long[] hist, long rank, int j, long[] prefix, int shift) {
        long before = 0;
        for (int b = 0; b < hist.length; b++) {
            if (rank < before + hist[b]) {
                prefix[j] |= (long) b << shift;
                return rank - before;
            }
            before += hist[b];
        }
        throw new IllegalStateException("rank " + rank + " beyond " + before + " values");
    }

    private static long[][] histogram(TablePart part, String target, Holdout holdout, String[] names, long[] lowPrefix,
                                      long[] highPrefix, int unknownBits, int shift) {
        long[][] hist = new long[2 * names.length][BUCKETS];
        if (part.table() == null) {
            return hist;
        }
        ColumnarTable table = part.table();
        boolean[] train = TableProfile.rows(table, target, part.partition(), holdout, false);
        long known = unknownBits >= 64 ? 0 : -1L << unknownBits;
        for (int j = 0; j < names.length; j++) {
            Column c = table.column(names[j]);
            for (int r = 0; r < train.length; r++) {
                double v = c.number(r);
                if (!train[r] || Double.isNaN(v)) {
                    continue;
                }
                long key = key(v);
                int bucket = (int) ((key >>> shift) & (BUCKETS - 1));
                if ((key & known) == lowPrefix[j]) {
                    hist[2 * j][bucket]++;
                }
                if ((key & known) == highPrefix[j]) {
                    hist[2 * j + 1][bucket]++;
                }
            }
        }
        return hist;
    }

    private static long[][] add(long[][] a, long[][] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] += b[i][j];
            }
        }
        return a;
    }

    /** An unsigned key in the order of {@code Arrays.sort(double[])} for non-NaN values. */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    }

    static double value(long key) {
        return Double.longBitsToDouble(key < 0 ? key & Long.MAX_VALUE : ~key);
    }
}
