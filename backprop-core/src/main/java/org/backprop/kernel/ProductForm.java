package org.backprop.kernel;

/**
 * The three product forms of {@link Gemm}, expressed as element strides so one blocked driver and
 * one micro-kernel serve all three.
 *
 * <p>Logically every form computes C (m×n) = Â (m×k) · B̂ (k×n). Element (i, p) of Â lives at
 * {@code aOff + i * aRowStride + p * aDepthStride} and element (p, j) of B̂ at
 * {@code bOff + p * bDepthStride + j * bColStride}; C is always row-major m×n.
 */
enum ProductForm {
    /** C = A·B: A stored m×k, B stored k×n. */
    MULT("mult", "A·B"),
    /** C = Aᵀ·B: A stored k×m, B stored k×n. */
    TRANS_A("multTransA", "Aᵀ·B"),
    /** C = A·Bᵀ: A stored m×k, B stored n×k. */
    TRANS_B("multTransB", "A·Bᵀ");

    private final String operation;
    private final String math;

    ProductForm(String operation, String math) {
        this.operation = operation;
        this.math = math;
    }

    /** Distance between Â(i, p) and Â(i + 1, p). */
    int aRowStride(int m, int k) {
        return this == TRANS_A ? 1 : k;
    }

    /** Distance between Â(i, p) and Â(i, p + 1). */
    int aDepthStride(int m, int k) {
        return this == TRANS_A ? m : 1;
    }

    /** Distance between B̂(p, j) and B̂(p + 1, j). */
    int bDepthStride(int n, int k) {
        return this == TRANS_B ? 1 : n;
    }

    /** Distance between B̂(p, j) and B̂(p, j + 1). */
    int bColStride(int n, int k) {
        return this == TRANS_B ? k : 1;
    }

    /**
     * Checks dimensions and that each operand fits its array from its offset.
     *
     * @throws IllegalArgumentException naming the operation and all shapes
     */
    void check(int m, int n, int k, int aLength, int aOff, int bLength, int bOff, int cLength, int cOff) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(describe(m, n, k) + ": dimensions must not be negative");
        }
        requireFits(m, n, k, "A", aLength, aOff, (long) m * k);
        requireFits(m, n, k, "B", bLength, bOff, (long) k * n);
        requireFits(m, n, k, "C", cLength, cOff, (long) m * n);
    }

    private void requireFits(int m, int n, int k, String name, int length, int offset, long needed) {
        if (offset < 0 || offset + needed > length) {
            throw new IllegalArgumentException(describe(m, n, k) + ": " + name + " needs " + needed
                    + " elements from offset " + offset + " but its array has " + length);
        }
    }

    /** E.g. {@code "multTransA C = Aᵀ·B with C 100×128, A stored 500×100, B stored 500×128"}. */
    String describe(int m, int n, int k) {
        String a = this == TRANS_A ? k + "×" + m : m + "×" + k;
        String b = this == TRANS_B ? n + "×" + k : k + "×" + n;
        return operation + " C = " + math + " with C " + m + "×" + n + ", A stored " + a + ", B stored " + b;
    }
}
