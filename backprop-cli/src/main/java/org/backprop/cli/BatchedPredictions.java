package org.backprop.cli;

import java.util.Locale;

import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.ScalingOverflowException;
import org.backprop.tensor.Matrix;
import org.backprop.train.RowSource;

/**
 * A model's predictions over any number of rows, computed {@link #BATCH_ROWS} rows at a time (fewer
 * of inputs so wide that a batch would pass {@link RowSource#BLOCK_VALUES} values, see
 * {@link RowSource#rowsPerBlock}), so that the network's intermediate activations never exist for
 * all rows at once. Values beyond
 * what the model can represent are data errors (exit 3) naming the file, line and column: a
 * feature that overflows when scaled by the model's statistics, and a prediction that is not
 * finite or overflows when mapped back to the target's units.
 */
final class BatchedPredictions {
    /** Rows per forward pass. */
    static final int BATCH_ROWS = 4096;

    private BatchedPredictions() {
    }

    /** Receives the predictions of consecutive rows. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param firstRow index of the batch's first row
         * @param output   regression: n×1 values in target units; classification: n×classes probabilities
         */
        void accept(int firstRow, Matrix output);
    }

    /** The network inputs of {@code n} consecutive rows from {@code first}. */
    @FunctionalInterface
    interface Inputs {
        Matrix rows(int first, int n);
    }

    /**
     * Passes the predictions of every row of {@code inputs} (n×inputs, standardized when read, e.g.
     * encoded from a table) to {@code sink}, batch by batch, in order.
     *
     * @throws org.backprop.io.DataException naming the file, line, column and value of a feature that
     *                                       overflows when standardized
     */
    static void forEach(Model model, RowSource inputs, RowOrigin origin, Sink sink) {
        int batchRows = RowSource.rowsPerBlock(inputs.cols(), BATCH_ROWS);
        Matrix scratch = inputs.hasViews() ? null : Matrix.zeros(Math.min(batchRows, inputs.rows()), inputs.cols());
        forEach(model, inputs.rows(), batchRows, (first, n) -> block(model, inputs, first, first + n, scratch, origin),
                origin, sink);
    }

    private static void forEach(Model model, int rows, int batchRows, Inputs inputs, RowOrigin origin, Sink sink) {
        for (int first = 0; first < rows; first += batchRows) {
            int n = Math.min(batchRows, rows - first);
            sink.accept(first, batch(model, inputs.rows(first, n), origin, first));
        }
    }

    /**
     * Regression predictions in target units, one per row, or classification probabilities (rows ×
     * classes), of the {@code rows} rows that {@code each} passes on.
     */
    static Matrix all(Model model, int rows, java.util.function.Consumer<Sink> each) {
        int k = model.task() == Task.CLASSIFICATION ? model.labels().classCount() : 1;
        double[] out = new double[Math.multiplyExact(rows, k)];
        each.accept((first, p) -> System.arraycopy(p.data(), p.offset(), out, first * k, p.rows() * k));
        return Matrix.wrap(rows, k, out);
    }

    /**
     * Every row of {@code inputs} (rows {@code 0, 1, …} of {@code origin}) as one matrix, e.g. the few
     * rows a gradient check or a trace runs on.
     *
     * @throws org.backprop.io.DataException naming the file, line, column and value of a feature that
     *                                       overflows when standardized
     */
    static Matrix inputs(Model model, RowSource inputs, RowOrigin origin) {
        Matrix all = Matrix.zeros(inputs.rows(), inputs.cols());
        for (int first = 0; first < inputs.rows(); first += BATCH_ROWS) {
            int to = Math.min(first + BATCH_ROWS, inputs.rows());
            all.rowRange(first, to).copyFrom(block(model, inputs, first, to, all.rowRange(first, to), origin));
        }
        return all;
    }

    /** Rows {@code [from, to)} of {@code inputs} (see {@link RowSource#rowBlock}); an overflow names its cell. */
    private static Matrix block(Model model, RowSource inputs, int from, int to, Matrix scratch, RowOrigin origin) {
        try {
            return inputs.rowBlock(from, to, scratch);
        } catch (ScalingOverflowException e) {
            String column = model.preprocessor().encoderOf(e.column()).column();
            throw origin.cell(e.row(), column).text(Double.toString(e.value())).problem(String.format(
                    Locale.ROOT, "value overflows when standardized with the model's statistics of input \"%s\" "
                            + "(mean %s, scale %s)", model.features().get(e.column()),
                    model.featureScaler().mean()[e.column()], model.featureScaler().scale()[e.column()]));
        }
    }

    private static Matrix batch(Model model, Matrix x, RowOrigin origin, int first) {
        if (model.task() == Task.CLASSIFICATION) {
            return requireFinite(model.probabilities(x), model, origin, first);
        }
        Matrix standardized = requireFinite(model.network().predict(x), model, origin, first);
        try {
            return Matrix.column(model.targetScaler().inverseTransform(standardized.toArray()));
        } catch (ScalingOverflowException e) {
            throw origin.cell(first + e.row(), model.target()).problem("the prediction (" + e.value()
                    + " standardized) overflows the double range in the target's units");
        }
    }

    private static Matrix requireFinite(Matrix output, Model model, RowOrigin origin, int first) {
        for (int r = 0; r < output.rows(); r++) {
            for (int c = 0; c < output.cols(); c++) {
                if (!Double.isFinite(output.get(r, c))) {
                    throw origin.cell(first + r, model.target()).problem("the model's output for this row is "
                            + output.get(r, c) + ": the row's features are too far outside the training data for "
                            + "the network's arithmetic");
                }
            }
        }
        return output;
    }
}
