package org.backprop.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The per-epoch records of one {@link Trainer#fit} call. */
public final class History {
    private final List<EpochRecord> epochs = new ArrayList<>();

    void add(EpochRecord record) {
        epochs.add(record);
    }

    /** Every epoch, in order. */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Only the epochs whose full-set losses were evaluated. */
    public List<EpochRecord> evaluated() {
        return epochs.stream().filter(EpochRecord::evaluated).toList();
    }

    /** The last evaluated training loss, or NaN if none. */
    public double finalTrainLoss() {
        List<EpochRecord> e = evaluated();
        return e.isEmpty() ? Double.NaN : e.get(e.size() - 1).trainLoss();
    }
}
