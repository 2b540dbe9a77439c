package org.backprop.io.preprocess;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * Rows of a table that form one set (the training rows, the validation rows, …), in ascending
 * table order or in a listed order: row {@code i} of the set is table row {@link #tableRow(int)
 * tableRow(i)}. Held compactly: every row of a table holds nothing per row; a list holds one
 * {@code int} per row of the set; every row but a few (the training rows beside a validation
 * split) holds one {@code int} per row left out, so that a 10 % validation split costs 0.4 bytes per
 * table row rather than 4.
 *
 * <p>{@link #tableRow} of a set of every row but a few searches the rows left out (O(log k));
 * {@link #iterator()} and {@link #tableRows} walk a run of rows in O(1) per row. Immutable; reads
 * may run on several threads at once.
 */
public final class RowSet {
    private final int size;
    /** The rows of the set (listed), the rows left out (complement), or null (every row). */
    private final int[] rows;
    private final boolean complement;

    private RowSet(int size, int[] rows, boolean complement) {
        this.size = size;
        this.rows = rows;
        this.complement = complement;
    }

    /** Rows {@code 0 … n − 1} of a table of {@code n} rows, in order. */
    public static RowSet all(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a table of " + n + " rows");
        }
        return new RowSet(n, null, false);
    }

    /** The table rows {@code rows}, in that order (the array is held, not copied). */
    public static RowSet of(int[] rows) {
        return new RowSet(rows.length, rows, false);
    }

    /**
     * Rows {@code 0 … n − 1} of a table of {@code n} rows except {@code leftOut}, in ascending order
     * (the array is held, not copied).
     *
     * @param leftOut strictly ascending rows in [0, n)
     * @throws IllegalArgumentException if {@code leftOut} is not strictly ascending within [0, n)
     */
    public static RowSet allBut(int n, int[] leftOut) {
        for (int j = 0; j < leftOut.length; j++) {
            if (leftOut[j] < 0 || leftOut[j] >= n || (j > 0 && leftOut[j] <= leftOut[j - 1])) {
                throw new IllegalArgumentException("rows left out must ascend within [0, " + n + "): " + leftOut[j]
                        + " at " + j);
            }
        }
        return leftOut.length == 0 ? all(n) : new RowSet(n - leftOut.length, leftOut, true);
    }

    /** Number of rows in the set. */
    public int size() {
        return size;
    }

    /** True if the set is every row of the table in order (row i is table row i). */
    public boolean isAll() {
        return rows == null;
    }

    /** The table row of row {@code i} of the set. */
    public int tableRow(int i) {
        java.util.Objects.checkIndex(i, size);
        if (rows == null) {
            return i;
        }
        return complement ? i + leftOutBefore(i) : rows[i];
    }

    /**
     * Writes the table rows of rows {@code [from, to)} of the set into {@code out} from index
     * {@code at}.
     */
    public void tableRows(int from, int to, int[] out, int at) {
        java.util.Objects.checkFromToIndex(from, to, size);
        if (rows == null) {
            for (int i = from; i < to; i++) {
                out[at++] = i;
            }
        } else if (!complement) {
            System.arraycopy(rows, from, out, at, to - from);
        } else if (from < to) {
            int next = leftOutBefore(from);
            int row = from + next;
            for (int i = from; i < to; i++, row++) {
                while (next < rows.length && rows[next] == row) {
                    next++;
                    row++;
                }
                out[at++] = row;
            }
        }
    }

    /** The table rows of rows {@code [from, to)} of the set, as a new array. */
    public int[] tableRows(int from, int to) {
        int[] out = new int[to - from];
        tableRows(from, to, out, 0);
        return out;
    }

    /** The table rows of the set in its order, walked without searching. */
    public PrimitiveIterator.OfInt iterator() {
        return new PrimitiveIterator.OfInt() {
            private int i;
            private int next;
            private int row;

            @Override
            public boolean hasNext() {
                return i < size;
            }

            @Override
            public int nextInt() {
                if (i >= size) {
                    throw new NoSuchElementException();
                }
                if (rows != null && !complement) {
                    return rows[i++];
                }
                if (complement) {
                    while (next < rows.length && rows[next] == row) {
                        next++;
                        row++;
                    }
                }
                i++;
                return row++;
            }
        };
    }

    /** The given rows of this set (0-based positions in it), in the given order, as a listed set. */
    public RowSet select(int[] positions) {
        int[] picked = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            picked[k] = tableRow(positions[k]);
        }
        return of(picked);
    }

    /**
     * For a set of every row but {@code rows}: how many rows left out come before row {@code i} of
     * the set, i.e. the number of j with {@code rows[j] − j ≤ i} ({@code rows[j] − j} is the
     * number of the set's rows before left-out row j, ascending in j).
     */
    private int leftOutBefore(int i) {
        int lo = 0;
        int hi = rows.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows[mid] - mid <= i) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return rows == null ? "all " + size + " rows" : complement ? size + " rows (all but "
                + Arrays.toString(Arrays.copyOf(rows, Math.min(rows.length, 8))) + (rows.length > 8 ? "…" : "") + ")"
                : size + " listed rows";
    }
}
