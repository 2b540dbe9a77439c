package org.backprop.train;

/** Observes training. Both methods default to doing nothing. */
public interface TrainingListener {

    /** After each optimizer step; {@code loss} is that batch's training loss. */
    default void onBatchEnd(int epoch, int batch, double loss) {
    }

    /** After each epoch; {@code record} holds the metrics evaluated this epoch, if any. */
    default void onEpochEnd(EpochRecord record) {
    }
}
