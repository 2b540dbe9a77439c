package org.backprop.io.model;

/** A model could not be saved because a weight, bias or scaler value is NaN or infinite. */
public final class NonFiniteWeightsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the tensor and position. */
    public NonFiniteWeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
