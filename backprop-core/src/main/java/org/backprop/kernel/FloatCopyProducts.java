package org.backprop.kernel;

/**
 * The products of a kernel that computes in float32 on double arrays, offered on operands rounded
 * once into {@link FloatCopy float copies}: a caller that uses one operand in several products
 * (a layer's input X in X·W and Xᵀ·G, its output gradient G in Xᵀ·G and G·Wᵀ) rounds it once.
 * Each product gives, bit for bit, what the kernel's double-array method gives on the operands the
 * copies were made from. Matrix–vector shapes stay in double ({@link #onCopies} is false for them).
 */
public interface FloatCopyProducts {

    /** True when an m×n×k product runs in float on copies; false for the shapes that stay in double. */
    boolean onCopies(int m, int n, int k);

    /** Rounds {@code len} elements of {@code src} from {@code off} into {@code copy}, on the kernel's team. */
    void narrow(double[] src, int off, int len, FloatCopy copy);

    /** C (m×n) = A (m×k) · B (k×n), overwriting C, from float copies. */
    void mult(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff);

    /**
     * C (m×n) = A·B from float copies, left in float in the kernel's product buffer: the caller
     * widens it into its double C with {@link #widenProduct}, range by range and on any threads,
     * before the next call on this kernel.
     */
    void multDeferred(int m, int n, int k, FloatCopy a, FloatCopy b);

    /**
     * Widens elements [from, to) of the product {@link #multDeferred} left in float into
     * {@code c[cOff + from, cOff + to)}.
     */
    void widenProduct(int from, int to, double[] c, int cOff);

    /** C (m×n) = Aᵀ·B, A stored k×m and B k×n, overwriting C, from float copies. */
    void multTransA(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff);

    /** C (m×n) = A·Bᵀ, A stored m×k and B n×k, overwriting C, from float copies. */
    void multTransB(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff);
}
