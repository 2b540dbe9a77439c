package org.backprop.io.csv;

import java.util.Set;

/**
 * What {@link ColumnarCsvReader} keeps, and how the file separates its cells.
 *
 * @param columns     the columns to keep, or null for all; others are checked for CSV syntax only
 * @param textColumns columns kept only as text (dictionary codes), never parsed as numbers
 * @param missing     which cells are missing
 * @param separator   the cell separator: one of {@link #SEPARATORS} (default {@code ','})
 * @param decimal     the decimal mark of numbers: {@code '.'} (default) or {@code ','} (then a number
 *                    holds no {@code '.'}, and the separator is not a comma)
 */
public record ColumnarReadOptions(Set<String> columns, Set<String> textColumns, MissingValues missing,
                                  char separator, char decimal) {
    /** The separators a file may use: comma, semicolon, tab and vertical bar. */
    public static final String SEPARATORS = ",;\t|";

    /** Copies the sets; checks the separator and the decimal mark. */
    public ColumnarReadOptions {
        columns = columns == null ? null : Set.copyOf(columns);
        textColumns = Set.copyOf(textColumns);
        java.util.Objects.requireNonNull(missing, "missing");
        if (SEPARATORS.indexOf(separator) < 0) {
            throw new IllegalArgumentException("separator '" + separator + "': use one of , ; tab |");
        }
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("decimal mark '" + decimal + "': use '.' or ','");
        }
        if (decimal == separator) {
            throw new IllegalArgumentException("the decimal mark ',' needs another separator than ','");
        }
    }

    /** Comma-separated. */
    public ColumnarReadOptions(Set<String> columns, Set<String> textColumns, MissingValues missing) {
        this(columns, textColumns, missing, ',', '.');
    }

    /** These options for a file whose cells are separated by {@code separator}. */
    public ColumnarReadOptions withSeparator(char separator) {
        return new ColumnarReadOptions(columns, textColumns, missing, separator, decimal);
    }

    /** These options for a file whose numbers are written with the decimal mark {@code decimal}. */
    public ColumnarReadOptions withDecimal(char decimal) {
        return new ColumnarReadOptions(columns, textColumns, missing, separator, decimal);
    }

    /** Every column, numbers and text, default missing-value tokens. */
    public static ColumnarReadOptions all() {
        return new ColumnarReadOptions(null, Set.of(), MissingValues.defaults());
    }
}
