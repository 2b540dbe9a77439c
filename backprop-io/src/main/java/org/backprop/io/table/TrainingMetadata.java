package org.backprop.io.table;

import com.google.gson.JsonObject;
import java.util.Locale;
import org.backprop.LibraryVersion;
import org.backprop.io.model.ModelMetadata;
import org.backprop.train.History;

/**
 * The {@code training} metadata a model file keeps about how it was trained, written the same by
 * {@code backprop train} and {@link Tabular#train} (one builder: front ends add their own keys to
 * {@link #settings}, e.g. the CLI's {@code class_weight}).
 */
public final class TrainingMetadata {
    private TrainingMetadata() {
    }

    /**
     * The settings of a run on {@code rows} rows of {@code dataName} with {@code options} and the
     * resolved {@code epochs}, {@code validationSplit} and {@code patience}: data, rows, optimizer,
     * learning_rate, epochs, batch_size, validation_split, patience, epochs_rule ("auto" when
     * {@link TabularOptions#automaticEpochs()}, else "given"), standardize_target and every
     * {@link TrainingToolkit} setting.
     */
    public static JsonObject settings(String dataName, long rows, TabularOptions options, int epochs,
                                      double validationSplit, int patience) {
        JsonObject json = new JsonObject();
        json.addProperty("data", dataName);
        json.addProperty("rows", rows);
        json.addProperty("optimizer", options.optimizer().toLowerCase(Locale.ROOT));
        json.addProperty("learning_rate", options.effectiveLearningRate());
        json.addProperty("epochs", epochs);
        json.addProperty("batch_size", options.batchSize());
        json.addProperty("validation_split", validationSplit);
        json.addProperty("patience", patience);
        json.addProperty("epochs_rule", options.automaticEpochs() ? "auto" : "given");
        json.addProperty("standardize_target", options.standardizeTarget());
        options.toolkit().addTo(json);
        return json;
    }

    /** The model's metadata: {@code training}, the options' seed, this library's version and {@code commandLine}. */
    public static ModelMetadata of(JsonObject training, TabularOptions options, String commandLine) {
        return new ModelMetadata(training.toString(), options.seed(), LibraryVersion.current(), commandLine);
    }

    /** {@code metadata} with the epochs {@code history} ran, the epoch it kept and why it stopped. */
    public static ModelMetadata withRun(ModelMetadata metadata, History history) {
        int run = history.epochs().size();
        return metadata.withRun(run, history.restoredEpoch() >= 0 ? history.restoredEpoch() + 1 : run,
                history.stoppedEarly() ? ModelMetadata.EARLY_STOPPING : ModelMetadata.EPOCHS);
    }
}
