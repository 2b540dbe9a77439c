package org.backprop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.tensor.Matrix;
import org.backprop.train.RowSource;

/**
 * A model's predictions as CSV text, one row per input row in input order. The prediction column
 * is named {@code <target>_predicted}, so it cannot be mistaken for (or joined over) the true
 * target column. Regression: that column, in the target's units. Classification: the predicted
 * label in that column, then one probability column per class, {@code p_<label>}, in the model's
 * class order. An optional id column comes first, its cells copied as written. Numbers are written
 * in full precision (shortest text that reads back as the same double).
 * Rows are computed {@link BatchedPredictions#BATCH_ROWS} at a time. Into standard output, all of
 * them before the first byte is written: a data error (exit 3) leaves standard output empty, not
 * half-written. Into a file written atomically ({@link Target#FILE}), each batch's text goes out as
 * soon as it is computed, so no more than one batch of predictions is held (a failure discards the
 * temporary file as a whole).
 */
final class PredictionsCsv {
    private PredictionsCsv() {
    }

    /** Receives each batch's text; may stop the run by throwing (e.g. when standard output failed). */
    @FunctionalInterface
    interface Chunks {
        void write(String text) throws IOException;
    }

    /** Where the text goes, which decides whether predictions are held until the last row is computed. */
    enum Target {
        /** A stream that cannot be taken back: every prediction is computed before the first byte. */
        STREAM,
        /** A temporary file renamed into place only on success: each batch is written once computed. */
        FILE
    }

    /** The suffix of the prediction column's name. */
    static final String SUFFIX = "_predicted";

    /** Writes the CSV text, with a header row, in chunks of one batch of rows, into a stream. */
    static void write(Model model, RowSource features, RowOrigin origin, Chunks out) throws IOException {
        write(model, features, origin, null, null, Target.STREAM, out);
    }

    /**
     * As {@link #write(Model, RowSource, RowOrigin, Chunks)} with the column {@code idName} and
     * its cells {@code ids} (one per row) first, unless {@code ids} is null.
     */
    static void write(Model model, RowSource features, RowOrigin origin, String idName, String[] ids, Target target,
                      Chunks out) throws IOException {
        StringBuilder header = new StringBuilder(header(model, ids == null ? null : idName));
        int n = features.rows();
        if (target == Target.FILE) {
            out.write(header.append('\n').toString());
            try {
                BatchedPredictions.forEach(model, features, origin, (first, p) -> {
                    try {
                        out.write(rows(model, p, ids, first));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return;
        }
        Matrix all = BatchedPredictions.all(model, n, sink -> BatchedPredictions.forEach(model, features, origin, sink));
        out.write(header.append('\n').toString());
        for (int first = 0; first < n; first += BatchedPredictions.BATCH_ROWS) {
            out.write(rows(model, all.rowRange(first, Math.min(n, first + BatchedPredictions.BATCH_ROWS)), ids, first));
        }
    }

    /** The header row, without its line break: the column {@code idName} first unless it is null. */
    static String header(Model model, String idName) {
        StringBuilder header = new StringBuilder(idName == null ? "" : quote(idName) + ",")
                .append(quote(model.target() + SUFFIX));
        if (model.task() == Task.CLASSIFICATION) {
            model.labels().classes().forEach(c -> header.append(',').append(quote("p_" + c)));
        }
        return header.toString();
    }

    /** Writes the CSV to {@code writer}; see {@link #write(Model, RowSource, RowOrigin, Chunks)}. */
    static void write(Model model, RowSource features, RowOrigin origin, Writer writer) throws IOException {
        write(model, features, origin, writer::write);
    }

    private static String rows(Model model, Matrix p, String[] ids, int first) {
        StringBuilder sb = new StringBuilder();
        if (model.task() == Task.REGRESSION) {
            for (int i = 0; i < p.rows(); i++) {
                id(sb, ids, first + i).append(p.get(i, 0)).append('\n');
            }
            return sb.toString();
        }
        String[] labels = model.labelsOf(p);
        for (int i = 0; i < p.rows(); i++) {
            id(sb, ids, first + i).append(quote(labels[i]));
            for (int j = 0; j < p.cols(); j++) {
                sb.append(',').append(p.get(i, j));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static StringBuilder id(StringBuilder sb, String[] ids, int row) {
        return ids == null ? sb : sb.append(quote(ids[row])).append(',');
    }

    /** RFC 4180 quoting when the text holds a comma, quote, line break or surrounding spaces. */
    static String quote(String text) {
        boolean plain = !text.isEmpty() && text.strip().equals(text) && text.chars().noneMatch(c -> c == ',' || c == '"'
                || c == '\n' || c == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
