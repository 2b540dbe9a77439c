package org.backprop.io.preprocess;

import java.util.Locale;

/** How a feature column enters the network. */
public enum ColumnType {
    /** Numbers, standardized; missing cells imputed with the training median plus an indicator column. */
    NUMERIC,
    /** Text levels, one-hot encoded; rare levels merged, missing cells a level of their own. */
    CATEGORICAL,
    /** Not used (declared with {@code --ignore}, identifier-like, or every value missing). */
    IGNORED;

    /** The lower-case name used in messages and model files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}. */
    public static ColumnType fromId(String id) {
        for (ColumnType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown column type \"" + id + "\"");
    }
}
