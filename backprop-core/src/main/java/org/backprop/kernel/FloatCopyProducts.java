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

    /** Rounds every range of {@code batch} into its copy in one parallel pass on the kernel's team, then clears it. */
    void narrow(FloatCopyBatch batch);

    /** C (m×n) = A (m×k) · B (k×n), overwriting C, from float copies. */
    void mult(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff);

    /** C (m×n) = A·B from float copies, into the float copy {@code c} (readied for m·n elements). */
    void mult(int m, int n, int k, FloatCopy a, FloatCopy b, FloatCopy c);

    /** C (m×n) = A·Bᵀ, A stored m×k and B n×k, from float copies into the float copy {@code c}. */
    void multTransB(int m, int n, int k, FloatCopy a, FloatCopy b, FloatCopy c);

    /** C (m×n) = Aᵀ·B, A stored k×m and B k×n, overwriting C, from float copies. */
    void multTransA(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff);

    /** C (m×n) = A·Bᵀ, A stored m×k and B n×k, overwriting C, from float copies. */
    void multTransB(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff);
}
