package org.backprop.cli;

import java.util.HashSet;
import java.util.Set;

import org.backprop.io.csv.CsvTable;
import org.backprop.io.csv.StrictNumbers;
import org.backprop.io.model.Task;

/**
 * The task {@code backprop train} picks when {@code --task} is not given. Regression if every
 * target value is a number and either some value is not a whole number or there are more than
 * {@value #MAX_CLASSES} distinct values; classification otherwise (text labels, or a few whole
 * numbers such as 0/1 or ratings 1–5). A NaN or infinity in the column is a data error, not a label.
 *
 * @param task   the chosen task
 * @param reason one line saying why, for the user
 */
record TaskChoice(Task task, String reason) {
    /** Whole-number targets with at most this many distinct values are taken as class labels. */
    static final int MAX_CLASSES = 10;

    /** Looks at every value of the target column. */
    static TaskChoice infer(CsvTable table, String target) {
        String[] cells = table.labelColumn(target);
        Set<String> distinct = new HashSet<>();
        boolean fractional = false;
        for (String cell : cells) {
            distinct.add(cell);
            Double v = number(cell);
            if (v == null && looksNonFinite(cell)) {
                table.doubleColumn(target); // a NaN or infinity in a numeric column: the located data error
            }
            if (v == null) {
                return new TaskChoice(Task.CLASSIFICATION, "target \"" + target + "\" has text values such as \""
                        + cell + "\"");
            }
            fractional |= v != Math.rint(v);
        }
        if (fractional || distinct.size() > MAX_CLASSES) {
            return new TaskChoice(Task.REGRESSION, "target \"" + target + "\" is numeric with "
                    + (fractional ? "fractional values" : distinct.size() + " distinct values"));
        }
        return new TaskChoice(Task.CLASSIFICATION, "target \"" + target + "\" has only " + distinct.size()
                + " distinct whole numbers (at most " + MAX_CLASSES + ")");
    }

    private static boolean looksNonFinite(String cell) {
        return cell.toLowerCase(java.util.Locale.ROOT).matches("[+-]?(nan|inf|infinity)");
    }

    private static Double number(String cell) {
        try {
            return StrictNumbers.parse(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
