package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.backprop.io.csv.ColumnarTable;

/**
 * Finds categorical feature columns whose texts all have a {@link TextShape} (dates, percentages or
 * money amounts written as text), so that {@code train} can say that their numbers are not read: a
 * column of {@code 11.4%} becomes categories, most of them rare, and the user who meant a number
 * would otherwise learn it only from a poor model. The column stays categorical (its values are
 * not reinterpreted); the notice names an example and how to write the numbers. Columns declared
 * {@code --categorical} or {@code --embed} are the user's choice and get no notice. (A column of
 * distinct values is ignored, and {@link ColumnTypes} gives the reason.)
 */
public final class TextShapeNotices {
    private TextShapeNotices() {
    }

    /**
     * One notice per undeclared categorical feature column of {@code decisions} whose texts in
     * {@code table} have a shape, in column order.
     */
    public static List<String> notices(ColumnarTable table, List<ColumnDecision> decisions, TableOptions options) {
        List<String> out = new ArrayList<>();
        for (ColumnDecision d : decisions) {
            String name = d.column();
            if (d.type() != ColumnType.CATEGORICAL || options.categorical().contains(name)
                    || options.embed().contains(name)) {
                continue;
            }
            TextShape.Found shape = TextShape.find(table.column(name));
            if (shape != null) {
                out.add("column \"" + name + "\": " + shape.looksLike() + ", so categorical: " + shape.advice());
            }
        }
        return out;
    }
}
