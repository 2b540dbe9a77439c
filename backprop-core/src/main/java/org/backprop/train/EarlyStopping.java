package org.backprop.train;

/**
 * Counts evaluations without improvement of the monitored loss; with patience p &gt; 0, training
 * stops once p evaluations in a row did not improve on the best by more than minDelta. Patience 0
 * never stops.
 */
final class EarlyStopping {
    private final int patience;
    private final BestParameters best;
    private int withoutImprovement;

    EarlyStopping(int patience, BestParameters best) {
        this.patience = patience;
        this.best = best;
    }

    /** Takes an evaluated record into account (the parameters are copied on an improvement). */
    void observe(EpochRecord record) {
        if (best.offer(record.epoch(), record.monitoredLoss())) {
            withoutImprovement = 0;
        } else {
            withoutImprovement++;
        }
    }

    /** True once patience is exhausted. */
    boolean shouldStop() {
        return patience > 0 && withoutImprovement >= patience;
    }
}
