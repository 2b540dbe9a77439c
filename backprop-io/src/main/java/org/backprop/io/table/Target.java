package org.backprop.io.table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.backprop.io.Audience;
import org.backprop.io.DataException;
import org.backprop.io.OptionName;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnCounts;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.MissingValues;
import org.backprop.io.csv.StrictNumbers;
import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.LabelEncoder;

/**
 * The target column of a table: the task, and the rows that have a target with their values
 * (regression) or class labels (classification, stripped of surrounding spaces and tabs).
 *
 * <p>Task when not given: regression if every non-missing target value is a number and there are
 * fractional values, more than {@value #MAX_CLASSES} distinct values, or more than 2 distinct values
 * with fewer than {@value #MIN_ROWS_PER_CLASS} rows per value on average (a tiny table: 8 whole
 * numbers in 12 rows are a measurement, not 8 classes of 1 or 2 rows), or whole numbers that look
 * like counts ({@link CountLikeTarget}: 6 or more values with gaps, 3 or more of them in fewer than
 * {@value #MIN_ROWS_PER_CLASS} rows); classification if they are
 * a few whole numbers, each with rows enough on average, or 2 whole numbers (a yes/no), or text. A target of at least half numbers with some non-numbers (a typo such
 * as {@code 4O.5}, NaN, an infinity or {@code 1e400}) is a data error naming the first such cell,
 * unless the task is classification. Missing target cells (empty or a missing-value token) are a
 * data error naming the first and counting all, or with {@code dropMissing} their rows are left out;
 * they never become a class. A target with one value in every row is refused, unless the task is
 * regression by request; so is a text target with more than {@value #MANY_TEXT_CLASSES} distinct values
 * that are more than half its rows, unless the task is given.
 *
 * @param task     the task
 * @param reason   why this task, for the user
 * @param rows     the table rows used (those with a target), ascending; null when every row of the
 *                 table has one (no list is held)
 * @param dropped  rows left out for a missing target
 * @param values   regression: the target of each table row (NaN in a row left out), else null
 * @param labels   classification: the classes (labels in {@link LabelEncoder}'s order), else null
 * @param classes  classification: the class index in {@code labels} of each table row (−1 in a row
 *                 left out; 4 bytes a row, no label object per row), else null
 */
public record Target(Task task, String reason, int[] rows, int dropped, double[] values, LabelEncoder labels,
                     int[] classes) {
    /** Whole-number targets with at most this many distinct values are taken as class labels. */
    public static final int MAX_CLASSES = 10;
    /**
     * A whole-number target of more than 2 distinct values is taken as class labels only if it has at
     * least this many rows per value on average (the rows {@code --min-level-count} asks of a
     * categorical level by default); fewer make it a regression target.
     */
    public static final int MIN_ROWS_PER_CLASS = 5;
    /**
     * A text target with more distinct values than this and than half its rows is refused unless the
     * task is given: such "classes" are mostly single rows (ids, or numbers written as text).
     */
    public static final int MANY_TEXT_CLASSES = 50;
    /** A whole number written as plain digits: its class label is the text as written ({@code 07}). */
    private static final java.util.regex.Pattern PLAIN_INTEGER = java.util.regex.Pattern.compile("[+-]?[0-9]+");

    /**
     * This target without its rows and regression values (null), once they have been handed on
     * (e.g. to the training and validation rows); the task, reason, dropped count and labels stay.
     */
    public Target withoutValues() {
        return new Target(task, reason, null, dropped, null, labels, classes);
    }

    /** Number of rows used (those with a target), while the rows or the values or labels are held. */
    public int size() {
        return rows != null ? rows.length : values != null ? values.length : classes.length;
    }

    /** The class label of table row {@code r} (classification). */
    public String label(int r) {
        return labels.decode(classes[r]);
    }

    /** The table rows used (those with a target), ascending, while the rows or the values or labels are held. */
    public org.backprop.io.preprocess.RowSet usedRows() {
        return rows != null ? org.backprop.io.preprocess.RowSet.of(rows) : org.backprop.io.preprocess.RowSet.all(size());
    }

    /** The table row of used row {@code i}. */
    public int tableRow(int i) {
        return rows == null ? i : rows[i];
    }

    /**
     * Reads the target column {@code name} of a training table.
     *
     * @param requested   the task asked for, or null to infer it
     * @param dropMissing leave out rows whose target is missing instead of failing
     * @throws DataException as described in the class comment
     */
    public static Target forTraining(ColumnarTable table, String name, Task requested, boolean dropMissing) {
        Column c = table.column(name);
        ColumnCounts counts = ColumnCounts.of(c);
        requireUsable(counts, requested, dropMissing, () -> table.at(c.firstNonNumberRow(), c),
                () -> table.at(c.firstMissingRow(), c));
        int[] rows = presentRows(table, c, dropMissing);
        int row0 = rows == null ? 0 : rows[0];
        String first = c.hasText() ? label(c, row0) : Double.toString(c.number(row0));
        Choice choice = choose(counts, requested, c.hasText() ? rowsByLabel(c, rows) : null, first,
                () -> table.at(c.firstNonNumberRow() >= 0 ? c.firstNonNumberRow() : row0, c), () -> table.at(row0, c));
        int dropped = rows == null ? 0 : table.rowCount() - rows.length;
        if (choice.task() == Task.REGRESSION) {
            return new Target(choice.task(), choice.reason(), rows, dropped, numbers(c, rows), null, null);
        }
        LabelEncoder labels = LabelEncoder.fit(distinctLabels(c, rows));
        int[] classes = classes(c, rows, labels::encode);
        return new Target(choice.task(), choice.reason(), rows, dropped, null, labels, classes);
    }

    /**
     * A target's task and why (for the user).
     *
     * @param task   the task
     * @param reason why this task
     */
    public record Choice(Task task, String reason) {
    }

    /**
     * Refuses a target column with non-numbers where numbers are expected, or with missing cells
     * (unless {@code dropMissing} and some are present), from its counts (e.g. summed over Spark
     * partitions); the suppliers locate the first such cell.
     *
     * @throws DataException as described in the class comment
     */
    public static void requireUsable(ColumnCounts c, Task requested, boolean dropMissing,
                                     Supplier<DataException.Builder> firstNonNumber,
                                     Supplier<DataException.Builder> firstMissing) {
        boolean mostlyNumbers = c.numbers() > 0 && c.numbers() >= c.nonNumbers();
        if (c.nonNumbers() > 0 && (requested == Task.REGRESSION || (requested == null && mostlyNumbers))) {
            String it = c.nonNumbers() == 1 ? "it" : "them";
            String missing = mostlyNumbers && looksLikeAMissingMark(c.firstNonNumberText()) ? ", or if " + (c.nonNumbers() == 1
                    ? "it means" : "they mean") + " missing, " + MissingValues.ADD_TOKEN_HINT
                    + " and use --drop-missing-target" : "";
            throw firstNonNumber.get().text(c.firstNonNumberText())
                    .hint("(" + c.nonNumbers() + (c.nonNumbers() == 1 ? " bad cell" : " bad cells")
                            + " in the target" + (requested == null ? ", which is mostly numbers (" + c.numbers()
                            + ")" + c.listedNonNumbers() + (c.listedNonNumbers().isEmpty() ? ": fix " : "; fix ") + it + missing + ", or use --task classification if it holds class labels)"
                            : c.numbers() == 0 ? ": a regression needs numbers; --task classification if it holds "
                            + "class labels)" : c.listedNonNumbers() + (c.listedNonNumbers().isEmpty() ? ": fix " : "; fix ")
                            + it + missing + ")"))
                    .problem(ColumnarTable.whyNotNumber(c.firstNonNumberText()));
        }
        if (c.missing() > 0 && (!dropMissing || c.missing() == c.rows())) {
            throw missingTarget(firstMissing.get(), c.missing(), c.rows(), dropMissing);
        }
    }

    /**
     * True for a cell text with no digit that is not an infinity ({@code n/a}, {@code -},
     * {@code missing}, {@code #N/A}): a mark for a missing value more likely than a mistyped number.
     */
    static boolean looksLikeAMissingMark(String text) {
        String t = text.strip();
        return !t.chars().anyMatch(Character::isDigit) && !t.matches("(?i)[+-]?inf(inity)?");
    }

    /**
     * The task of a usable target column ({@link #requireUsable}) from its counts, {@code distinct}
     * labels among the rows with a target (more than {@value #MAX_CLASSES} if unknown) and the first
     * such row's value (for the message).
     *
     * @param firstNonNumber locates the first non-number cell of the target (its line, column), for
     *                       an error quoting it
     * @param firstValueCell locates the first cell with a target, for the error of a target with
     *                       one value
     * @throws DataException if the target has one value and the task is not regression by request, or
     *                       holds numbers written with a comma or too many text values for classes
     */
    public static Choice choose(ColumnCounts c, Task requested, long distinct, String firstValue,
                                Supplier<DataException.Builder> firstNonNumber,
                                Supplier<DataException.Builder> firstValueCell) {
        return choose(c, requested, distinct, null, firstValue, firstNonNumber, firstValueCell);
    }

    /**
     * As {@link #choose(ColumnCounts, Task, long, String, Supplier, Supplier)} from the rows of each distinct
     * label ({@link #label}) among the rows with a target, or null if unknown (more than
     * {@value #MAX_CLASSES} labels): a whole-number target that looks like counts is a regression
     * target ({@link CountLikeTarget}).
     */
    public static Choice choose(ColumnCounts c, Task requested, Map<String, Long> rowsByValue, String firstValue,
                                Supplier<DataException.Builder> firstNonNumber,
                                Supplier<DataException.Builder> firstValueCell) {
        return choose(c, requested, rowsByValue == null ? Column.TEXT_CAP + 1 : rowsByValue.size(), rowsByValue,
                firstValue, firstNonNumber, firstValueCell);
    }

    private static Choice choose(ColumnCounts c, Task requested, long distinct, Map<String, Long> rowsByValue,
                                 String firstValue, Supplier<DataException.Builder> firstNonNumber,
                                 Supplier<DataException.Builder> firstValueCell) {
        boolean numeric = c.numbers() > 0 && c.nonNumbers() == 0;
        String countLike = numeric && c.allIntegers() && rowsByValue != null
                ? CountLikeTarget.reason(c.name(), rowsByValue) : null;
        long present = c.rows() - c.missing();
        Task task;
        String reason;
        if (requested != null) {
            task = requested;
            reason = "--task";
        } else if (numeric && (!c.allIntegers() || distinct > MAX_CLASSES)) {
            task = Task.REGRESSION;
            reason = "target \"" + c.name() + "\" is numeric with " + (!c.allIntegers() ? "fractional values"
                    : distinct + " distinct values");
        } else if (numeric && tooFewRowsPerClass(distinct, present)) {
            task = Task.REGRESSION;
            reason = "target \"" + c.name() + "\" has " + distinct + " distinct whole numbers in only " + present
                    + " rows, fewer than " + MIN_ROWS_PER_CLASS + " rows per value on average: too few to be classes";
        } else if (countLike != null) {
            task = Task.REGRESSION;
            reason = countLike;
        } else {
            task = Task.CLASSIFICATION;
            reason = numeric ? "target \"" + c.name() + "\" has only " + distinct + " distinct whole numbers (at most "
                    + MAX_CLASSES + ")" + (rowsByValue == null ? "" : CountLikeTarget.sparseHint(rowsByValue))
                    : "target \"" + c.name() + "\" has text values such as \"" + c.firstNonNumberText() + "\"";
        }
        if (requested == null && !numeric && StrictNumbers.writtenWithComma(c.firstNonNumberText())) {
            throw firstNonNumber.get().text(c.firstNonNumberText()).problem("a number written with a comma would make the "
                    + "target text (class labels); read decimal commas with --decimal ',' (the separator must then be "
                    + "';', tab or '|'), remove thousands separators, or use --task classification if these are labels");
        }
        if (requested == null && !numeric && distinct > MANY_TEXT_CLASSES && 2 * distinct > present) {
            throw firstNonNumber.get().text(c.firstNonNumberText()).problem("the target has " + distinct
                    + " distinct text values in " + present + " rows, too many to be class labels"
                    + " (--task classification trains a classifier anyway)");
        }
        if (distinct < 2 && !(requested == Task.REGRESSION)) {
            throw firstValueCell.get().problem("the target has the same "
                    + "value \"" + firstValue + "\" in every " + (c.missing() > 0 ? "non-missing " : "") + "row: "
                    + "there is nothing to learn (a classification needs at least 2 classes" + (numeric
                    ? "; --task regression fits the constant anyway)" : ")"));
        }
        return new Choice(task, reason);
    }

    /**
     * True when {@code distinct} whole numbers (more than 2) in {@code present} rows have fewer than
     * {@value #MIN_ROWS_PER_CLASS} rows per value on average.
     */
    static boolean tooFewRowsPerClass(long distinct, long present) {
        return distinct > 2 && present < MIN_ROWS_PER_CLASS * distinct;
    }

    /**
     * The line {@code train} prints for a task it chose itself: {@code task: regression (REASON; --task
     * classification overrides)}, naming the other task when the target allows it (a classification of
     * text labels cannot be a regression: no hint then).
     *
     * @param labels classification: the classes, else null
     */
    public static String notice(Task task, String reason, LabelEncoder labels) {
        return notice(task, reason, labels, Audience.COMMAND_LINE);
    }

    /** As {@link #notice(Task, String, LabelEncoder)}, naming the overriding option for {@code audience}. */
    public static String notice(Task task, String reason, LabelEncoder labels, Audience audience) {
        boolean numbers = labels == null || numberLabels(labels);
        Task other = task == Task.REGRESSION ? Task.CLASSIFICATION : Task.REGRESSION;
        return "task: " + task.id() + " (" + reason + (numbers ? "; " + OptionName.task(other).in(audience)
                + " overrides" : "") + ")";
    }

    /** True if every class label of {@code labels} is a number (a target that could be a regression's). */
    public static boolean numberLabels(LabelEncoder labels) {
        return labels.classes().stream().allMatch(Target::isNumber);
    }

    private static boolean isNumber(String label) {
        try {
            StrictNumbers.parse(label);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static DataException missingTarget(DataException.Builder at, long missing, long rows, boolean dropMissing) {
        return at.naming(OptionName.DROP_MISSING_TARGET).problem((missing == rows ? "every target value is missing"
                : "missing target value" + ColumnarTable.count(Math.toIntExact(missing), "missing cell"))
                + (dropMissing ? "" : "; fix it, or leave such rows out with " + OptionName.DROP_MISSING_TARGET));
    }

    /**
     * Reads {@code model}'s target in a table to evaluate the model on (every row must have one).
     *
     * @throws DataException for a missing or non-number (regression) target, or a class label the
     *                       model does not know
     */
    public static Target forModel(ColumnarTable table, Model model) {
        return forModel(table, model, false);
    }

    /**
     * Reads {@code model}'s target in a table to evaluate the model on; with {@code dropMissing} the
     * rows whose target is missing are left out (counted in {@link #dropped()}), else every row must
     * have one.
     *
     * @throws DataException for a missing target (unless {@code dropMissing} and some are present), a
     *                       non-number (regression) target, or a class label the model does not know
     */
    public static Target forModel(ColumnarTable table, Model model, boolean dropMissing) {
        return forModel(table, model, dropMissing, false);
    }

    /**
     * As {@link #forModel(ColumnarTable, Model, boolean)}; with {@code keepUnknownClasses} a class label
     * the model does not know is no error but a class of its own: {@link #labels()} then holds the
     * model's classes, in its order, followed by the unknown labels in the order they first appear
     * (e.g. for an evaluation that counts such rows as misclassified, as scikit-learn does).
     *
     * @throws DataException for a missing target (unless {@code dropMissing} and some are present), a
     *                       non-number (regression) target, or (unless {@code keepUnknownClasses}) a
     *                       class label the model does not know
     */
    public static Target forModel(ColumnarTable table, Model model, boolean dropMissing, boolean keepUnknownClasses) {
        Column c = table.column(model.target());
        if (model.task() == Task.REGRESSION && c.nonNumberCount() > 0) {
            table.requireNumbers(model.target());
        }
        int[] rows = presentRows(table, c, dropMissing);
        int dropped = rows == null ? 0 : table.rowCount() - rows.length;
        if (model.task() == Task.REGRESSION) {
            double[] values = rows == null ? table.requireNumbers(model.target()) : numbers(c, rows);
            return new Target(Task.REGRESSION, "model", rows, dropped, values, null, null);
        }
        LabelEncoder known = model.labels();
        int[] classes = classes(c, rows, label -> known.classes().contains(label) ? known.encode(label) : -1);
        java.util.Map<String, Integer> unknown = new java.util.LinkedHashMap<>();
        for (int i = 0, n = rows == null ? classes.length : rows.length; i < n; i++) {
            int r = rows == null ? i : rows[i];
            String asWritten = classes[r] < 0 && c.hasText() ? MissingValues.strip(c.level(c.code(r))) : null;
            if (asWritten != null && known.classes().contains(asWritten)) {
                classes[r] = known.encode(asWritten); // a model of labels as written ("1.0"), before whole numbers
            } else if (classes[r] < 0 && keepUnknownClasses) {
                classes[r] = unknown.computeIfAbsent(label(c, r), l -> known.classCount() + unknown.size());
            } else if (classes[r] < 0) {
                throw table.at(r, c).text(asWritten != null ? asWritten : label(c, r))
                        .problem("class label not known to the model (" + known.known() + ")");
            }
        }
        LabelEncoder labels = unknown.isEmpty() ? known : LabelEncoder.of(java.util.stream.Stream.concat(
                known.classes().stream(), unknown.keySet().stream()).toList());
        return new Target(Task.CLASSIFICATION, "model", rows, dropped, null, labels, classes);
    }

    private static int[] presentRows(ColumnarTable table, Column c, boolean dropMissing) {
        int n = table.rowCount();
        if (c.missingCount() == 0) {
            return null;
        }
        if (!dropMissing || c.missingCount() == n) {
            throw missingTarget(table.at(c.firstMissingRow(), c), c.missingCount(), n, dropMissing);
        }
        int[] rows = new int[n - c.missingCount()];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (!c.isMissing(r)) {
                rows[k++] = r;
            }
        }
        return rows;
    }

    /**
     * The rows of each distinct label ({@link #label}) among the rows {@code rows} of text column
     * {@code c} (null: every row), by their first row.
     */
    private static Map<String, Long> rowsByLabel(Column c, int[] rows) {
        long[] ofCode = new long[c.levelCount()];
        int[] firstRow = new int[c.levelCount()];
        List<Integer> codes = new ArrayList<>();
        for (int i = 0, n = rows == null ? c.rows() : rows.length; i < n; i++) {
            int r = rows == null ? i : rows[i];
            int code = c.code(r);
            if (ofCode[code]++ == 0) {
                firstRow[code] = r;
                codes.add(code);
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int code : codes) {
            out.merge(label(c, firstRow[code]), ofCode[code], Long::sum);
        }
        return out;
    }

    /** The number of every row of {@code c}, NaN in a row missing from {@code rows} (null: none is). */
    private static double[] numbers(Column c, int[] rows) {
        double[] out = new double[c.rows()];
        if (rows == null) {
            for (int r = 0; r < out.length; r++) {
                out[r] = c.number(r);
            }
        } else {
            java.util.Arrays.fill(out, Double.NaN);
            for (int r : rows) {
                out[r] = c.number(r);
            }
        }
        return out;
    }

    /** The distinct labels of the rows {@code rows} of {@code c} (null: every row), by their first row. */
    private static String[] distinctLabels(Column c, int[] rows) {
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
        if (c.hasText()) {
            BitSet seen = new BitSet(c.levelCount());
            for (int i = 0, n = rows == null ? c.rows() : rows.length; i < n; i++) {
                int r = rows == null ? i : rows[i];
                int code = c.code(r);
                if (!seen.get(code)) {
                    seen.set(code);
                    distinct.add(label(c, r));
                }
            }
        } else {
            for (int i = 0, n = rows == null ? c.rows() : rows.length; i < n; i++) {
                distinct.add(label(c, rows == null ? i : rows[i]));
            }
        }
        return distinct.toArray(String[]::new);
    }

    /**
     * The class index {@code classOf} gives the label of every row of {@code c} (−1 in a row missing
     * from {@code rows}, null: none is), looked up once per text level.
     */
    private static int[] classes(Column c, int[] rows, java.util.function.ToIntFunction<String> classOf) {
        int[] out = new int[c.rows()];
        int[] ofLevel = c.hasText() ? new int[c.levelCount()] : null;
        boolean[] known = c.hasText() ? new boolean[c.levelCount()] : null;
        if (rows != null) {
            java.util.Arrays.fill(out, -1);
        }
        for (int i = 0, n = rows == null ? c.rows() : rows.length; i < n; i++) {
            int r = rows == null ? i : rows[i];
            if (ofLevel == null) {
                out[r] = classOf.applyAsInt(label(c, r));
                continue;
            }
            int code = c.code(r);
            if (!known[code]) {
                ofLevel[code] = classOf.applyAsInt(label(c, r));
                known[code] = true;
            }
            out[r] = ofLevel[code];
        }
        return out;
    }

    /**
     * The class label of {@code row} as training reads it: the cell as written, stripped of spaces
     * and tabs, except that a whole number written with a fraction or an exponent is written as
     * digits ({@code 1.0}, {@code 1.00} and {@code 1e0} are the class {@code 1}, as a file that
     * mixes {@code 1} and {@code 1.0} means; {@code 07} stays {@code 07}, {@code 2.5} stays
     * {@code 2.5}); a number's text when the column kept no text.
     */
    public static String label(Column c, int row) {
        double v = c.hasNumbers() ? c.number(row) : Double.NaN;
        boolean whole = v == Math.rint(v) && Math.abs(v) < 1e15;
        if (!c.hasText()) {
            return whole ? Long.toString((long) v) : Double.toString(v);
        }
        String text = MissingValues.strip(c.level(c.code(row)));
        return whole && !PLAIN_INTEGER.matcher(text).matches() ? Long.toString((long) v) : text;
    }
}
