package org.backprop.op;

import org.backprop.tensor.Matrix;

/**
 * Reusable output buffers keyed by shape. Two slots cover training (the full batch size and the
 * last, shorter batch of an epoch) so that steady-state steps allocate nothing.
 */
final class BufferCache {
    private Matrix first;
    private Matrix second;

    /** A rows×cols buffer, reused when a buffer of that shape was handed out before. */
    Matrix get(int rows, int cols) {
        if (fits(first, rows, cols)) {
            return first;
        }
        if (fits(second, rows, cols)) {
            Matrix hit = second;
            second = first;
            first = hit;
            return hit;
        }
        second = first;
        first = Matrix.zeros(rows, cols);
        return first;
    }

    private static boolean fits(Matrix m, int rows, int cols) {
        return m != null && m.rows() == rows && m.cols() == cols;
    }
}
