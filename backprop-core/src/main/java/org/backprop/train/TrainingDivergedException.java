package org.backprop.train;

/**
 * Training produced a NaN or infinite loss or parameter; the message says where (epoch, batch,
 * layer) and which parameters the trainer restored: the network never keeps non-finite
 * parameters after this is thrown.
 */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epoch;
    private final int batch;
    private final int restoredEpoch;

    /** {@link #restoredEpoch()} when the thrower restored nothing (it keeps no non-finite state, e.g. a
     * distributed driver that stops before applying the step). */
    public static final int NOTHING_RESTORED = -2;

    /** A divergence after which nothing was restored ({@link #NOTHING_RESTORED}). */
    public TrainingDivergedException(String message, int epoch, int batch) {
        this(message, epoch, batch, NOTHING_RESTORED);
    }

    /**
     * @param restoredEpoch the epoch whose evaluated parameters were restored, or −1 for the
     *                      initial parameters
     */
    public TrainingDivergedException(String message, int epoch, int batch, int restoredEpoch) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
        this.restoredEpoch = restoredEpoch;
    }

    /** 0-based epoch of the step that diverged. */
    public int epoch() {
        return epoch;
    }

    /** 0-based batch within that epoch. */
    public int batch() {
        return batch;
    }

    /**
     * The epoch whose evaluated parameters the network holds now, −1 for the initial ones, or
     * {@link #NOTHING_RESTORED}.
     */
    public int restoredEpoch() {
        return restoredEpoch;
    }
}
