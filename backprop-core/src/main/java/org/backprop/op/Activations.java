package org.backprop.op;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The activations by name, as used in model files and on the command line: {@code "linear"},
 * {@code "relu"}, {@code "sigmoid"}, {@code "tanh"}, {@code "leaky_relu"} (slope 0.01),
 * {@code "elu"} (α = 1), {@code "gelu"} (exact erf form), {@code "softplus"}. Names give the default
 * settings; construct {@link LeakyReLU} or {@link ELU} directly for others.
 *
 * <p>There is no "softmax" activation: softmax is row-wise, not element-wise. A classifier ends in a
 * {@code "linear"} layer producing logits and uses the fused
 * {@link org.backprop.loss.SoftmaxCrossEntropy} loss; see there.
 */
public final class Activations {
    private static final Map<String, Supplier<Activation>> BY_NAME = new LinkedHashMap<>();

    static {
        register(Linear::new);
        register(ReLU::new);
        register(Sigmoid::new);
        register(Tanh::new);
        register(LeakyReLU::new);
        register(ELU::new);
        register(GELU::new);
        register(Softplus::new);
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
