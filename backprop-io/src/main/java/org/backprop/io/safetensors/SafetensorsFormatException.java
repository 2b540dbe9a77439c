package org.backprop.io.safetensors;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid safetensors file (or uses features this reader does not support). */
public final class SafetensorsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** Creates an exception whose message is {@code "<file>: <problem>"}. */
    public SafetensorsFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file that failed to parse. */
    public Path getFile() {
        return file;
    }
}
