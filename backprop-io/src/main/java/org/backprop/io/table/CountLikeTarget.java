package org.backprop.io.table;

import java.util.Map;

/**
 * Tells a whole-number target of counts or measurements from one of class codes, among the few
 * distinct values {@link Target} would otherwise take as classes. Class codes (0/1, 1–5 ratings,
 * iris' 0/1/2) are few, run without gaps and have rows enough each; counts (cases, visits,
 * defects: esoph's {@code ncases}, 0 … 17) have a long tail: values that hardly occur, and values
 * within their range that do not occur at all. So a target looks like counts when it has
 * <ul>
 *   <li>at least {@value #MIN_VALUES} distinct values (more than a 1–5 rating scale),</li>
 *   <li>no negative value,</li>
 *   <li>gaps: fewer distinct values than the whole numbers from its least to its greatest, and</li>
 *   <li>at least {@value #MIN_SPARSE_VALUES} values with fewer than
 *       {@value Target#MIN_ROWS_PER_CLASS} rows each (classes too small to learn).</li>
 * </ul>
 * Such a target is a regression target unless the task is given. A target with the sparse values
 * but no gap (0 … 9, every value present) stays classes, with a hint ({@link #sparseHint}).
 */
final class CountLikeTarget {
    /** Distinct values a count-like target has at least. */
    static final int MIN_VALUES = 6;
    /** Values of fewer than {@value Target#MIN_ROWS_PER_CLASS} rows a count-like target has at least. */
    static final int MIN_SPARSE_VALUES = 3;

    private CountLikeTarget() {
    }

    /**
     * Why the whole-number target {@code name} whose values have {@code rowsByValue} rows each (values
     * written as digits) looks like counts, or null if it does not.
     */
    static String reason(String name, Map<String, Long> rowsByValue) {
        long[] range = range(rowsByValue);
        int sparse = sparse(rowsByValue);
        int distinct = rowsByValue.size();
        if (range == null || distinct < MIN_VALUES || range[0] < 0 || range[1] - range[0] + 1 <= distinct
                || sparse < MIN_SPARSE_VALUES) {
            return null;
        }
        return "target \"" + name + "\" looks like counts: " + distinct + " distinct whole numbers from " + range[0]
                + " to " + range[1] + " with gaps, " + sparse + " of them in fewer than " + Target.MIN_ROWS_PER_CLASS
                + " rows each, too few to be classes";
    }

    /**
     * For whole-number classes of which at least {@value #MIN_SPARSE_VALUES} have fewer than
     * {@value Target#MIN_ROWS_PER_CLASS} rows: what to do if they are counts ("; 3 of them in fewer
     * than 5 rows each: if they are counts or measurements, not class codes, use --task regression");
     * else "".
     */
    static String sparseHint(Map<String, Long> rowsByValue) {
        int sparse = sparse(rowsByValue);
        return range(rowsByValue) == null || sparse < MIN_SPARSE_VALUES ? "" : ", " + sparse + " of them in fewer than "
                + Target.MIN_ROWS_PER_CLASS + " rows each: if they are counts or measurements, not class codes, "
                + "use --task regression";
    }

    /** The values with fewer than {@link Target#MIN_ROWS_PER_CLASS} rows. */
    private static int sparse(Map<String, Long> rowsByValue) {
        return (int) rowsByValue.values().stream().filter(n -> n < Target.MIN_ROWS_PER_CLASS).count();
    }

    /** The least and greatest value, or null if a value is not a whole number written as digits. */
    private static long[] range(Map<String, Long> rowsByValue) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (String value : rowsByValue.keySet()) {
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return null;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return rowsByValue.isEmpty() ? null : new long[] {min, max};
    }
}
