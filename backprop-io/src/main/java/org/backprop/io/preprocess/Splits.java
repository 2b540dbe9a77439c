package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded train/validation/test splits of row indices.
 *
 * <p>The test fraction is what remains: {@code 1 - train - validation}. Counts are the exact
 * fractions rounded by the largest-remainder method, so they always add up to the row count (ties
 * go to train, then validation). Rows are shuffled with {@code new SplittableRandom(seed)} only, so
 * a split depends on nothing but its arguments. Stratified splits apply this per class (classes in
 * ascending order, one random stream), so each part keeps the class proportions as closely as
 * rounding allows.
 */
public final class Splits {
    private static final double TOLERANCE = 1e-9;

    private Splits() {
    }

    /** A plain random split of rows {@code 0..rows-1}. */
    public static Split random(int rows, double trainFraction, double validationFraction, long seed) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0: " + rows);
        }
        return stratified(new int[rows], trainFraction, validationFraction, seed);
    }

    /**
     * A split stratified by {@code classes[row]} (class indices, e.g. from {@link LabelEncoder}).
     *
     * @throws IllegalArgumentException if fractions are outside [0, 1], train is 0, they sum above 1,
     *                                  or a class index is negative
     */
    public static Split stratified(int[] classes, double trainFraction, double validationFraction, long seed) {
        double[] fractions = fractions(trainFraction, validationFraction);
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> groups = groupByClass(classes);
        int[] sizes = new int[3];
        for (int[] group : groups) {
            int[] counts = counts(group.length, fractions);
            for (int p = 0; p < sizes.length; p++) {
                sizes[p] += counts[p];
            }
        }
        int[][] parts = {new int[sizes[0]], new int[sizes[1]], new int[sizes[2]]};
        int[] filled = new int[3];
        for (int[] group : groups) {
            shuffle(group, random);
            int[] counts = counts(group.length, fractions);
            int start = 0;
            for (int p = 0; p < parts.length; p++) {
                System.arraycopy(group, start, parts[p], filled[p], counts[p]);
                filled[p] += counts[p];
                start += counts[p];
            }
        }
        for (int[] part : parts) {
            Arrays.sort(part);
        }
        return new Split(parts[0], parts[1], parts[2]);
    }

    /**
     * The validation rows of {@code stratified(classes, 1 - validation, validation, seed)} (or of
     * {@code random(n, 1 - validation, validation, seed)} with one class of n rows) from the class
     * sizes alone: for class c (ascending, as {@link #stratified} orders them) the set of positions
     * i, counting class c's rows in row order from 0, whose row is held out; every other row is a
     * training row. The same random stream is drawn in the same order as {@link #stratified}, so a
     * split computed where the rows live (e.g. on Spark executors, each row knowing its class and
     * its rank within the class) selects exactly the same rows. Holds one class's {@code int[]} at a
     * time.
     *
     * @param classSizes the rows of each class, classes in ascending order (empty classes allowed)
     * @throws IllegalArgumentException if {@code validation} is not in [0, 1)
     */
    public static BitSet[] validationRanks(int[] classSizes, double validation, long seed) {
        double[] fractions = fractions(1 - validation, validation);
        SplittableRandom random = new SplittableRandom(seed);
        BitSet[] held = new BitSet[classSizes.length];
        for (int c = 0; c < classSizes.length; c++) {
            held[c] = new BitSet(classSizes[c]);
            if (classSizes[c] == 0) {
                continue;
            }
            int[] positions = new int[classSizes[c]];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
            shuffle(positions, random);
            int[] counts = counts(positions.length, fractions);
            if (counts[2] != 0) {
                throw new IllegalStateException("a train/validation split of " + (1 - validation) + "/" + validation
                        + " left " + counts[2] + " rows in neither part");
            }
            for (int i = counts[0]; i < counts[0] + counts[1]; i++) {
                held[c].set(positions[i]);
            }
        }
        return held;
    }

    private static double[] fractions(double train, double validation) {
        if (!(train > 0 && train <= 1) || !(validation >= 0 && validation <= 1)
                || train + validation > 1 + TOLERANCE) {
            throw new IllegalArgumentException("need 0 < train <= 1, 0 <= validation and train + validation <= 1; got "
                    + train + " and " + validation);
        }
        return new double[] {train, validation, Math.max(0, 1 - train - validation)};
    }

    /** The rows of each class, ascending, classes in ascending order; no object per row. */
    private static List<int[]> groupByClass(int[] classes) {
        TreeMap<Integer, int[]> counts = new TreeMap<>();
        for (int row = 0; row < classes.length; row++) {
            if (classes[row] < 0) {
                throw new IllegalArgumentException("negative class index " + classes[row] + " at row " + row);
            }
            counts.computeIfAbsent(classes[row], k -> new int[1])[0]++;
        }
        Map<Integer, int[]> rowsOf = new HashMap<>();
        List<int[]> groups = new ArrayList<>();
        counts.forEach((k, count) -> {
            int[] rows = new int[count[0]];
            rowsOf.put(k, rows);
            groups.add(rows);
            count[0] = 0;
        });
        for (int row = 0; row < classes.length; row++) {
            int[] count = counts.get(classes[row]);
            rowsOf.get(classes[row])[count[0]++] = row;
        }
        return groups;
    }

    /** Fisher-Yates shuffle. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Largest-remainder rounding of {@code n * fractions[i]}, summing to {@code n}. */
    static int[] counts(int n, double[] fractions) {
        int[] counts = new int[fractions.length];
        double[] remainders = new double[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            double exact = n * fractions[i];
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (; assigned < n; assigned++) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                best = remainders[i] > remainders[best] ? i : best;
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }
}
