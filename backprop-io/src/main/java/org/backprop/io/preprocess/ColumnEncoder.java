package org.backprop.io.preprocess;

import com.google.gson.JsonObject;
import java.util.List;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.MissingValues;

/**
 * Turns one raw column into one or more network input columns (before standardization), with the
 * statistics fitted on training rows. Immutable and thread-safe.
 */
public sealed interface ColumnEncoder permits NumericEncoder, CategoricalEncoder {

    /** The raw column's header name. */
    String column();

    /** The type. */
    ColumnType type();

    /** Names of the input columns this encoder writes, in order. */
    List<String> outputNames();

    /**
     * Checks the column of {@code table} before encoding (e.g. that a numeric column holds numbers).
     *
     * @throws org.backprop.io.DataException naming the first bad cell and how many there are
     */
    void check(ColumnarTable table);

    /**
     * Writes rows {@code rows} of the column into {@code out} (row-major, {@code width} values per
     * row), starting at column {@code offset}; {@link #check} must have passed.
     */
    default void encode(ColumnarTable table, int[] rows, double[] out, int width, int offset,
                        EncodeWarnings warnings) {
        encode(table, rows, 0, rows.length, out, 0, width, offset, warnings);
    }

    /**
     * Writes rows {@code rows[from..to)} of the column into {@code out} (row-major, {@code width}
     * values per row, the first at index {@code start}), starting at column {@code offset};
     * {@link #check} must have passed.
     */
    void encode(ColumnarTable table, int[] rows, int from, int to, double[] out, int start, int width, int offset,
                EncodeWarnings warnings);

    /**
     * Writes one cell ({@code null} counts as missing) into {@code out} at {@code offset}.
     *
     * @throws org.backprop.io.DataException if the cell is not valid for this column (named by {@code source})
     */
    void encode(String source, String cell, MissingValues missing, double[] out, int offset, EncodeWarnings warnings);

    /** One line for the user: type, statistics, levels, missing count in training. */
    String describe();

    /** The stored form (see {@link TablePreprocessor}). */
    JsonObject toJson();
}
