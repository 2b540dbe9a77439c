package org.backprop.network;

import org.backprop.kernel.FloatCopyProducts;
import org.backprop.kernel.FusedPasses;
import org.backprop.kernel.Gemm;
import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.tensor.Matrix;

/**
 * Which values a network on a float32 kernel keeps in float, one rule for the {@link DensePlan} and
 * the {@link PlainLoop}: a {@link Dense} layer whose products on a batch run in float on copies
 * ({@link FloatCopyProducts#onCopies}: not a matrix–vector shape) stores every value its operations
 * write (N, P, A, dL/dP, dL/dX) rounded to float; each operation computes in double from the stored
 * values. Every other layer (dropout, a one-unit or one-input dense layer, a batch of one row, a
 * user's layer) and every network on a double kernel keep their values in double.
 */
final class FloatStorage {
    private FloatStorage() {
    }

    /** The float products of {@code gemm} if it computes in float32 and offers them, else null. */
    static FloatCopyProducts floatsOf(Gemm gemm) {
        FusedPasses fused = gemm.fusedPasses();
        return fused == null ? null : fused.floatCopies();
    }

    /**
     * True when a dense layer with weights {@code w} (in×out) stores its values in float on a batch
     * of {@code rows}, given its kernel's float products ({@code floats}, null for a double kernel).
     */
    static boolean holds(FloatCopyProducts floats, Matrix w, int rows) {
        return floats != null && floats.onCopies(rows, w.cols(), w.rows());
    }

    /** As {@link #holds(FloatCopyProducts, Matrix, int)} for any layer: only dense layers store in float. */
    static boolean holds(FloatCopyProducts floats, Layer layer, int rows) {
        return floats != null && layer instanceof Dense dense && holds(floats, dense.weights().value(), rows);
    }

    /** Rounds every element of {@code m} to float in place (round to nearest even), as a float store keeps it. */
    static void round(Matrix m) {
        double[] data = m.data();
        for (int k = m.offset(), end = m.offset() + m.size(); k < end; k++) {
            data[k] = (float) data[k];
        }
    }
}
