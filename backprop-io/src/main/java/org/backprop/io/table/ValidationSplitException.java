package org.backprop.io.table;

/**
 * A validation fraction that leaves fewer than 2 training rows ({@link TabularTraining#checkValidationSplit}):
 * its own type, so that a front end can name its option for it (the CLI's {@code --validation-split})
 * without taking every other {@link IllegalArgumentException} for one.
 */
public final class ValidationSplitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what the split leaves, e.g. "a validation split of 0.5 leaves fewer than 2 of 3 rows …" */
    public ValidationSplitException(String message) {
        super(message);
    }
}
