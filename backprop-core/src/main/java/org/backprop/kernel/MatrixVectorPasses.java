package org.backprop.kernel;

/**
 * The {@link FusedPasses} of a double {@link BlockedGemm}: its own matrix–vector loops, so a
 * plan's pieces have the bits of the kernel's products.
 */
final class MatrixVectorPasses implements FusedPasses {
    private final BlockedGemm kernel;

    private MatrixVectorPasses(BlockedGemm kernel) {
        this.kernel = kernel;
    }

    /** The passes of a double kernel. */
    static FusedPasses of(BlockedGemm kernel) {
        return new MatrixVectorPasses(kernel);
    }

    /**
     * None for a float kernel: a float32 network computes its matrix–vector shapes in double
     * ({@link Float32Gemm}), whose kernel offers the passes.
     */
    static FusedPasses of(BlockedFloatGemm kernel) {
        return null;
    }

    @Override
    public FloatCopyProducts floatCopies() {
        return null;
    }

    @Override
    public void matrixVectorRows(double[] a, int aOff, int k, int from, int to, double[] x, int xOff,
                                 double[] c, int cOff) {
        kernel.dotProducts(a, aOff + from * k, k, to - from, x, xOff, k, c, cOff + from, false);
    }

    @Override
    public void transposedMatrixVectorBlock(double[] a, int aOff, int cols, int rows, double[] g, int gOff,
                                            double[] partial, int pOff) {
        kernel.combineRows(a, aOff, cols, rows, g, gOff, partial, pOff, cols, false);
    }
}
