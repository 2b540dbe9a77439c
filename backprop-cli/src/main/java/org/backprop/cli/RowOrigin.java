package org.backprop.cli;

import java.util.List;

import org.backprop.io.DataException;
import org.backprop.io.csv.ColumnarTable;

/**
 * Where the rows of a {@link LabeledRows} come from, so that a problem found after reading (an
 * overflowing value, a non-finite prediction) still names the file, line and column.
 *
 * @param source  the file's name as shown in messages
 * @param lines   the 1-based line of each row, in row order, or null when unknown (rows are then
 *                named by their 1-based position)
 * @param columns the file's column names, in file order
 */
record RowOrigin(String source, long[] lines, List<String> columns) {

    /** The origin of every row of {@code table}, in order. */
    static RowOrigin of(ColumnarTable table) {
        long[] lines = new long[table.rowCount()];
        for (int r = 0; r < lines.length; r++) {
            lines[r] = table.line(r);
        }
        return new RowOrigin(table.source(), lines, table.columnNames());
    }

    /** Rows of {@code source} whose lines are not known (e.g. a split of the data), named by position. */
    static RowOrigin positions(String source) {
        return new RowOrigin(source, null, List.of());
    }

    /** The origin of the given rows, in the given order. */
    RowOrigin select(int[] rows) {
        if (lines == null) {
            return this;
        }
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = lines[rows[i]];
        }
        return new RowOrigin(source, out, columns);
    }

    /** A data error at row {@code row}, column {@code column} (a name; its file position is looked up). */
    DataException.Builder cell(int row, String column) {
        DataException.Builder at = lines == null ? DataException.in(source + ", row " + (row + 1))
                : DataException.in(source).line(lines[row]);
        return at.column(columns.indexOf(column) + 1, column);
    }
}
