package org.backprop.cli;

import org.backprop.io.csv.ColumnarReadOptions;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --separator SEP} and {@code --decimal MARK} options of the commands that read CSV files.
 * Not given, a flag keeps the format of the read options it is applied to: comma and point for
 * {@code train}, the training file's format (stored in the model) for the commands that read data
 * with a model.
 */
final class CsvFormatOption {
    @Option(names = "--separator", paramLabel = "SEP", converter = Separator.class,
            description = "Cell separator of the data files: ',', ';', tab (or '\\t') or '|' (default: ',' for "
                    + "train; with a model, the separator of its training file).")
    Character separator;

    @Option(names = "--decimal", paramLabel = "MARK", converter = DecimalMark.class,
            description = "Decimal mark of the data files' numbers: '.' or ',' (with another --separator, e.g. "
                    + "';': 3,75 is then a number and 3.75 is not) (default: '.' for train; with a model, the "
                    + "decimal mark of its training file).")
    Character decimal;

    /**
     * {@code options} with the separator and decimal mark given on the command line; a flag not
     * given keeps {@code options}' value.
     *
     * @throws UserError (usage) for a decimal comma in comma-separated files
     */
    ColumnarReadOptions apply(ColumnarReadOptions options) {
        char sep = separator != null ? separator : options.separator();
        char mark = decimal != null ? decimal : options.decimal();
        if (mark == sep) {
            throw new UserError(ExitCodes.USAGE, decimal != null && separator == null
                    ? "--decimal ',' needs another --separator than ',' (e.g. --separator ';')"
                    : decimal == null && separator != null
                    ? "--separator ',' needs --decimal '.': the model's training file had a decimal comma"
                    : "--decimal ',' needs another --separator than ',' (e.g. --separator ';')");
        }
        return new ColumnarReadOptions(options.columns(), options.textColumns(), options.missing(), sep, mark);
    }

    /**
     * Where a model command's format came from, when not from these flags: a note naming the model's
     * stored separator and decimal mark if either differs from comma and point and was not given
     * here, else null. Added to a separator or decimal error, it tells the user why the file was
     * read as it was.
     */
    String storedFormatNote(ColumnarReadOptions model) {
        boolean storedSeparator = separator == null && model.separator() != ',';
        boolean storedDecimal = decimal == null && model.decimal() != '.';
        if (!storedSeparator && !storedDecimal) {
            return null;
        }
        return "the model was trained on a file " + (storedSeparator ? "separated by "
                + (model.separator() == '\t' ? "tabs" : "'" + model.separator() + "'") : "")
                + (storedSeparator && storedDecimal ? " with " : "") + (storedDecimal ? "decimal commas" : "")
                + ", and reads --data so unless --separator / --decimal say otherwise";
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
