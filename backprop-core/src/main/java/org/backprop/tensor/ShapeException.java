package org.backprop.tensor;

/** Thrown when operands have incompatible shapes; the message names the operation and the shapes. */
public class ShapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
