package org.backprop.kernel;

/**
 * Dense matrix products on row-major {@code double} arrays, the three forms backpropagation needs.
 *
 * <p>Every matrix is contiguous and row-major: element (i, j) of an r×c matrix stored at offset
 * {@code off} is {@code data[off + i * c + j]}. Outputs are written into the caller's array; when
 * {@code accumulate} is false the output is overwritten, otherwise the product is added to it.
 * Inputs and output must not overlap.
 *
 * <p>Implementations partition work over output tiles only and never split one dot product across
 * threads, so results are bit-identical for any thread count.
 */
public interface Gemm extends AutoCloseable {

    /** C (m×n) = A (m×k) · B (k×n). */
    void mult(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
              double[] c, int cOff, boolean accumulate);

    /** C (m×n) = Aᵀ · B, with A stored k×m and B stored k×n (dW = Xᵀ·G). */
    void multTransA(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                    double[] c, int cOff, boolean accumulate);

    /** C (m×n) = A · Bᵀ, with A stored m×k and B stored n×k (dX = G·Wᵀ). */
    void multTransB(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                    double[] c, int cOff, boolean accumulate);

    /**
     * The threads this kernel computes with, for the element-wise work around its products (see
     * {@link ThreadTeam#forRange}). Default: {@link ThreadTeam#CALLING_THREAD}.
     */
    default ThreadTeam team() {
        return ThreadTeam.CALLING_THREAD;
    }

    /**
     * The extra passes this kernel offers a network's fused plan, or null (the default): a network
     * on such a kernel runs the plain operation loop.
     */
    default FusedPasses fusedPasses() {
        return null;
    }

    /** Number of threads this instance computes with (1 = the calling thread only). */
    int threads();

    /** One line for logs, e.g. {@code "scalar, 1 thread"}. */
    String describe();

    /** Releases the worker threads, if any. */
    @Override
    void close();
}
