package org.backprop.cli;

import picocli.CommandLine.Option;

/** The {@code --rows A:B} option of inspect and gradcheck: data rows as a Python slice. */
final class RowsOption {
    @Option(names = "--rows", paramLabel = "A:B", converter = RowRange.Converter.class,
            description = "Data rows A to B−1, as a Python slice: 0 is the first row after the header "
                    + "(default: ${DEFAULT-VALUE}).", defaultValue = "0:4")
    RowRange rows;
}
