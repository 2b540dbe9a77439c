package org.backprop.init;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The weight initializers by name, as used in model files and on the command line:
 * {@code "fan_in_uniform"} (the default, {@link FanInUniform}), {@code "glorot_uniform"},
 * {@code "glorot_normal"}, {@code "he_uniform"}, {@code "he_normal"}, {@code "zeros"}.
 * Initializers are stateless, so each name maps to one shared instance.
 */
public final class Initializers {
    private static final Map<String, Initializer> BY_NAME = new LinkedHashMap<>();

    static {
        register(FanInUniform::new);
        register(GlorotUniform::new);
        register(GlorotNormal::new);
        register(HeUniform::new);
        register(HeNormal::new);
        register(Zeros::new);
    }

    private Initializers() {
    }

    private static void register(Supplier<Initializer> factory) {
        Initializer initializer = factory.get();
        BY_NAME.put(initializer.id(), initializer);
    }

    /** The default, {@code "fan_in_uniform"}. */
    public static Initializer defaultInitializer() {
        return BY_NAME.get("fan_in_uniform");
    }

    /** The initializer for {@code name} (case-insensitive), e.g. {@code "he_normal"}. */
    public static Initializer byName(String name) {
        Initializer initializer = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (initializer == null) {
            throw new IllegalArgumentException("unknown initializer '" + name + "'; known: " + names());
        }
        return initializer;
    }

    /** The known names, in a stable order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }
}
