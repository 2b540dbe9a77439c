package org.backprop.io.model;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid backprop model (of a version this library reads). */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is {@code "<file>: <problem>"}. */
    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** As {@link #ModelFormatException(Path, String)}, keeping the cause. */
    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
