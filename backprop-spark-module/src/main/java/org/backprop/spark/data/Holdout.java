package org.backprop.spark.data;

import java.io.Serializable;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.Splits;
import org.backprop.io.table.Target;

/**
 * The validation rows of a distributed table, chosen exactly as {@code backprop train} chooses them
 * ({@link Splits#stratified} for classification, {@link Splits#random} for regression, over the
 * rows with a target, from the seed): the driver draws, from the class sizes alone, which ranks
 * within each class are held out ({@link Splits#validationRanks}); each executor finds, for each of
 * its rows, its class and its rank within the class (the rows of that class in earlier partitions,
 * counted by the profile pass, plus those before it in its partition) and looks the rank up. So no
 * row travels, the split does not depend on how the input is partitioned, and the same seed holds
 * out the same rows as {@code backprop train}. Broadcast once; it holds one bit per row with a
 * target and one count per partition and class.
 */
final class Holdout implements Serializable {
    private static final long serialVersionUID = 1L;
    /** [partition][class]: rows of the class with a target in the earlier partitions. */
    private final long[][] offsets;
    /** Per class, the held-out ranks. */
    private final BitSet[] held;
    /** The classes in the split's order (classification), or null: one group of every row (regression). */
    private final List<String> classes;
    private final long validationRows;

    private Holdout(long[][] offsets, BitSet[] held, List<String> classes) {
        this.offsets = offsets;
        this.held = held;
        this.classes = classes;
        long n = 0;
        for (BitSet b : held) {
            n += b.cardinality();
        }
        this.validationRows = n;
    }

    /**
     * Draws the split of fraction {@code validation} with {@code seed}.
     *
     * @param perPartition each partition's count of rows with a target by class label (classification),
     *                     or under the key "" (regression), in partition order
     * @param classes      the class labels in the encoder's order (classification), or null
     */
    static Holdout draw(List<Map<String, Long>> perPartition, List<String> classes, double validation, long seed) {
        int k = classes == null ? 1 : classes.size();
        long[][] offsets = new long[perPartition.size()][k];
        long[] sizes = new long[k];
        for (int p = 0; p < perPartition.size(); p++) {
            offsets[p] = sizes.clone();
            for (int c = 0; c < k; c++) {
                sizes[c] += perPartition.get(p).getOrDefault(classes == null ? "" : classes.get(c), 0L);
            }
        }
        int[] classSizes = new int[k];
        for (int c = 0; c < k; c++) {
            classSizes[c] = Math.toIntExact(sizes[c]);
        }
        return new Holdout(offsets, Splits.validationRanks(classSizes, validation, seed), classes);
    }

    /** The held-out rows over all partitions. */
    long validationRows() {
        return validationRows;
    }

    /**
     * Which rows of partition {@code partition} ({@code table}) belong to the set: training rows
     * ({@code validation} false: a target and not held out) or validation rows (held out).
     */
    boolean[] rows(ColumnarTable table, String target, int partition, boolean validation) {
        boolean[] in = new boolean[table.rowCount()];
        Column t = table.column(target);
        long[] seen = offsets[partition].clone();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; classes != null && c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        for (int r = 0; r < in.length; r++) {
            if (t.isMissing(r)) {
                continue;
            }
            int c = classes == null ? 0 : index.get(Target.label(t, r));
            boolean isHeld = held[c].get(Math.toIntExact(seen[c]++));
            in[r] = isHeld == validation;
        }
        return in;
    }
}
