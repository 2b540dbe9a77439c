package org.backprop.kernel;

/**
 * What a kernel offers a fused plan (a network's fast path) beyond its three products, asked with
 * {@link Gemm#fusedPasses()}. A kernel that offers it promises that a product of depth 1 (k = 1,
 * an outer product) gives element by element {@code fma(a, b, +0)}: the bits of
 * {@link Elementwise#outerProduct}, so a plan may compute such a product band by band inside
 * another pass.
 */
public interface FusedPasses {
    /** The passes of a kernel that computes in double: no float copies. */
    FusedPasses IN_DOUBLE = () -> null;

    /** The products on float copies when the kernel computes in float32, else null. */
    FloatCopyProducts floatCopies();
}
