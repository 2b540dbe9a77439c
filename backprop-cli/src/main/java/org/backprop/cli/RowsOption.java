package org.backprop.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Option;

/** The {@code --rows A:B} option of inspect and gradcheck: data rows as a Python slice. */
final class RowsOption {
    @Option(names = "--rows", paramLabel = "A:B", converter = RowRange.Converter.class,
            description = "Data rows A to B−1, as a Python slice: 0 is the first row after the header; an end "
                    + "past the data is clipped to it, with a warning (default: ${DEFAULT-VALUE}).",
            defaultValue = "0:4")
    RowRange rows;

    /**
     * --rows in a table of {@code available} rows: its end clipped to the data, with a warning on
     * {@code err} if it was; a start past the data is a usage error.
     */
    RowRange resolve(int available, PrintWriter err) {
        RowRange range = rows.within(available);
        if (rows.clipped(range)) {
            err.println("backprop: warning: --rows " + rows + ": the data has " + available + " rows; using " + range);
            err.flush();
        }
        return range;
    }
}
