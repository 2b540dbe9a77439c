package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.MissingValues;

/**
 * Finds a spreadsheet's summary row at the top or bottom of a table ({@code Total,14682,3036.79,…}),
 * which {@code train} would otherwise learn from as one more, far-off row: the first or last row
 * whose text cell says {@link #WORDS a total} (case-insensitive), or whose numbers are the sums of the
 * other rows' columns (within rounding: a relative {@value #RELATIVE_TOLERANCE} of the column's
 * absolute sum) in at least two columns and at least half its numeric cells. Only says so; the data
 * stays as read.
 */
public final class SummaryRows {
    /** Cell texts that name a summary row. */
    public static final Set<String> WORDS = Set.of("total", "totals", "sum", "grand total");
    /** How far a total may be from the exact sum, relative to the column's sum of absolute values. */
    public static final double RELATIVE_TOLERANCE = 1e-4;
    /** The fewest rows (the summary row included) in which numbers equal to sums count as a summary row. */
    public static final int MIN_ROWS_FOR_SUMS = 6;

    private SummaryRows() {
    }

    /**
     * The warning for each of the first and last rows of {@code table} that looks like a summary row
     * ({@code line 302 looks like a summary row ("Total"; its numbers are the sums of the other rows):
     * ...}), none for a table of fewer than 3 rows.
     */
    public static List<String> warnings(ColumnarTable table) {
        List<String> out = new ArrayList<>();
        int n = table.rowCount();
        if (n < 3) {
            return out;
        }
        for (int row : new int[] {0, n - 1}) {
            String word = totalWord(table, row);
            boolean sums = holdsSums(table, row);
            if (word != null || sums) {
                out.add("line " + table.line(row) + " looks like a summary row (" + (word != null ? "\"" + word + "\""
                        + (sums ? "; " : "") : "") + (sums ? "its numbers are the sums of the other rows" : "")
                        + "), and is trained on as data: remove it");
            }
        }
        return out;
    }

    /** The text of {@code row} that names a total, or null. */
    private static String totalWord(ColumnarTable table, int row) {
        for (String name : table.columnNames()) {
            Column c = table.kept(name);
            if (c != null && c.hasText() && c.code(row) != Column.MISSING) {
                String text = MissingValues.strip(c.level(c.code(row)));
                if (WORDS.contains(text.toLowerCase(Locale.ROOT))) {
                    return text;
                }
            }
        }
        return null;
    }

    /**
     * True if {@code row}'s numbers are the sums of the other rows' in enough columns, in a table of at
     * least {@value #MIN_ROWS_FOR_SUMS} rows (in fewer, sums happen by chance: 1,2 / 2,4 / 3,6).
     */
    private static boolean holdsSums(ColumnarTable table, int row) {
        if (table.rowCount() < MIN_ROWS_FOR_SUMS) {
            return false;
        }
        int numbers = 0;
        int sums = 0;
        for (String name : table.columnNames()) {
            Column c = table.kept(name);
            if (c == null || !c.hasNumbers() || c.numberCount() < 3 || Double.isNaN(c.number(row))) {
                continue;
            }
            double v = c.number(row);
            double rest = 0;
            double absolute = 0;
            for (int r = 0; r < c.rows(); r++) {
                double x = c.number(r);
                if (r != row && !Double.isNaN(x)) {
                    rest += x;
                    absolute += Math.abs(x);
                }
            }
            numbers++;
            if (absolute > 0 && Math.abs(v - rest) <= RELATIVE_TOLERANCE * absolute) {
                sums++;
            }
        }
        return sums >= 2 && 2 * sums >= numbers;
    }
}
