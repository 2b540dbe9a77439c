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

    /** Why training stopped, as {@code "stopped_by"} stores it: early stopping. */
    public static final String EARLY_STOPPING = "early_stopping";
    /** Why training stopped, as {@code "stopped_by"} stores it: every configured epoch ran. */
    public static final String EPOCHS = "epochs";

    /**
     * This metadata with what training did added to {@link #training()}: {@code "epochs_run"},
     * {@code "epoch_kept"} (1-based: the epoch whose weights the model holds) and {@code "stopped_by"}
     * ({@link #EARLY_STOPPING} or {@link #EPOCHS}); {@code "epochs"} stays the most that could run.
     */
    public ModelMetadata withRun(int epochsRun, int epochKept, String stoppedBy) {
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(training).getAsJsonObject();
        json.addProperty("epochs_run", epochsRun);
        json.addProperty("epoch_kept", epochKept);
        json.addProperty("stopped_by", stoppedBy);
        return new ModelMetadata(json.toString(), seed, libraryVersion, commandLine);
    }

    /**
     * What training did, for people ({@code 33 epochs of at most 200, stopped by early stopping; kept
     * the weights of epoch 23}), or null if {@link #training()} does not say (models before it did).
     */
    public String runSummary() {
        com.google.gson.JsonObject json;
        try {
            json = com.google.gson.JsonParser.parseString(training).getAsJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
        if (!json.has("epochs_run") || !json.has("epoch_kept")) {
            return null;
        }
        int run = json.get("epochs_run").getAsInt();
        int kept = json.get("epoch_kept").getAsInt();
        boolean early = json.has("stopped_by") && EARLY_STOPPING.equals(json.get("stopped_by").getAsString());
        return run + (run == 1 ? " epoch" : " epochs") + (json.has("epochs") ? " of at most "
                + json.get("epochs").getAsInt() : "") + (early ? ", stopped by early stopping" : "")
                + "; kept the weights of epoch " + kept;
    }
}
