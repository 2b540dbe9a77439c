package org.backprop.kernel;

/**
 * What a kernel offers a fused plan (a network's fast path) beyond its three products, asked with
 * {@link Gemm#fusedPasses()}: pieces of its matrix–vector products that a plan may compute inside
 * its own passes, row band by row band, with the bits of the whole product.
 * <ul>
 *   <li>A product of depth 1 (k = 1, an outer product) gives element by element
 *       {@code fma(a, b, +0)}: the bits of {@link Elementwise#outerProduct}.</li>
 *   <li>C (m×1) = A (m×k) · x computes each row of C alone ({@link #matrixVectorRows}).</li>
 *   <li>C (m×1) = Aᵀ · g, A stored k×m (a weight gradient with one output unit, depth k = batch
 *       rows), adds up terms of blocks of {@link BlockedColumnSums#BLOCK_ROWS} rows of A in block
 *       order, as {@link BlockedColumnSums#finish} adds its partial sums; each block's term is
 *       {@link #transposedMatrixVectorBlock}.</li>
 * </ul>
 */
public interface FusedPasses {
    /** The products on float copies when the kernel computes in float32, else null. */
    FloatCopyProducts floatCopies();

    /**
     * Rows [from, to) of C = A·x: {@code c[cOff + i] = Σ_p a[aOff + i*k + p] · x[xOff + p]} for
     * p in [0, k), A row-major with k columns; the bits this kernel's product A·x (n = 1) gives.
     */
    void matrixVectorRows(double[] a, int aOff, int k, int from, int to, double[] x, int xOff,
                          double[] c, int cOff);

    /**
     * One block's term of Aᵀ·g: {@code partial[pOff + j] = Σ_r g[gOff + r] · a[aOff + r*cols + j]}
     * for j in [0, cols), r in [0, rows) (at most {@link BlockedColumnSums#BLOCK_ROWS}), in r order
     * from zero; the bits of the term this kernel's product Aᵀ·g (n = 1) adds for that block.
     */
    void transposedMatrixVectorBlock(double[] a, int aOff, int cols, int rows, double[] g, int gOff,
                                     double[] partial, int pOff);
}
