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

    /** The row indices, clipped to a table of {@code rows} rows. */
    int[] indices(int rows) {
        if (from >= rows) {
            throw new UserError(ExitCodes.USAGE, "--rows " + this + ": the data has only " + rows + " rows");
        }
        return java.util.stream.IntStream.range(from, Math.min(to, rows)).toArray();
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
