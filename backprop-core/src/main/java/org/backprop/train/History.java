package org.backprop.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The per-epoch records of one {@link Trainer#fit} call, and how training ended: whether early
 * stopping ended it and which evaluated epoch's parameters the network holds afterwards.
 */
public final class History {
    private final List<EpochRecord> epochs = new ArrayList<>();
    private boolean stoppedEarly;
    private int restoredEpoch = -1;

    /**
     * A finished history of these epochs, without early stopping: the record of a training loop
     * other than {@link Trainer} (e.g. a distributed one).
     */
    public static History of(List<EpochRecord> records) {
        History history = new History();
        records.forEach(history::add);
        history.finish(false, -1);
        return history;
    }

    void add(EpochRecord record) {
        epochs.add(record);
    }

    void finish(boolean early, int restored) {
        this.stoppedEarly = early;
        this.restoredEpoch = restored;
    }

    /** Every epoch, in order. */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Only the epochs whose full-set losses (training, validation or both) were evaluated. */
    public List<EpochRecord> evaluated() {
        return epochs.stream().filter(EpochRecord::evaluated).toList();
    }

    /** The last evaluated training loss, or NaN if none. */
    public double finalTrainLoss() {
        for (int i = epochs.size() - 1; i >= 0; i--) {
            if (epochs.get(i).hasTrainLoss()) {
                return epochs.get(i).trainLoss();
            }
        }
        return Double.NaN;
    }

    /** True if early stopping ended training before the configured number of epochs. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * One line: the number of epochs, the last evaluated training and validation losses, the best
     * validation loss and its epoch, and how training ended, e.g. {@code History[40 epochs, final
     * train loss 0.0213, final validation loss 0.0305, best validation loss 0.0291 at epoch 31,
     * stopped early, parameters of epoch 31 restored]}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("History[").append(epochs.size()).append(epochs.size() == 1 ? " epoch"
                : " epochs");
        double train = finalTrainLoss();
        if (!Double.isNaN(train)) {
            sb.append(", final train loss ").append(number(train));
        }
        EpochRecord best = null;
        EpochRecord last = null;
        for (EpochRecord e : epochs) {
            if (e.hasValidation()) {
                last = e;
                best = best == null || e.validationLoss() < best.validationLoss() ? e : best;
            }
        }
        if (last != null) {
            sb.append(", final validation loss ").append(number(last.validationLoss()))
                    .append(", best validation loss ").append(number(best.validationLoss())).append(" at epoch ")
                    .append(best.epoch());
        }
        if (stoppedEarly) {
            sb.append(", stopped early");
        }
        if (restoredEpoch >= 0) {
            sb.append(", parameters of epoch ").append(restoredEpoch).append(" restored");
        }
        return sb.append(']').toString();
    }

    private static String number(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    /**
     * The epoch whose evaluated parameters early stopping restored into the network, or −1 if
     * early stopping was off (the network then holds the last step's parameters).
     */
    public int restoredEpoch() {
        return restoredEpoch;
    }
}
