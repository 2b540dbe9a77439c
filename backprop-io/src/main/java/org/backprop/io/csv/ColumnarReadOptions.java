package org.backprop.io.csv;

import java.util.Set;

/**
 * What {@link ColumnarCsvReader} keeps.
 *
 * @param columns     the columns to keep, or null for all; others are checked for CSV syntax only
 * @param textColumns columns kept only as text (dictionary codes), never parsed as numbers
 * @param missing     which cells are missing
 */
public record ColumnarReadOptions(Set<String> columns, Set<String> textColumns, MissingValues missing) {

    /** Copies the sets. */
    public ColumnarReadOptions {
        columns = columns == null ? null : Set.copyOf(columns);
        textColumns = Set.copyOf(textColumns);
        java.util.Objects.requireNonNull(missing, "missing");
    }

    /** Every column, numbers and text, default missing-value tokens. */
    public static ColumnarReadOptions all() {
        return new ColumnarReadOptions(null, Set.of(), MissingValues.defaults());
    }
}
