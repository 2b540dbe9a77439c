package org.backprop.cli;

import org.backprop.io.csv.ColumnarReadOptions;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --separator SEP} option of the commands that read CSV files (default: comma). */
final class SeparatorOption {
    @Option(names = "--separator", paramLabel = "SEP", defaultValue = ",", converter = Separator.class,
            description = "Cell separator of the data files: ',' (default), ';', tab (or '\\t') or '|'.")
    char separator;

    /** {@code options} for files separated by this option's separator. */
    ColumnarReadOptions apply(ColumnarReadOptions options) {
        return options.withSeparator(separator);
    }

    /** Reads {@code ,} {@code ;} {@code |} {@code tab} and {@code \t}. */
    static final class Separator implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            String v = value.equals("tab") || value.equals("\\t") ? "\t" : value;
            if (v.length() != 1 || ColumnarReadOptions.SEPARATORS.indexOf(v.charAt(0)) < 0) {
                throw new TypeConversionException("'" + value + "' is not a separator: use ',', ';', tab or '|'");
            }
            return v.charAt(0);
        }
    }
}
