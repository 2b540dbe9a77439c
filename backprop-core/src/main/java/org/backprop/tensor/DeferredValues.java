package org.backprop.tensor;

/**
 * The values of a {@link Matrix} kept elsewhere (e.g. in float storage by a network's fast path),
 * written into the matrix's array when it is first read ({@link Matrix#defer}).
 */
@FunctionalInterface
public interface DeferredValues {
    /** Writes the {@code size} values, row-major, into {@code dst[offset, offset + size)}. */
    void writeInto(double[] dst, int offset, int size);
}
