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

    /** The epoch whose evaluated parameters the network holds now, or −1 for the initial ones. */
    public int restoredEpoch() {
        return restoredEpoch;
    }
}
