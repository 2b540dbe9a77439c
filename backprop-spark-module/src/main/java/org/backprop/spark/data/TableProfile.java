package org.backprop.spark.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backprop.io.DataException;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.table.WeightColumn;

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
    private final DataException weightError;
    private final LinkedHashMap<String, ColumnSummary> columns;

    private TableProfile(long rows, long trainRows, DataException error, DataException weightError,
                         LinkedHashMap<String, ColumnSummary> columns) {
        this.rows = rows;
        this.trainRows = trainRows;
        this.error = error;
        this.weightError = weightError;
        this.columns = columns;
    }

    /**
     * Which rows of partition {@code partition} ({@code table}) are training rows ({@code validation}
     * false) or validation rows: without a {@code holdout} every row whose target is present trains
     * and none validates; with one, its split of those rows.
     */
    static boolean[] rows(ColumnarTable table, String target, int partition, Holdout holdout, boolean validation) {
        if (holdout != null) {
            return holdout.rows(table, target, partition, validation);
        }
        boolean[] train = new boolean[table.rowCount()];
        Column t = table.column(target);
        for (int r = 0; r < train.length && !validation; r++) {
            train[r] = !t.isMissing(r);
        }
        return train;
    }

    /**
     * The profile of one partition, its training rows those of {@code holdout} (null: every row
     * with a target); with a {@code weightColumn} (or null) its first bad weight.
     */
    static TableProfile of(TablePart part, String target, Holdout holdout, String weightColumn) {
        if (part.table() == null) {
            return new TableProfile(0, 0, part.error(), null, new LinkedHashMap<>());
        }
        ColumnarTable table = part.table();
        DataException weightError = null;
        if (weightColumn != null) {
            try {
                WeightColumn.read(table, weightColumn);
            } catch (DataException e) {
                weightError = e;
            }
        }
        boolean[] train = rows(table, target, part.partition(), holdout, false);
        long trainCount = 0;
        for (boolean t : train) {
            trainCount += t ? 1 : 0;
        }
        LinkedHashMap<String, ColumnSummary> summaries = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            summaries.put(c.name(), ColumnSummary.of(c, train, c.name().equals(target)));
        }
        return new TableProfile(table.rowCount(), trainCount, null, weightError, summaries);
    }

    /**
     * This partition's count of training rows by class label of {@code target} (a text target), or
     * under the key "" for every training row ({@code byLabel} false).
     */
    Map<String, Long> trainCounts(String target, boolean byLabel) {
        if (!byLabel) {
            return Map.of("", trainRows);
        }
        ColumnSummary s = columns.get(target);
        return s == null || s.labels == null ? Map.of() : s.labels;
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
        DataException weightError = null;
        for (int p = 0; p < parts.size(); p++) {
            TableProfile part = parts.get(p);
            if (part.error != null) {
                throw TablePart.shifted(part.error, rowOffsets[p]);
            }
            if (weightError == null && part.weightError != null) {
                weightError = TablePart.shifted(part.weightError, rowOffsets[p]);
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
        return new Merged(total, rowOffsets, trainOffsets, weightError);
    }

    /**
     * The merged profile.
     *
     * @param columns      summary per kept column (empty if there are no rows)
     * @param rowOffsets   global index of partition p's first row; entry P is the row count
     * @param trainOffsets global training index of partition p's first training row; entry P is their count
     * @param weightError  the first partition's weight error at its global line, or null
     */
    record Merged(Map<String, ColumnSummary> columns, long[] rowOffsets, long[] trainOffsets,
                  DataException weightError) {
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
