package org.backprop.loss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The losses by name, as used in model files and on the command line, each with its defaults:
 * <ul>
 *   <li>{@code "mse"}: {@link MeanSquaredError}, MEAN;</li>
 *   <li>{@code "mae"}: {@link MeanAbsoluteError}, MEAN;</li>
 *   <li>{@code "huber"}: {@link Huber}, δ = 1, MEAN;</li>
 *   <li>{@code "bce_logits"}: {@link BinaryCrossEntropyWithLogits}, MEAN (last layer linear);</li>
 *   <li>{@code "softmax_ce"}: {@link SoftmaxCrossEntropy}, mean over rows (last layer linear, k ≥ 2).</li>
 * </ul>
 */
public final class Losses {
    private static final Map<String, Supplier<Loss>> BY_NAME = new LinkedHashMap<>();

    static {
        register(MeanSquaredError::new);
        register(MeanAbsoluteError::new);
        register(Huber::new);
        register(BinaryCrossEntropyWithLogits::new);
        register(SoftmaxCrossEntropy::new);
    }

    private Losses() {
    }

    private static void register(Supplier<Loss> factory) {
        BY_NAME.put(factory.get().id(), factory);
    }

    /** A new loss for {@code name} (case-insensitive) with its default settings, e.g. {@code "mse"}. */
    public static Loss byName(String name) {
        Supplier<Loss> factory = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new IllegalArgumentException("unknown loss '" + name + "'; known: " + names());
        }
        return factory.get();
    }

    /** The known names, in a stable order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }
}
