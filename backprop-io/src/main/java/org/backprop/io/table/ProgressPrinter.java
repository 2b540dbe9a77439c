package org.backprop.io.table;

import java.io.PrintWriter;
import java.util.Locale;

import org.backprop.train.EpochRecord;
import org.backprop.train.TrainingListener;

/**
 * Training progress. On a terminal: one progress bar line, redrawn after every epoch, with the
 * epoch, the losses and the estimated time left, never wider than the terminal (the
 * {@code COLUMNS} environment variable, else 80 columns) so it never wraps. Otherwise (a pipe, a
 * file, a test): a plain line for about every tenth epoch and the last one, so logs stay short.
 * "loss" is the epoch's mean batch loss (as Keras's {@code loss}: taken during the epoch, in
 * training mode), "validation loss" the whole validation set's after the epoch.
 * With early stopping the epoch count is the most that may run. {@code backprop train} and
 * {@link Tabular#train} print with it.
 */
public final class ProgressPrinter implements TrainingListener {
    /** The terminal width assumed when {@code COLUMNS} is not set. */
    public static final int DEFAULT_WIDTH = 80;
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 30;

    private final PrintWriter out;
    private final int epochs;
    private final boolean terminal;
    private final int width;
    private final int every;
    private final long startNanos = System.nanoTime();
    private boolean barOpen;

    /**
     * Prints the progress of a run of {@code epochs} epochs to {@code out}: a redrawn bar if
     * {@code terminal} (as wide as the {@code COLUMNS} variable says), else plain lines.
     */
    public ProgressPrinter(PrintWriter out, int epochs, boolean terminal) {
        this(out, epochs, terminal, terminalWidth(System.getenv("COLUMNS")));
    }

    /** As the other constructor, for a terminal of {@code width} columns. */
    public ProgressPrinter(PrintWriter out, int epochs, boolean terminal, int width) {
        this.out = out;
        this.epochs = epochs;
        this.terminal = terminal;
        this.width = width;
        this.every = Math.max(1, epochs / 10);
    }

    /** The width in {@code columns} (the COLUMNS variable), or {@value #DEFAULT_WIDTH} if unset or invalid. */
    public static int terminalWidth(String columns) {
        try {
            int w = columns == null ? DEFAULT_WIDTH : Integer.parseInt(columns.trim());
            return w >= 20 ? w : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    @Override
    public void onEpochEnd(EpochRecord record) {
        int done = record.epoch() + 1;
        if (terminal) {
            out.print("\r" + barLine(record, done));
            barOpen = true;
            out.flush();
        } else if (done % every == 0 || done == epochs || done == 1) {
            out.println(status(record, done));
            out.flush();
        }
    }

    /** Ends the progress bar's line (call once training has stopped). */
    public void finish() {
        if (barOpen) {
            out.println();
            barOpen = false;
        }
    }

    /**
     * The bar line, padded with spaces to clear a longer previous line, at most {@code width − 1}
     * characters (the last column left free so no terminal wraps): the bar shrinks first, then the
     * validation loss is abbreviated, then the ETA is dropped.
     */
    public String barLine(EpochRecord record, int done) {
        int room = width - 1;
        String eta = eta(done);
        String status = status(record, done, false);
        if (status.length() + eta.length() + MIN_BAR + 3 > room) {
            status = status(record, done, true);
        }
        if (status.length() + eta.length() + MIN_BAR + 3 > room) {
            eta = "";
        }
        int bar = Math.min(MAX_BAR, room - status.length() - eta.length() - 3);
        bar = bar < MIN_BAR ? 0 : bar;
        String line = (bar > 0 ? bar(done, bar) + " " : "") + status + eta;
        if (line.length() > room) {
            line = line.substring(0, room);
        }
        return line + " ".repeat(room - line.length());
    }

    private String status(EpochRecord r, int done) {
        return status(r, done, false);
    }

    private String status(EpochRecord r, int done, boolean compact) {
        String width = Integer.toString(Integer.toString(epochs).length());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %" + width + "d/%d", done, epochs));
        sb.append(String.format(Locale.ROOT, "  loss %.6g", r.meanBatchLoss()));
        if (r.hasValidation()) {
            sb.append(String.format(Locale.ROOT, compact ? " val %.4g" : "  validation loss %.6g", r.validationLoss()));
        }
        return sb.toString();
    }

    private String bar(int done, int barWidth) {
        int inner = barWidth - 2;
        int filled = (int) ((long) inner * done / epochs);
        return "[" + "#".repeat(filled) + ".".repeat(inner - filled) + "]";
    }

    private String eta(int done) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long left = Math.round(elapsed / done * (epochs - done));
        return String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60);
    }
}
