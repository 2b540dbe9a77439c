package org.backprop.spark.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backprop.io.DataException;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;

/**
 * One pass over a {@link SparkTable}: per partition its rows, training rows (those whose target is
 * present) and a {@link ColumnSummary} of each kept column; merged on the driver in partition
 * order, so "the first bad cell" is the first in the file. The first partition that failed to
 * read ends the fit with its error, at its line in the whole input.
 */
final class TableProfile implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long rows;
    private final long trainRows;
    private final DataException error;
    private final LinkedHashMap<String, ColumnSummary> columns;

    private TableProfile(long rows, long trainRows, DataException error, LinkedHashMap<String, ColumnSummary> columns) {
        this.rows = rows;
        this.trainRows = trainRows;
        this.error = error;
        this.columns = columns;
    }

    /** Which rows of a partition are training rows: those whose target is present. */
    static boolean[] trainRows(ColumnarTable table, String target) {
        boolean[] train = new boolean[table.rowCount()];
        Column t = table.column(target);
        for (int r = 0; r < train.length; r++) {
            train[r] = !t.isMissing(r);
        }
        return train;
    }

    /** The profile of one partition. */
    static TableProfile of(TablePart part, String target) {
        if (part.table() == null) {
            return new TableProfile(0, 0, part.error(), new LinkedHashMap<>());
        }
        ColumnarTable table = part.table();
        boolean[] train = trainRows(table, target);
        long trainCount = 0;
        for (boolean t : train) {
            trainCount += t ? 1 : 0;
        }
        LinkedHashMap<String, ColumnSummary> summaries = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            summaries.put(c.name(), ColumnSummary.of(c, train, c.name().equals(target)));
        }
        return new TableProfile(table.rowCount(), trainCount, null, summaries);
    }

    /**
     * The partitions' profiles merged in order, and each partition's first row and first training row.
     *
     * @throws DataException the first partition's read error, at its global line
     */
    static Merged merge(List<TableProfile> parts) {
        long[] rowOffsets = new long[parts.size() + 1];
        long[] trainOffsets = new long[parts.size() + 1];
        Map<String, ColumnSummary> total = new LinkedHashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            TableProfile part = parts.get(p);
            if (part.error != null) {
                throw TablePart.shifted(part.error, rowOffsets[p]);
            }
            for (Map.Entry<String, ColumnSummary> e : part.columns.entrySet()) {
                ColumnSummary so = total.get(e.getKey());
                if (so == null) {
                    ColumnSummary first = new ColumnSummary();
                    first.levels = new java.util.HashMap<>();
                    first.trainLevels = new java.util.HashMap<>();
                    first.labels = e.getValue().labels == null ? null : new java.util.HashMap<>();
                    total.put(e.getKey(), first);
                    so = first;
                }
                so.append(e.getValue(), rowOffsets[p]);
            }
            rowOffsets[p + 1] = rowOffsets[p] + part.rows;
            trainOffsets[p + 1] = trainOffsets[p] + part.trainRows;
        }
        return new Merged(total, rowOffsets, trainOffsets);
    }

    /**
     * The merged profile.
     *
     * @param columns      summary per kept column (empty if there are no rows)
     * @param rowOffsets   global index of partition p's first row; entry P is the row count
     * @param trainOffsets global training index of partition p's first training row; entry P is their count
     */
    record Merged(Map<String, ColumnSummary> columns, long[] rowOffsets, long[] trainOffsets) {
        long rows() {
            return rowOffsets[rowOffsets.length - 1];
        }

        long trainRows() {
            return trainOffsets[trainOffsets.length - 1];
        }

        List<String> names() {
            return new ArrayList<>(columns.keySet());
        }
    }
}
