package org.backprop.seed;

import java.util.Map;
import org.backprop.tensor.Matrix;

/**
 * The linear-regression notebook's {@code loss_gradients} dict: the gradients {@code W} (dL/dW, d×1)
 * and {@code B} (dL/dB, 1×1), plus every intermediate the notebook keeps for debugging —
 * {@code dLdP}, {@code dPdN}, {@code dLdN} (n×1), {@code dNdW} (d×n, = Xᵀ), {@code dPdB} (1×1) and
 * {@code dLdB} (n×1). See {@link LinearRegression#gradients} for the (summed-loss) convention.
 */
public final class LossGradients {
    private final NamedMatrices named;

    LossGradients(NamedMatrices named) {
        this.named = named;
    }

    /** The matrix called {@code name}: dLdP, dPdN, dLdN, dNdW, W, dPdB, dLdB or B. */
    public Matrix get(String name) {
        return named.get(name);
    }

    /** All of them by name, in the notebook's order (read-only). */
    public Map<String, Matrix> asMap() {
        return named.asMap();
    }

    /** dL/dW, d×1. */
    public Matrix w() {
        return get("W");
    }

    /** dL/dB, 1×1. */
    public Matrix b() {
        return get("B");
    }
}
