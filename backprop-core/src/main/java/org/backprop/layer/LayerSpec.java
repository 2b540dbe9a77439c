package org.backprop.layer;

import java.io.Serializable;
import java.util.List;

import org.backprop.network.Params;
import org.backprop.network.ParameterShape;

/**
 * The description of one layer of a {@link org.backprop.network.NetworkSpec}: its type, every
 * hyperparameter, the parameters it needs and how to build it. Implement it to add a layer type
 * without touching the core, and add it with {@code NetworkBuilder.layer(spec)}; the built-in ones
 * are {@link DenseSpec}, {@link DropoutSpec} and {@link EmbeddingSpec}.
 *
 * <p>A spec is an immutable value (equal specs build equal layers from equal parameters), serializable
 * so that it can be shipped to other machines. The network names its layers {@code type() + ordinal}
 * ({@code dense1}, {@code dense2}, {@code dropout1}, …) and lays the parameters of all layers out in
 * one flat buffer, in layer order and within a layer in the order {@link #parameters} gives.
 */
public interface LayerSpec extends Serializable {

    /**
     * The layer type's name in model files, lower case, e.g. {@code "dense"}; also the prefix of the
     * layers' names.
     */
    String type();

    /**
     * The number of output columns for an input of {@code inputs} columns.
     *
     * @throws IllegalArgumentException naming the layer type and the width if it cannot take
     *                                  {@code inputs} columns
     */
    int outputs(int inputs);

    /**
     * The parameters this layer needs for an input of {@code inputs} columns, in order (none by
     * default). They start at zero; {@link #build} initializes them.
     */
    default List<ParameterShape> parameters(int inputs) {
        return List.of();
    }

    /**
     * Builds the layer: {@code context} gives its name, its input width, the views of the parameters
     * declared by {@link #parameters} (to initialize here, drawing from
     * {@link LayerContext#initRandom()}), the kernel and the random streams. The layer must take
     * {@code context.inputs()} columns and give {@link #outputs}{@code (context.inputs())}.
     */
    Layer build(LayerContext context);

    /**
     * Every hyperparameter of this spec by name, for model files: the factory of this type builds an
     * equal spec from them ({@link LayerTypes}).
     */
    Params params();
}
