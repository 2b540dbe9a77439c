package org.backprop.train;

/** Training produced a NaN or infinite loss, gradient or parameter; the message says where. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epoch;
    private final int batch;

    public TrainingDivergedException(String message, int epoch, int batch) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
    }

    /** 0-based epoch of the step that diverged. */
    public int epoch() {
        return epoch;
    }

    /** 0-based batch within that epoch. */
    public int batch() {
        return batch;
    }
}
