package org.backprop.spark.data;

import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.ColumnDecision;
import org.backprop.io.preprocess.ColumnType;
import org.backprop.io.preprocess.ColumnTypes;
import org.backprop.io.preprocess.TableOptions;

/**
 * The column type rules of {@link ColumnTypes} applied to a column summary summed over partitions;
 * the same decisions and messages as {@code backprop train} on the same file.
 */
final class TypeChoice {
    private TypeChoice() {
    }

    static ColumnDecision decide(ColumnSummary c, String name, TableOptions options, DistributedTableFit.Locator at) {
        if (options.ignore().contains(name)) {
            return new ColumnDecision(name, ColumnType.IGNORED, "declared with --ignore");
        }
        if (options.categorical().contains(name) || options.embed().contains(name)) {
            return new ColumnDecision(name, ColumnType.CATEGORICAL, options.embed().contains(name)
                    ? "declared with --embed" : "declared with --categorical");
        }
        boolean declaredNumeric = options.numeric().contains(name);
        if (c.numbers == 0 && c.nonNumbers == 0) {
            return declaredNumeric ? new ColumnDecision(name, ColumnType.NUMERIC, "declared with --numeric")
                    : new ColumnDecision(name, ColumnType.IGNORED, "every value is missing");
        }
        if (c.nonNumbers == 0) {
            return new ColumnDecision(name, ColumnType.NUMERIC, declaredNumeric ? "declared with --numeric" : "numbers");
        }
        boolean mostlyNumbers = c.numbers >= c.nonNumbers;
        if (declaredNumeric || mostlyNumbers || c.textDropped) {
            String why = declaredNumeric ? "declared with --numeric"
                    : "the column is mostly numbers: " + c.numbers + " numbers";
            throw at.cell(c.firstNonNumberRow, name).text(c.firstNonNumberText)
                    .hint("(" + why + "; " + c.nonNumbers + (c.nonNumbers == 1 ? " bad cell" : " bad cells")
                            + " in this column: fix " + (c.nonNumbers == 1 ? "it" : "them") + ", add the text to "
                            + "--na-values if it means missing, or declare --categorical " + name + ")")
                    .problem(ColumnarTable.whyNotNumber(c.firstNonNumberText));
        }
        long present = c.rows - c.missing;
        if (c.levels.size() == present && present > 1 && c.numbers == 0) {
            return new ColumnDecision(name, ColumnType.IGNORED, "identifier-like: every value is distinct "
                    + "(declare --categorical " + name + " to use it)");
        }
        return new ColumnDecision(name, ColumnType.CATEGORICAL, "text");
    }
}
