package org.backprop.op;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The activations by name, as used in model files and on the command line. */
public final class Activations {
    private static final Map<String, Supplier<Activation>> BY_NAME = new LinkedHashMap<>();

    static {
        register(Linear::new);
        register(ReLU::new);
        register(Sigmoid::new);
        register(Tanh::new);
    }

    private Activations() {
    }

    private static void register(Supplier<Activation> factory) {
        BY_NAME.put(factory.get().id(), factory);
    }

    /** A new activation for {@code name} (case-insensitive), e.g. {@code "relu"}. */
    public static Activation byName(String name) {
        Supplier<Activation> factory = BY_NAME.get(name.toLowerCase(java.util.Locale.ROOT));
        if (factory == null) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; known: " + names());
        }
        return factory.get();
    }

    /** The known names, in a stable order. */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
    }
}
