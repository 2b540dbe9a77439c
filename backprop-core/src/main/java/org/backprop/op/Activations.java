package org.backprop.op;

import java.util.Set;

import org.backprop.network.Params;
import org.backprop.network.Registry;

/**
 * The activations by name, as used in model files and on the command line, with their
 * hyperparameters and defaults: {@code "linear"}, {@code "relu"}, {@code "sigmoid"}, {@code "tanh"},
 * {@code "leaky_relu"} ({@code slope}, default 0.01), {@code "elu"} ({@code alpha}, default 1),
 * {@code "gelu"} (exact erf form), {@code "softplus"}.
 *
 * <p>Adding an activation is its class (with {@link Activation#params()} if it has hyperparameters)
 * plus one line below.
 *
 * <p>There is no "softmax" activation: softmax is row-wise, not element-wise. A classifier ends in a
 * {@code "linear"} layer producing logits and uses the fused
 * {@link org.backprop.loss.SoftmaxCrossEntropy} loss; see there.
 */
public final class Activations {
    private static final Registry<Activation> REGISTRY = Registry.builder("activation", Activation::spec)
            .add(p -> new Linear())
            .add(p -> new ReLU())
            .add(p -> new Sigmoid())
            .add(p -> new Tanh())
            .add(p -> new LeakyReLU(p.number("slope", LeakyReLU.DEFAULT_SLOPE)))
            .add(p -> new ELU(p.number("alpha", ELU.DEFAULT_ALPHA)))
            .add(p -> new GELU())
            .add(p -> new Softplus())
            .build();

    private Activations() {
    }

    /** A new activation for {@code name} (case-insensitive) with its defaults, e.g. {@code "relu"}. */
    public static Activation byName(String name) {
        return REGISTRY.create(name, Params.EMPTY);
    }

    /**
     * The registry itself: {@code create(name, params)}, {@code create(component)} (as
     * {@link Activation#spec()} reports it) and {@code canonical(component)} (every hyperparameter given).
     */
    public static Registry<Activation> registry() {
        return REGISTRY;
    }

    /** The known names, in a stable order. */
    public static Set<String> names() {
        return REGISTRY.names();
    }
}
