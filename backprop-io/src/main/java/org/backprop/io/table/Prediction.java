package org.backprop.io.table;

import java.util.Map;

/**
 * One row's prediction.
 *
 * @param value         regression: the prediction in the target's units; classification: NaN
 * @param label         classification: the most probable class; regression: null
 * @param probabilities classification: class → probability, in the model's class order; regression: empty
 */
public record Prediction(double value, String label, Map<String, Double> probabilities) {
    /** Copies the map. */
    public Prediction {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }
}
