package org.backprop.io.model;

/**
 * One dense layer of an {@link Architecture}.
 *
 * @param units      number of outputs (≥ 1)
 * @param activation the activation's registry name, e.g. {@code "relu"} or {@code "linear"}
 */
public record LayerSpec(int units, String activation) {

    /** Checks the unit count and that an activation is named. */
    public LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a layer needs at least one unit, got " + units);
        }
        if (activation == null || activation.isBlank()) {
            throw new IllegalArgumentException("a layer needs an activation name");
        }
    }
}
