package org.backprop.io.preprocess;

import com.google.gson.JsonObject;
import java.util.List;
import org.backprop.io.DataException;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.MissingValues;
import org.backprop.io.csv.NonNumberTexts;
import org.backprop.io.csv.StrictNumbers;

/**
 * A numeric column: the value itself, and where cells may be missing, the training median in their
 * place plus an indicator column ({@code <name>:missing}, 1 for an imputed cell, else 0).
 *
 * @param column    the header name
 * @param median    the training rows' median, or null if missing cells are errors (strict)
 * @param indicator true if the training rows had missing cells, so an indicator column is written
 * @param missingInTraining missing cells in the training rows (for messages)
 */
public record NumericEncoder(String column, Double median, boolean indicator, int missingInTraining)
        implements ColumnEncoder {

    /** Checks the median. */
    public NumericEncoder {
        if (median != null && !Double.isFinite(median)) {
            throw new IllegalArgumentException("column \"" + column + "\": median " + median + " is not finite");
        }
        if (indicator && median == null) {
            throw new IllegalArgumentException("column \"" + column + "\": an indicator needs a median");
        }
    }

    /** A column whose missing cells are errors (models of format version 1, {@code --missing error}). */
    public static NumericEncoder strict(String column) {
        return new NumericEncoder(column, null, false, 0);
    }

    /**
     * Fits the median and the indicator on {@code rows} of {@code table}'s column, without copying
     * the values ({@link RankSelection}: the same median as sorting them).
     */
    static NumericEncoder fit(ColumnarTable table, String name, RowSet rows, MissingPolicy policy) {
        Column c = table.column(name);
        if (policy == MissingPolicy.ERROR) {
            return strict(name);
        }
        java.util.function.Consumer<java.util.function.DoubleConsumer> present = sink -> {
            for (java.util.PrimitiveIterator.OfInt it = rows.iterator(); it.hasNext(); ) {
                double v = c.number(it.nextInt());
                if (!Double.isNaN(v)) {
                    sink.accept(v);
                }
            }
        };
        long[] count = new long[1];
        present.accept(v -> count[0]++);
        int n = Math.toIntExact(count[0]);
        int missing = rows.size() - n;
        if (n == 0) {
            return new NumericEncoder(name, 0.0, missing > 0, missing);
        }
        double lower = RankSelection.kthSmallest(present, (n - 1) / 2, n);
        double upper = n % 2 == 1 ? lower : RankSelection.kthSmallest(present, n / 2, n);
        return new NumericEncoder(name, median(lower, upper, n), missing > 0, missing);
    }

    /**
     * The median of {@code n} values from the two middle ones of their ascending order (0-based
     * ranks (n - 1) / 2 and n / 2, the same value when n is odd).
     */
    public static double median(double lowerMiddle, double upperMiddle, long n) {
        return n % 2 == 1 ? upperMiddle : lowerMiddle / 2 + upperMiddle / 2;
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public List<String> outputNames() {
        return indicator ? List.of(column, column + ":missing") : List.of(column);
    }

    @Override
    public void check(ColumnarTable table) {
        Column c = table.column(column);
        if (c.nonNumberCount() > 0) {
            throw table.at(c.firstNonNumberRow(), c).text(c.firstNonNumberText()).problem(
                    ColumnarTable.whyNotNumber(c.firstNonNumberText()) + (c.nonNumberCount() > 1 && c.hasText()
                            ? " (" + c.nonNumberCount() + " non-number cells in this column: "
                            + NonNumberTexts.describe(c) + ")"
                            : ColumnarTable.count(c.nonNumberCount(), "non-number cell")));
        }
        if (median == null && c.missingCount() > 0) {
            throw table.at(c.firstMissingRow(), c).problem("missing value"
                    + ColumnarTable.count(c.missingCount(), "missing cell"));
        }
    }

    @Override
    public void encode(ColumnarTable table, int[] rows, int from, int to, double[] out, int start, int width,
                       int offset, EncodeWarnings warnings) {
        Column c = table.column(column);
        for (int i = from; i < to; i++) {
            double v = c.number(rows[i]);
            write(v, out, start + (i - from) * width + offset, warnings);
        }
    }

    @Override
    public void encode(String source, String cell, MissingValues missing, double[] out, int offset,
                       EncodeWarnings warnings) {
        double v = Double.NaN;
        if (cell != null && !missing.isMissingNumber(cell)) {
            try {
                v = StrictNumbers.parse(cell);
            } catch (NumberFormatException e) {
                throw DataException.in(source).column(0, column).text(cell).problem(e.getMessage());
            }
        } else if (median == null) {
            throw DataException.in(source).column(0, column).text(cell).problem("missing value");
        }
        write(v, out, offset, warnings);
    }

    private void write(double v, double[] out, int at, EncodeWarnings warnings) {
        boolean isMissing = Double.isNaN(v);
        if (isMissing && !indicator) {
            warnings.count(column, "a missing value (none in training): imputed with the median " + median, null);
        }
        out[at] = isMissing ? median : v;
        if (indicator) {
            out[at + 1] = isMissing ? 1 : 0;
        }
    }

    @Override
    public String describe() {
        return "numeric" + (median == null ? ", missing values are errors"
                : ", median " + shown(median) + ", " + missingInTraining + " missing"
                + (indicator ? " (imputed, indicator " + column + ":missing)" : ""));
    }

    /**
     * {@code v} as Java writes it, or rounded to 12 significant digits when that is longer (the
     * midpoint of 0.0123 and 0.0125 is 0.012400000000000001, shown 0.0124); the stored median
     * keeps every bit.
     */
    static String shown(double v) {
        String exact = Double.toString(v);
        if (exact.contains("E") || exact.replaceFirst("^-?0*\\.?0*", "").replace(".", "").length() <= 12) {
            return exact;
        }
        String rounded = new java.math.BigDecimal(exact).round(new java.math.MathContext(12)).stripTrailingZeros()
                .toPlainString();
        return rounded.contains(".") ? rounded : rounded + ".0";
    }

    @Override
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("name", column);
        o.addProperty("type", type().id());
        if (median != null) {
            o.addProperty("median", median);
        }
        o.addProperty("missing_indicator", indicator);
        o.addProperty("missing_in_training", missingInTraining);
        return o;
    }

    /** Reads {@link #toJson()}. */
    static NumericEncoder fromJson(JsonObject o) {
        Double median = o.has("median") && !o.get("median").isJsonNull() ? o.get("median").getAsDouble() : null;
        return new NumericEncoder(Json.string(o, "name"), median, Json.bool(o, "missing_indicator"),
                o.has("missing_in_training") ? Json.count(o, "missing_in_training") : 0);
    }
}
