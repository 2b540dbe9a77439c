package org.backprop.trace;

import org.backprop.tensor.Matrix;

/**
 * One named intermediate of a traced pass, e.g. {@code dense1.N} or {@code dense1.dL/dW}: a copy of
 * the values (the network reuses its own buffers) and their statistics.
 *
 * @param name  {@code layer.symbol} for forward values, {@code layer.dL/dsymbol} for gradients
 * @param value the values, owned by this entry
 * @param stats summary statistics of {@code value}
 */
public record TraceEntry(String name, Matrix value, TensorStats stats) {

    /** An entry holding a copy of {@code value}. */
    static TraceEntry copyOf(String name, Matrix value) {
        Matrix copy = value.copy();
        return new TraceEntry(name, copy, TensorStats.of(copy));
    }
}
