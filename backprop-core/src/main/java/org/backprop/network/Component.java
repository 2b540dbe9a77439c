package org.backprop.network;

import java.io.Serializable;
import java.util.Objects;

/**
 * A registered part of a network by its registry name and its hyperparameters: an activation
 * ({@link org.backprop.op.Activations}), a loss ({@link org.backprop.loss.Losses}) or an initializer
 * ({@link org.backprop.init.Initializers}), e.g. {@code leaky_relu(slope=0.3)} or
 * {@code huber(delta=2.5, reduction=mean)}. The registry builds the part from it
 * ({@code Activations.registry().create(component)}), and every part reports its own ({@code activation.spec()}),
 * with all of its hyperparameters, so that the two round-trip.
 *
 * @param name   the registry name, e.g. {@code "relu"} (lower case)
 * @param params the hyperparameters (may omit those at their defaults)
 */
public record Component(String name, Params params) implements Serializable {

    /** Checks that a name is given. */
    public Component {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a component needs a name");
        }
        params = Objects.requireNonNullElse(params, Params.EMPTY);
    }

    /** The part {@code name} with its default hyperparameters. */
    public static Component named(String name) {
        return new Component(name, Params.EMPTY);
    }

    /** {@code relu}, or {@code leaky_relu(slope=0.3)}. */
    @Override
    public String toString() {
        return params.isEmpty() ? name : name + "(" + params + ")";
    }
}
