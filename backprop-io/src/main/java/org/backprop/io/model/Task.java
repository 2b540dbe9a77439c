package org.backprop.io.model;

import java.util.Locale;

/** What a model predicts: a number (regression) or a class label (classification). */
public enum Task {
    /** One numeric target; predictions are in the target's own units. */
    REGRESSION,
    /** A class label; predictions are a label and one probability per class. */
    CLASSIFICATION;

    /** The name used in model files and on the command line: {@code "regression"} or {@code "classification"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The task called {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Task fromId(String id) {
        for (Task t : values()) {
            if (t.id().equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id + "'; known: regression, classification");
    }
}
