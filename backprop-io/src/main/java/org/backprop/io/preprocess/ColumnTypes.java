package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.backprop.io.DataException;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnCounts;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.MissingValues;
import org.backprop.io.csv.StrictNumbers;

/**
 * Chooses each feature column's type from the training file, unless declared:
 * <ul>
 *   <li>every non-missing cell a number: <b>numeric</b>;</li>
 *   <li>at least half the non-missing cells numbers, the others not: a <b>data error</b> naming the
 *       first offending cell and counting them all (a typo must not turn a numeric column into a
 *       category); declare the column categorical, or add the token to the missing values; non-numbers
 *       of a {@link TextShape} (percentages such as {@code 12%}, amounts) are named with its advice;</li>
 *   <li>text that is all dates ({@link TextShape#DATES}): ignored with a note saying so and what to
 *       do (derive numeric columns from the dates): as categories, dates are mostly single rows, and
 *       new rows bring dates never seen;</li>
 *   <li>otherwise <b>categorical</b>, unless every value is distinct (an identifier: ignored with a
 *       note, which names the column's {@link TextShape} if it has one: percentages or amounts
 *       written as text);</li>
 *   <li>every cell missing: ignored with a note;</li>
 *   <li>the nameless first column (row names, {@link RowIdentifiers#isRowNames}): ignored with a note,
 *       whatever its cells and declarations;</li>
 *   <li>a column with another role ({@link TableOptions#roles}, e.g. row weights): not used, saying
 *       that role ({@link ColumnDecision#role}).</li>
 * </ul>
 * NaN, infinities and overflowing numbers such as {@code 1e400} are not numbers.
 */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    /**
     * Decides the types of {@code features} in {@code table}, read with the declared categorical
     * columns as text. Columns found numeric release their text codes (memory), so decide once.
     *
     * @throws org.backprop.io.DataException for a mostly numeric column with non-numbers, or a
     *                                       declared numeric column with any
     */
    public static List<ColumnDecision> decide(ColumnarTable table, List<String> features, TableOptions options) {
        List<ColumnDecision> out = new ArrayList<>();
        for (String name : features) {
            out.add(decide(table, name, options));
        }
        return out;
    }

    private static ColumnDecision decide(ColumnarTable table, String name, TableOptions options) {
        if (options.ignore().contains(name) || options.roles().containsKey(name) || RowIdentifiers.isRowNames(name)) {
            return decide(null, name, options, null);
        }
        Column c = table.column(name);
        ColumnDecision d = decide(ColumnCounts.of(c), name, options, () -> table.at(c.firstNonNumberRow(), c),
                () -> TextShape.find(c));
        if (d.type() == ColumnType.NUMERIC && c.nonNumberCount() == 0 && c.numberCount() > 0) {
            c.releaseText();
        }
        return d;
    }

    /**
     * Decides the type of feature column {@code name} from its counts (e.g. summed over Spark
     * partitions), without looking at the shape of its texts (no date column recognised);
     * {@code firstNonNumber} locates the first non-number cell for the error.
     *
     * @param c the counts, or null for a column declared ignored
     * @throws org.backprop.io.DataException as {@link #decide(ColumnarTable, List, TableOptions)}
     */
    public static ColumnDecision decide(ColumnCounts c, String name, TableOptions options,
                                        Supplier<DataException.Builder> firstNonNumber) {
        return decide(c, name, options, firstNonNumber, () -> null);
    }

    /**
     * Decides the type of feature column {@code name} from its counts (e.g. summed over Spark
     * partitions); {@code firstNonNumber} locates the first non-number cell for the error, and
     * {@code textShape} finds the {@link TextShape} of its texts (asked only for a text column that is
     * not declared, and for the error on a mostly numeric one, which names the shape of its non-numbers).
     *
     * @param c the counts, or null for a column declared ignored
     * @throws org.backprop.io.DataException as {@link #decide(ColumnarTable, List, TableOptions)}
     */
    public static ColumnDecision decide(ColumnCounts c, String name, TableOptions options,
                                        Supplier<DataException.Builder> firstNonNumber,
                                        Supplier<TextShape.Found> textShape) {
        if (RowIdentifiers.isRowNames(name)) {
            return new ColumnDecision(name, ColumnType.IGNORED, RowIdentifiers.ROW_NAMES_REASON);
        }
        if (options.roles().containsKey(name)) {
            return ColumnDecision.role(name, options.roles().get(name));
        }
        if (options.ignore().contains(name)) {
            return new ColumnDecision(name, ColumnType.IGNORED, "declared with --ignore");
        }
        if (options.categorical().contains(name) || options.embed().contains(name)) {
            return new ColumnDecision(name, ColumnType.CATEGORICAL, options.embed().contains(name)
                    ? "declared with --embed" : "declared with --categorical");
        }
        boolean declaredNumeric = options.numeric().contains(name);
        if (c.numbers() == 0 && c.nonNumbers() == 0) {
            return declaredNumeric ? new ColumnDecision(name, ColumnType.NUMERIC, "declared with --numeric")
                    : new ColumnDecision(name, ColumnType.IGNORED, "every value is missing");
        }
        if (c.nonNumbers() == 0) {
            return new ColumnDecision(name, ColumnType.NUMERIC, declaredNumeric ? "declared with --numeric" : "numbers");
        }
        boolean mostlyNumbers = c.numbers() >= c.nonNumbers();
        if (declaredNumeric || mostlyNumbers || c.textDropped()) {
            String why = declaredNumeric ? "declared with --numeric"
                    : "the column is mostly numbers: " + c.numbers() + (c.numbers() == 1 ? " number" : " numbers");
            TextShape.Found shape = c.textDropped() ? null : textShape.get();
            String badCells = c.nonNumbers() + (c.nonNumbers() == 1 ? " bad cell" : " bad cells") + " in this column"
                    + (shape == null ? c.listedNonNumbers() : "");
            String fix = shape != null ? ", which " + (c.nonNumbers() == 1 ? "looks" : "look") + " like "
                    + shape.shapeAndExample() + ": " + shape.advice() + ", or declare --categorical " + ShellWord.of(name)
                    : ": fix " + (c.nonNumbers() == 1 ? "it" : "them") + ", if " + (c.nonNumbers() == 1 ? "it means"
                    : "they mean") + " missing " + MissingValues.ADD_TOKEN_HINT + ", or declare --categorical "
                    + ShellWord.of(name);
            throw firstNonNumber.get().text(c.firstNonNumberText()).hint("(" + why + "; " + badCells + fix + ")")
                    .problem(ColumnarTable.whyNotNumber(c.firstNonNumberText()));
        }
        if (StrictNumbers.writtenWithComma(c.firstNonNumberText())) {
            throw firstNonNumber.get().text(c.firstNonNumberText()).problem("a number written with a comma would make "
                    + "this column text; read decimal commas with --decimal ',' (the separator must then be ';', tab "
                    + "or '|'), remove thousands separators, or declare --categorical " + ShellWord.of(name)
                    + " to keep the text");
        }
        TextShape.Found shape = textShape.get();
        long present = c.rows() - c.missing();
        if (c.levels() == present && present > 1 && c.numbers() == 0) { // as categories, every level would be rare
            return new ColumnDecision(name, ColumnType.IGNORED, shape == null ? "identifier-like: every value is distinct"
                    : shape.looksLike() + ", every value distinct: " + shape.advice());
        }
        return new ColumnDecision(name, ColumnType.CATEGORICAL, "text");
    }
}
