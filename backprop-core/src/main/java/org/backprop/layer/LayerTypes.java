package org.backprop.layer;

import org.backprop.network.Component;
import org.backprop.network.Registry;

/**
 * The layer types by name, as model files store them: a layer spec is stored as the
 * {@link Component} {@code type(params)} ({@link #component}) and read back by the type's factory.
 * Built in: {@code "dense"} ({@link DenseSpec}), {@code "dropout"} ({@link DropoutSpec}), {@code "embedding"} ({@link EmbeddingSpec}). A program
 * with its own layer types reads its model files with a registry of its own:
 * {@code LayerTypes.builder().add("scale_shift", ScaleShiftSpec::fromParams).build()}.
 */
public final class LayerTypes {
    private static final Registry<LayerSpec> BUILT_IN = builder().build();

    private LayerTypes() {
    }

    /** The built-in layer types. */
    public static Registry<LayerSpec> builtIn() {
        return BUILT_IN;
    }

    /** A registry builder holding the built-in layer types, to add one's own to. */
    public static Registry.Builder<LayerSpec> builder() {
        return Registry.builder("layer type", LayerTypes::component)
                .add(DenseSpec.TYPE, DenseSpec::fromParams)
                .add(DropoutSpec.TYPE, DropoutSpec::fromParams)
                .add(EmbeddingSpec.TYPE, EmbeddingSpec::fromParams);
    }

    /** {@code spec} as a component: its type and hyperparameters. */
    public static Component component(LayerSpec spec) {
        return new Component(spec.type(), spec.params());
    }
}
