package org.backprop.spark.ml;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The training record a Spark ML model keeps in its model file's metadata: the estimator's
 * settings plus {@code "epoch_losses"}, the mean training loss of every epoch.
 */
final class TrainingJson {
    private static final String LOSSES = "epoch_losses";

    private TrainingJson() {
    }

    /** {@code settings} plus the epoch losses, as JSON text. */
    static String of(JsonObject settings, List<Double> epochLosses) {
        JsonObject json = settings.deepCopy();
        JsonArray losses = new JsonArray();
        epochLosses.forEach(losses::add);
        json.add(LOSSES, losses);
        return json.toString();
    }

    /** The epoch losses recorded in {@code json}, or none if it is null or has no record of them. */
    static List<Double> epochLosses(String json) {
        List<Double> losses = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return losses;
        }
        JsonElement parsed = JsonParser.parseString(json);
        if (parsed.isJsonObject() && parsed.getAsJsonObject().get(LOSSES) instanceof JsonArray array) {
            array.forEach(e -> losses.add(e.getAsDouble()));
        }
        return losses;
    }
}
