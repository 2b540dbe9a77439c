package org.backprop.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parts of one kind (activations, losses, initializers, layer specs) by registry name, each built
 * from its {@link Params}. Immutable once built; {@link org.backprop.op.Activations},
 * {@link org.backprop.loss.Losses} and {@link org.backprop.init.Initializers} hold one each, so that
 * adding a part is its class plus one {@link Builder#add} line there.
 *
 * @param <T> the kind of part
 */
public final class Registry<T> {
    private final String kind;
    private final Map<String, Function<Params, T>> factories;
    private final Function<T, Component> spec;

    private Registry(String kind, Map<String, Function<Params, T>> factories, Function<T, Component> spec) {
        this.kind = kind;
        this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
        this.spec = spec;
    }

    /**
     * Starts a registry.
     *
     * @param kind what the parts are, for messages, e.g. {@code "activation"}
     * @param spec how a part reports its name and full hyperparameters, e.g. {@code Activation::spec}
     */
    public static <T> Builder<T> builder(String kind, Function<T, Component> spec) {
        return new Builder<>(kind, spec);
    }

    /**
     * A new part {@code name} (case-insensitive) with {@code params} (the defaults for those not
     * given).
     *
     * @throws IllegalArgumentException naming the kind and the known names for an unknown name, or
     *                                  naming the part for an unknown or invalid hyperparameter
     */
    public T create(String name, Params params) {
        Function<Params, T> factory = factories.get(name.toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; known: " + names());
        }
        T part = factory.apply(params);
        params.requireKnownBy(kind + " " + name, spec.apply(part).params());
        return part;
    }

    /** {@link #create(String, Params) create(component.name(), component.params())}. */
    public T create(Component component) {
        return create(component.name(), component.params());
    }

    /** The canonical form of {@code component}: its part's own spec, every hyperparameter given. */
    public Component canonical(Component component) {
        return spec.apply(create(component));
    }

    /** The known names, in registration order. */
    public Set<String> names() {
        return factories.keySet();
    }

    /** Collects the factories of a {@link Registry}. */
    public static final class Builder<T> {
        private final String kind;
        private final Function<T, Component> spec;
        private final Map<String, Function<Params, T>> factories = new LinkedHashMap<>();

        private Builder(String kind, Function<T, Component> spec) {
            this.kind = kind;
            this.spec = spec;
        }

        /**
         * Registers a part under the name its default instance reports ({@code factory} applied to
         * {@link Params#EMPTY}); {@code factory} reads its hyperparameters with their defaults.
         */
        public Builder<T> add(Function<Params, T> factory) {
            return add(spec.apply(factory.apply(Params.EMPTY)).name(), factory);
        }

        /**
         * Registers a part under {@code name}, for parts that have no default instance (a layer spec
         * needs its sizes); {@code factory} must build a part whose spec is called {@code name}.
         */
        public Builder<T> add(String name, Function<Params, T> factory) {
            if (factories.putIfAbsent(name, factory) != null) {
                throw new IllegalStateException(kind + " '" + name + "' is registered twice");
            }
            return this;
        }

        /** The registry. */
        public Registry<T> build() {
            return new Registry<>(kind, factories, spec);
        }
    }
}
