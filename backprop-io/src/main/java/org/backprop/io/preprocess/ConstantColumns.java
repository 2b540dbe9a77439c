package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.backprop.io.OptionName;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;

/**
 * Finds numeric feature columns with the same number in every row, so that {@code train} can say
 * so. Such a column standardizes to 0 in every training row: it teaches the network nothing, and
 * its weights stay as initialized, so a different value at prediction time moves the prediction by
 * an amount no training row chose. It stays a feature (a model's inputs change only when the user
 * asks: {@code --ignore}); the notice names the value and the flag. A column with missing cells is
 * not constant (its missing indicator varies).
 */
public final class ConstantColumns {
    private ConstantColumns() {
    }

    /**
     * One notice per numeric feature column of {@code decisions} whose every cell in {@code table}
     * holds the same number, in column order; more than {@value ColumnGroup#SEPARATE_UP_TO} such
     * columns get one notice naming some and counting all.
     */
    public static List<String> notices(ColumnarTable table, List<ColumnDecision> decisions) {
        List<String> constant = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (ColumnDecision d : decisions) {
            if (d.type() != ColumnType.NUMERIC) {
                continue;
            }
            Column c = table.column(d.column());
            if (c.rows() > 1 && c.missingCount() == 0 && c.nonNumberCount() == 0 && constant(c)) {
                constant.add(d.column());
                out.add("column \"" + d.column() + "\": constant (every value is " + NumericEncoder.shown(c.number(0))
                        + "): it teaches the model nothing, and another value at prediction time moves "
                        + "predictions untrained: " + OptionName.ignore(d.column()) + " leaves it out");
            }
        }
        if (ColumnGroup.grouped(constant.size())) {
            return List.of(constant.size() + " constant columns (" + ColumnGroup.names(constant) + "): they teach "
                    + "the model nothing, and other values at prediction time move predictions untrained; --ignore "
                    + "leaves them out");
        }
        return out;
    }

    private static boolean constant(Column c) {
        double first = c.number(0);
        for (int r = 1; r < c.rows(); r++) {
            if (Double.compare(c.number(r), first) != 0) {
                return false;
            }
        }
        return true;
    }
}
