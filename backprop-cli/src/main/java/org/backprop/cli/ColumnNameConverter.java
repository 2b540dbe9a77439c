package org.backprop.cli;

import org.backprop.io.csv.HeaderName;

import picocli.CommandLine.ITypeConverter;

/**
 * Reads a column name given on the command line ({@code --target}, {@code --features},
 * {@code --categorical}, {@code --numeric}, {@code --ignore}, {@code --embed}, {@code --weight-column},
 * {@code --id-column}) as the CSV reader reads header names ({@link HeaderName}): without surrounding
 * spaces, so {@code --target ' Gewicht kg '}, the name as written in the file, finds the column, and
 * so does {@code --features 'a, b'}.
 */
final class ColumnNameConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        return HeaderName.of(value);
    }
}
