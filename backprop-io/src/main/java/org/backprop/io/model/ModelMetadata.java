package org.backprop.io.model;

/**
 * Where a model came from, stored as strings in the model file's metadata.
 *
 * @param training       the training configuration as a JSON object (optimizer, learning rate,
 *                       epochs, batch size, …), {@code "{}"} if unknown
 * @param seed           the root seed the weights and shuffles were drawn from
 * @param libraryVersion the backprop version that trained the model
 * @param commandLine    the command that trained it, or empty
 */
public record ModelMetadata(String training, long seed, String libraryVersion, String commandLine) {

    /** Replaces nulls by empty values. */
    public ModelMetadata {
        training = training == null || training.isBlank() ? "{}" : training;
        libraryVersion = libraryVersion == null ? "" : libraryVersion;
        commandLine = commandLine == null ? "" : commandLine;
    }
}
