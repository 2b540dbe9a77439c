package org.backprop.cli;

import picocli.CommandLine;

/**
 * Data rows {@code from} (inclusive) to {@code to} (exclusive), 0-based, as a Python slice
 * {@code A:B}; 0 is the first row after the header.
 */
record RowRange(int from, int to) {

    /** Parses {@code A:B} with 0 ≤ A < B. */
    static RowRange parse(String text) {
        String[] parts = text.split(":", -1);
        try {
            if (parts.length == 2) {
                RowRange r = new RowRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                if (r.from >= 0 && r.to > r.from) {
                    return r;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.TypeConversionException("expected A:B with 0 <= A < B (e.g. 0:4), got '" + text + "'");
    }

    /**
     * This range in a table of {@code rows} rows: the end clipped to the last row (see
     * {@link #clipped}); a start past the last row is a usage error naming the valid range.
     */
    RowRange within(int rows) {
        if (from >= rows) {
            throw new UserError(ExitCodes.USAGE, "--rows " + this + ": the data has only " + rows
                    + (rows == 1 ? " row" : " rows") + ", 0:" + rows + " is all of them");
        }
        return to <= rows ? this : new RowRange(from, rows);
    }

    /** True if {@code within} (this range {@link #within} a table) ends before this range. */
    boolean clipped(RowRange within) {
        return within.to < to;
    }

    /** The row indices. */
    int[] indices() {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Override
    public String toString() {
        return from + ":" + to;
    }

    /** The picocli converter. */
    static final class Converter implements CommandLine.ITypeConverter<RowRange> {
        @Override
        public RowRange convert(String value) {
            return parse(value);
        }
    }
}
