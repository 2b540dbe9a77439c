package org.backprop.spark.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.MissingValues;

/**
 * {@link ColumnarReadOptions} in a form Spark can ship to executors: which columns to keep (null:
 * all), which to read as text only, the missing-value tokens, the separator and the decimal mark.
 */
record ReadSettings(ArrayList<String> columns, ArrayList<String> textColumns, ArrayList<String> missingTokens,
                    char separator, char decimal) implements Serializable {

    static ReadSettings of(ColumnarReadOptions options) {
        return new ReadSettings(options.columns() == null ? null : new ArrayList<>(options.columns()),
                new ArrayList<>(options.textColumns()), new ArrayList<>(options.missing().tokens()), options.separator(),
                options.decimal());
    }

    ColumnarReadOptions options() {
        return new ColumnarReadOptions(columns == null ? null : new LinkedHashSet<>(columns),
                new LinkedHashSet<>(textColumns), MissingValues.of(List.copyOf(missingTokens)), separator, decimal);
    }
}
