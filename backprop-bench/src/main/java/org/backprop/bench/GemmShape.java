package org.backprop.bench;

/**
 * A product shape as the GEMM benchmarks name it, {@code form:MxNxK}: C (m×n) = A·B, Aᵀ·B or A·Bᵀ
 * (form {@code mult}, {@code multTransA}, {@code multTransB}) with depth k.
 */
record GemmShape(String form, int m, int n, int k) {

    /** Parses {@code "mult:500x128x100"}. */
    static GemmShape parse(String text) {
        String[] parts = text.split(":");
        String[] dims = parts[1].split("x");
        return new GemmShape(parts[0], Integer.parseInt(dims[0]), Integer.parseInt(dims[1]),
                Integer.parseInt(dims[2]));
    }

    /** Elements of A (m×k, or k×m for Aᵀ·B). */
    int aSize() {
        return m * k;
    }

    /** Elements of B (k×n, or n×k for A·Bᵀ). */
    int bSize() {
        return k * n;
    }

    /** Elements of C. */
    int cSize() {
        return m * n;
    }
}
