package org.backprop.io.table;

import java.util.Arrays;
import java.util.List;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.CategoricalEncoder;
import org.backprop.io.preprocess.ColumnEncoder;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.preprocess.FarFromTraining;
import org.backprop.io.preprocess.RowSet;
import org.backprop.io.preprocess.ScalerColumnFit;
import org.backprop.io.preprocess.ScalingOverflowException;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.tensor.Matrix;
import org.backprop.train.RowSource;

/**
 * Rows of a table as the network takes them, computed when they are read: row {@code i} is table
 * row {@code tableRows.tableRow(i)} encoded by the preprocessing and standardized by the feature scaler. The
 * table's cells stay the only copy of the data; a trainer's batch or an evaluation chunk is encoded
 * into its own buffer, so training never holds an n×inputs matrix. The values equal those of
 * {@link TablePreprocessor#encode} followed by {@link StandardScaler#transformInPlace} bit for bit.
 *
 * <p>Reads may run on several threads at once (the encoders and the table are read-only). Encoding
 * warnings (unseen levels) are counted by {@link #countWarnings}, not by reads.
 */
public final class EncodedRows implements RowSource {
    /**
     * Rows encoded at a time by {@link #fitScaler}, {@link #requireScalable} and
     * {@link #countWarnings}: fewer for wide rows, see {@link #blockRows()}.
     */
    static final int BLOCK_ROWS = 4096;

    private final ColumnarTable table;
    private final TablePreprocessor preprocessor;
    private final StandardScaler scaler;
    /** The table row of each row. */
    private final RowSet tableRows;
    /** Per encoder: a categorical column's slot of each text code (see {@code slotsOfCodes}) or null. */
    private final int[][] slotsOfCodes;

    /**
     * @param table        the table; its used columns must keep their cells while these rows are read
     * @param preprocessor the encoding (checked against {@code table} already)
     * @param scaler       the feature scaler ({@code preprocessor.width()} columns), or null: encoded only
     * @param tableRows    the table row of each row, in this source's order; null for every row of
     *                     the table in order (no list is held)
     */
    public EncodedRows(ColumnarTable table, TablePreprocessor preprocessor, StandardScaler scaler, int[] tableRows) {
        this(table, preprocessor, scaler, tableRows == null ? RowSet.all(table.rowCount()) : RowSet.of(tableRows));
    }

    /**
     * As {@link #EncodedRows(ColumnarTable, TablePreprocessor, StandardScaler, int[])} with the table
     * rows given as a {@link RowSet} (e.g. every row but the validation rows, without a list of them).
     */
    public EncodedRows(ColumnarTable table, TablePreprocessor preprocessor, StandardScaler scaler, RowSet tableRows) {
        if (scaler != null && scaler.columns() != preprocessor.width()) {
            throw new IllegalArgumentException("a scaler of " + scaler.columns() + " columns for "
                    + preprocessor.width() + " inputs");
        }
        this.table = table;
        this.preprocessor = preprocessor;
        this.scaler = scaler;
        this.tableRows = tableRows;
        List<ColumnEncoder> encoders = preprocessor.encoders();
        this.slotsOfCodes = new int[encoders.size()][];
        for (int e = 0; e < slotsOfCodes.length; e++) {
            if (encoders.get(e) instanceof CategoricalEncoder c) {
                slotsOfCodes[e] = c.slotsOfCodes(table);
            }
        }
    }

    /**
     * The feature scaler fitted on rows {@code tableRows} of {@code table} encoded by
     * {@code preprocessor}, a block of rows at a time: equal to {@link StandardScaler#fit} of the
     * encoded rows (its sums are exact, so they do not depend on how the rows are grouped).
     */
    public static StandardScaler fitScaler(ColumnarTable table, TablePreprocessor preprocessor, RowSet tableRows) {
        EncodedRows encoded = new EncodedRows(table, preprocessor, null, tableRows);
        int n = encoded.rows();
        if (n == 0) {
            throw new IllegalArgumentException("no rows to fit a scaler on");
        }
        int w = preprocessor.width();
        ScalerColumnFit[] fits = new ScalerColumnFit[w];
        Arrays.setAll(fits, c -> new ScalerColumnFit());
        int blockRows = encoded.blockRows();
        Matrix block = Matrix.zeros(Math.min(blockRows, n), w);
        for (int pass = 1; pass <= 3; pass++) {
            for (int from = 0; from < n; from += blockRows) {
                Matrix rows = encoded.rowBlock(from, Math.min(from + blockRows, n), block);
                double[] data = rows.data();
                for (int i = rows.offset(), end = i + rows.size(); i < end; i += w) {
                    for (int c = 0; c < w; c++) {
                        switch (pass) {
                            case 1 -> fits[c].addToRange(data[i + c]);
                            case 2 -> fits[c].addToSum(data[i + c]);
                            default -> fits[c].addToSquares(data[i + c]);
                        }
                    }
                }
            }
            if (pass < 3) {
                for (ScalerColumnFit f : fits) {
                    f.nextPass();
                }
            }
        }
        double[] mean = new double[w];
        double[] scale = new double[w];
        for (int c = 0; c < w; c++) {
            mean[c] = fits[c].mean();
            scale[c] = fits[c].scale();
        }
        return StandardScaler.of(mean, scale);
    }

    /**
     * Reads every row once, a block at a time, so that a value the scaler cannot represent is found
     * before training rather than in the middle of it.
     *
     * @throws ScalingOverflowException naming the row (of this source) and input of the first such value
     */
    public void requireScalable() {
        int blockRows = blockRows();
        Matrix block = Matrix.zeros(Math.max(1, Math.min(blockRows, rows())), cols());
        for (int from = 0; from < rows(); from += blockRows) {
            rowBlock(from, Math.min(from + blockRows, rows()), block);
        }
    }

    /**
     * Rows encoded at a time here: {@link #BLOCK_ROWS}, fewer when rows are so wide that a block
     * would pass {@link RowSource#BLOCK_VALUES} values, so that the block stays a few MiB for
     * thousands of inputs.
     */
    int blockRows() {
        return RowSource.rowsPerBlock(cols(), BLOCK_ROWS);
    }

    /** Every row of {@code table}, in order (e.g. rows to predict). */
    public static EncodedRows all(ColumnarTable table, TablePreprocessor preprocessor, StandardScaler scaler) {
        return new EncodedRows(table, preprocessor, scaler, RowSet.all(table.rowCount()));
    }

    /** The given rows of this source (0-based positions), in the given order. */
    public EncodedRows select(int[] rows) {
        return new EncodedRows(table, preprocessor, scaler, tableRows.select(rows));
    }

    /**
     * Encodes every row once, a block at a time, counting in {@code warnings} what the encoding met
     * without failing (levels not seen in training, missing cells in a column that had none) and, with
     * a scaler, the numbers far outside the training data ({@link FarFromTraining}).
     */
    public void countWarnings(EncodeWarnings warnings) {
        int blockRows = blockRows();
        Matrix block = Matrix.zeros(Math.max(1, Math.min(blockRows, rows())), cols());
        FarFromTraining far = scaler == null ? null : FarFromTraining.of(preprocessor, scaler);
        for (int from = 0; from < rows(); from += blockRows) {
            int to = Math.min(from + blockRows, rows());
            encode(rowsOf(from, to), 0, to - from, block, 0, warnings);
            if (far != null) {
                far.count(block, to - from, warnings);
            }
        }
    }

    /** The table row of row {@code i}. */
    public int tableRow(int i) {
        return tableRows.tableRow(i);
    }

    /** The table rows of these rows, in order. */
    public RowSet tableRows() {
        return tableRows;
    }

    @Override
    public int rows() {
        return tableRows.size();
    }

    @Override
    public int cols() {
        return preprocessor.width();
    }

    /**
     * {@inheritDoc}
     *
     * @throws ScalingOverflowException naming the row of this source ({@code order[…]}) of a value
     *                                  the scaler cannot represent
     */
    @Override
    public void gatherRows(int[] order, int from, int to, Matrix out, int outRow) {
        int[] rows = new int[to - from];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = tableRow(order[from + k]);
        }
        try {
            write(rows, 0, rows.length, out, outRow);
        } catch (ScalingOverflowException e) {
            throw e.atRow(order[from + e.row()]);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws ScalingOverflowException naming the row of this source of a value the scaler cannot represent
     */
    @Override
    public Matrix rowBlock(int from, int to, Matrix scratch) {
        Matrix block = scratch.rowRange(0, to - from);
        try {
            write(rowsOf(from, to), 0, to - from, block, 0);
        } catch (ScalingOverflowException e) {
            throw e.atRow(from + e.row());
        }
        return block;
    }

    /** The table rows of rows {@code [from, to)}. */
    private int[] rowsOf(int from, int to) {
        return tableRows.tableRows(from, to);
    }

    /** Encodes table rows {@code rows[from..to)} into rows {@code outRow…} of {@code out}, then standardizes them. */
    private void write(int[] rows, int from, int to, Matrix out, int outRow) {
        double[] data = encode(rows, from, to, out, outRow, new EncodeWarnings());
        if (scaler != null) {
            scaler.transformRowsInPlace(data, out.offset() + outRow * cols(), to - from);
        }
    }

    /** Encodes table rows {@code rows[from..to)} into rows {@code outRow…} of {@code out}; returns its array. */
    private double[] encode(int[] rows, int from, int to, Matrix out, int outRow, EncodeWarnings warnings) {
        int w = cols();
        if (out.cols() != w || outRow < 0 || outRow + (to - from) > out.rows()) {
            throw new IllegalArgumentException("encoded rows: " + (to - from) + " rows of " + w + " inputs into "
                    + out.shape() + " from row " + outRow);
        }
        double[] data = out.data();
        int start = out.offset() + outRow * w;
        Arrays.fill(data, start, start + (to - from) * w, 0);
        int offset = 0;
        List<ColumnEncoder> encoders = preprocessor.encoders();
        for (int i = 0; i < slotsOfCodes.length; i++) {
            ColumnEncoder e = encoders.get(i);
            if (e instanceof CategoricalEncoder c) {
                c.encode(table, slotsOfCodes[i], rows, from, to, data, start, w, offset, warnings);
            } else {
                e.encode(table, rows, from, to, data, start, w, offset, warnings);
            }
            offset += e.outputNames().size();
        }
        return data;
    }
}
