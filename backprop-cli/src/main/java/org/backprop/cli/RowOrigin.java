package org.backprop.cli;

import java.util.List;
import java.util.function.IntToLongFunction;

import org.backprop.io.DataException;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.RowSet;

/**
 * Where the rows of a set come from, so that a problem found after reading (an overflowing value,
 * a non-finite prediction) still names the file, line and column.
 *
 * @param source  the file's name as shown in messages
 * @param lines   the 1-based line of each row (by its 0-based position in the set), or null when
 *                unknown (rows are then named by their 1-based position)
 * @param columns the file's column names, in file order
 */
record RowOrigin(String source, IntToLongFunction lines, List<String> columns) {

    /** The origin of every row of {@code table}, in order. */
    static RowOrigin of(ColumnarTable table) {
        return new RowOrigin(table.source(), table::line, table.columnNames());
    }

    /** The origin of rows {@code rows} of {@code table}, in that order (e.g. the training rows). */
    static RowOrigin of(ColumnarTable table, RowSet rows) {
        return rows.isAll() ? of(table) : new RowOrigin(table.source(), r -> table.line(rows.tableRow(r)),
                table.columnNames());
    }

    /** Rows of {@code source} whose lines are not known, named by position. */
    static RowOrigin positions(String source) {
        return new RowOrigin(source, null, List.of());
    }

    /** The origin of the given rows, in the given order. */
    RowOrigin select(int[] rows) {
        if (lines == null) {
            return this;
        }
        IntToLongFunction all = lines;
        return new RowOrigin(source, r -> all.applyAsLong(rows[r]), columns);
    }

    /** A data error at row {@code row}, column {@code column} (a name; its file position is looked up). */
    DataException.Builder cell(int row, String column) {
        DataException.Builder at = lines == null ? DataException.in(source + ", row " + (row + 1))
                : DataException.in(source).line(lines.applyAsLong(row));
        return at.column(columns.indexOf(column) + 1, column);
    }
}
