package org.backprop.layer;

import java.util.Map;

import org.backprop.init.Initializer;
import org.backprop.kernel.Gemm;
import org.backprop.network.Parameter;
import org.backprop.random.RandomSource;

/**
 * What a {@link LayerSpec} builds its layer from, given by the network builder.
 *
 * @param name          the layer's name, e.g. {@code "dense2"}
 * @param inputs        the number of input columns
 * @param parameters    the views of the parameters the spec declared, by their name within the layer
 *                      (e.g. {@code "W"}), all zero
 * @param gemm          the kernel the layer's products and element-wise work may run on
 * @param initRandom    the stream initial values are drawn from, shared by all layers in layer order
 * @param dropoutRandom the stream dropout masks are drawn from, shared by all layers in forward order
 * @param initializer   the network's default weight initializer
 */
public record LayerContext(String name, int inputs, Map<String, Parameter> parameters, Gemm gemm,
                           RandomSource initRandom, RandomSource dropoutRandom, Initializer initializer) {

    /** Copies the parameter map. */
    public LayerContext {
        parameters = Map.copyOf(parameters);
    }

    /** The parameter the spec declared as {@code localName}, e.g. {@code "W"}. */
    public Parameter parameter(String localName) {
        Parameter p = parameters.get(localName);
        if (p == null) {
            throw new IllegalArgumentException(name + ": no parameter '" + localName + "' was declared; declared: "
                    + parameters.keySet());
        }
        return p;
    }
}
