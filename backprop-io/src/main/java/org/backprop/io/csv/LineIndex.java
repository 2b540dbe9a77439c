package org.backprop.io.csv;

import java.util.Arrays;

/**
 * The 1-based line on which each data row starts, stored as a step function: one entry per row
 * whose line is not the previous row's line + 1 (after a quoted cell spanning lines), so a file
 * without such cells costs a constant.
 */
final class LineIndex implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private int[] rows = new int[4];
    private long[] lines = new long[4];
    private int steps;
    /** The line of the next row if it follows the last one added directly. */
    private long nextLine;

    /** Records that row {@code row} (added in order, from 0) starts on {@code line}. */
    void add(int row, long line) {
        if (steps > 0 && line == nextLine) {
            nextLine++;
            return;
        }
        nextLine = line + 1;
        if (steps == rows.length) {
            rows = Arrays.copyOf(rows, steps * 2);
            lines = Arrays.copyOf(lines, steps * 2);
        }
        rows[steps] = row;
        lines[steps] = line;
        steps++;
    }

    /** The line of row {@code row} (0-based). */
    long line(int row) {
        int i = Arrays.binarySearch(rows, 0, steps, row);
        int step = i >= 0 ? i : -i - 2;
        return lines[step] + (row - rows[step]);
    }
}
