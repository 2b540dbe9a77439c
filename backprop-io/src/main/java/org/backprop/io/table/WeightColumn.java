package org.backprop.io.table;

import org.backprop.io.DataException;
import org.backprop.io.csv.ColumnarTable;

/**
 * A column of per-row weights ({@code backprop train --weight-column}): every cell a finite number
 * ≥ 0. Shared by the local command and Spark's executors, which read it partition by partition.
 */
public final class WeightColumn {
    private WeightColumn() {
    }

    /**
     * The weights of column {@code name} of {@code table}, one per row.
     *
     * @throws DataException            for a missing, non-number, negative or infinite weight, naming file,
     *                                  line, column and text
     * @throws IllegalArgumentException if the column was read as text only
     */
    public static double[] read(ColumnarTable table, String name) {
        double[] w = table.requireNumbers(name);
        for (int r = 0; r < w.length; r++) {
            if (!(w[r] >= 0) || Double.isInfinite(w[r])) {
                throw table.at(r, table.column(name)).text(Double.toString(w[r]))
                        .problem("a weight must be a finite number ≥ 0");
            }
        }
        return w;
    }
}
