package org.backprop.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.backprop.train.EpochRecord;
import org.backprop.train.TrainingListener;

/**
 * Training progress. On a terminal: one progress bar line, redrawn after every epoch, with the
 * epoch, the losses and the estimated time left. Otherwise (a pipe, a file, a test): a plain line
 * for about every tenth epoch and the last one, so logs stay short.
 */
final class ProgressPrinter implements TrainingListener {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final int epochs;
    private final boolean terminal;
    private final int every;
    private final long startNanos = System.nanoTime();
    private boolean barOpen;

    ProgressPrinter(PrintWriter out, int epochs, boolean terminal) {
        this.out = out;
        this.epochs = epochs;
        this.terminal = terminal;
        this.every = Math.max(1, epochs / 10);
    }

    @Override
    public void onEpochEnd(EpochRecord record) {
        int done = record.epoch() + 1;
        if (terminal) {
            out.print("\r" + bar(done) + " " + status(record, done) + eta(done) + "   ");
            barOpen = true;
            out.flush();
        } else if (done % every == 0 || done == epochs || done == 1) {
            out.println(status(record, done));
            out.flush();
        }
    }

    /** Ends the progress bar's line (call once training has stopped). */
    void finish() {
        if (barOpen) {
            out.println();
            barOpen = false;
        }
    }

    private String status(EpochRecord r, int done) {
        String width = Integer.toString(Integer.toString(epochs).length());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %" + width + "d/%d", done, epochs));
        if (r.evaluated()) {
            sb.append(String.format(Locale.ROOT, "  loss %.6g", r.trainLoss()));
        } else {
            sb.append(String.format(Locale.ROOT, "  batch loss %.6g", r.meanBatchLoss()));
        }
        if (r.hasValidation()) {
            sb.append(String.format(Locale.ROOT, "  validation loss %.6g", r.validationLoss()));
        }
        return sb.toString();
    }

    private String bar(int done) {
        int filled = (int) ((long) BAR_WIDTH * done / epochs);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    private String eta(int done) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long left = Math.round(elapsed / done * (epochs - done));
        return String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60);
    }
}
