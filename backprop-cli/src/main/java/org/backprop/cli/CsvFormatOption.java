package org.backprop.cli;

import org.backprop.io.csv.ColumnarReadOptions;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --separator SEP} and {@code --decimal MARK} options of the commands that read CSV files
 * (default: comma and point).
 */
final class CsvFormatOption {
    @Option(names = "--separator", paramLabel = "SEP", defaultValue = ",", converter = Separator.class,
            description = "Cell separator of the data files: ',' (default), ';', tab (or '\\t') or '|'.")
    char separator;

    @Option(names = "--decimal", paramLabel = "MARK", defaultValue = ".", converter = DecimalMark.class,
            description = "Decimal mark of the data files' numbers: '.' (default) or ',' (with another "
                    + "--separator, e.g. ';': 3,75 is then a number and 3.75 is not).")
    char decimal;

    /**
     * {@code options} for files of this separator and decimal mark.
     *
     * @throws UserError (usage) for a decimal comma in comma-separated files
     */
    ColumnarReadOptions apply(ColumnarReadOptions options) {
        if (decimal == separator) {
            throw new UserError(ExitCodes.USAGE, "--decimal ',' needs another --separator than ',' (e.g. --separator ';')");
        }
        return options.withSeparator(separator).withDecimal(decimal);
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

    /** Reads {@code .} and {@code ,}. */
    static final class DecimalMark implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if (!value.equals(".") && !value.equals(",")) {
                throw new TypeConversionException("'" + value + "' is not a decimal mark: use '.' or ','");
            }
            return value.charAt(0);
        }
    }
}
