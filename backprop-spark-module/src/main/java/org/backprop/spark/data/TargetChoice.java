package org.backprop.spark.data;

import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Task;
import org.backprop.io.table.Target;

/**
 * The task and the target checks of {@link Target#forTraining}, decided from a column summary
 * summed over partitions instead of a table in memory; the same rules and messages.
 *
 * @param task   the task
 * @param reason why this task, for the user
 */
record TargetChoice(Task task, String reason) {

    static TargetChoice of(ColumnSummary c, String name, Task requested, boolean dropMissing, long rows,
                           DistributedTableFit.Locator at) {
        boolean numeric = c.numbers > 0 && c.nonNumbers == 0;
        boolean mostlyNumbers = c.numbers > 0 && c.numbers >= c.nonNumbers;
        if (c.nonNumbers > 0 && (requested == Task.REGRESSION || (requested == null && mostlyNumbers))) {
            throw at.cell(c.firstNonNumberRow, name).text(c.firstNonNumberText)
                    .hint("(" + c.nonNumbers + (c.nonNumbers == 1 ? " bad cell" : " bad cells")
                            + " in the target" + (requested == null ? ", which is mostly numbers (" + c.numbers
                            + "): fix it, or use --task classification if it holds class labels)" : ")"))
                    .problem(ColumnarTable.whyNotNumber(c.firstNonNumberText));
        }
        if (c.missing > 0 && (!dropMissing || c.missing == rows)) {
            throw at.cell(c.firstMissingRow, name).problem((c.missing == rows ? "every target value is missing"
                    : "missing target value" + ColumnarTable.count(Math.toIntExact(c.missing), "missing cell"))
                    + (dropMissing ? "" : "; fix it, or leave such rows out with --drop-missing-target"));
        }
        long distinct = c.hasText ? c.labels.size() : Column.TEXT_CAP + 1;
        Task task;
        String reason;
        if (requested != null) {
            task = requested;
            reason = "--task";
        } else if (numeric && (!c.allIntegers || distinct > Target.MAX_CLASSES)) {
            task = Task.REGRESSION;
            reason = "target \"" + name + "\" is numeric with " + (!c.allIntegers ? "fractional values"
                    : distinct + " distinct values");
        } else {
            task = Task.CLASSIFICATION;
            reason = numeric ? "target \"" + name + "\" has only " + distinct + " distinct whole numbers (at most "
                    + Target.MAX_CLASSES + ")" : "target \"" + name + "\" has text values such as \""
                    + c.firstNonNumberText + "\"";
        }
        if (distinct < 2 && requested != Task.REGRESSION) {
            throw at.column(name).problem("the target has the same value \"" + c.firstLabel + "\" in every "
                    + (c.missing > 0 ? "non-missing " : "") + "row: there is nothing to learn (a classification "
                    + "needs at least 2 classes; --task regression fits the constant anyway)");
        }
        if (task == Task.CLASSIFICATION && !c.hasText) {
            throw at.column(name).problem("more than " + Column.TEXT_CAP + " distinct target values: too many "
                    + "classes for backprop-spark (use --task regression)");
        }
        return new TargetChoice(task, reason);
    }
}
