package org.backprop.network;

import org.backprop.tensor.Matrix;

/**
 * One named parameter of a network: a view into the flat parameter buffer and the matching view
 * into the flat gradient buffer, both at {@link #offset()}.
 *
 * @param name   unique within the network, e.g. {@code "dense1.W"}
 * @param layer  the owning layer's name, e.g. {@code "dense1"}
 * @param kind   weight or bias
 * @param offset start of this parameter in the flat buffers
 * @param value  the parameter (a view)
 * @param grad   its gradient (a view)
 */
public record Parameter(String name, String layer, ParamKind kind, int offset, Matrix value, Matrix grad) {

    /** Number of scalars. */
    public int size() {
        return value.size();
    }
}
