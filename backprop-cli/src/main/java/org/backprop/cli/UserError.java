package org.backprop.cli;

/** An error caused by the user's input, reported as one line with a specific exit code. */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code, see {@link ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }
}
