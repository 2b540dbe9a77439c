package org.backprop.io.model;

import java.util.Locale;
import java.util.Set;

import org.backprop.loss.Loss;
import org.backprop.loss.MeanSquaredError;

/**
 * Losses by the names stored in model files. A seam: it knows only {@code "mse"} until the core's
 * {@code Losses} registry is merged, which it then delegates to.
 */
public final class LossNames {
    private LossNames() {
    }

    /**
     * A new loss for {@code name} with its default settings.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static Loss create(String name) {
        if ("mse".equals(name.toLowerCase(Locale.ROOT))) {
            return new MeanSquaredError();
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'; known: " + names());
    }

    /** The known names. */
    public static Set<String> names() {
        return Set.of("mse");
    }
}
