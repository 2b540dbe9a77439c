package org.backprop.init;

import java.util.Set;

import org.backprop.network.Params;
import org.backprop.network.Registry;

/**
 * The weight initializers by name, as used in model files and on the command line:
 * {@code "fan_in_uniform"} (the default, {@link FanInUniform}), {@code "glorot_uniform"},
 * {@code "glorot_normal"}, {@code "he_uniform"}, {@code "he_normal"}, {@code "zeros"}; none has
 * hyperparameters today. Adding an initializer is its class plus one line below.
 */
public final class Initializers {
    private static final Registry<Initializer> REGISTRY = Registry.builder("initializer", Initializer::spec)
            .add(p -> new FanInUniform())
            .add(p -> new GlorotUniform())
            .add(p -> new GlorotNormal())
            .add(p -> new HeUniform())
            .add(p -> new HeNormal())
            .add(p -> new Zeros())
            .build();

    private Initializers() {
    }

    /** The default, {@code "fan_in_uniform"}. */
    public static Initializer defaultInitializer() {
        return new FanInUniform();
    }

    /** The initializer for {@code name} (case-insensitive), e.g. {@code "he_normal"}. */
    public static Initializer byName(String name) {
        return REGISTRY.create(name, Params.EMPTY);
    }

    /**
     * The registry itself: {@code create(name, params)}, {@code create(component)} (as
     * {@link Initializer#spec()} reports it) and {@code canonical(component)} (every hyperparameter given).
     */
    public static Registry<Initializer> registry() {
        return REGISTRY;
    }

    /** The known names, in a stable order. */
    public static Set<String> names() {
        return REGISTRY.names();
    }
}
