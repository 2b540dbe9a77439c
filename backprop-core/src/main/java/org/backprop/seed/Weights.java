package org.backprop.seed;

import org.backprop.tensor.Matrix;

/**
 * The parameters of the linear-regression seed notebook: {@code W} is d×1 (one weight per feature)
 * and {@code B} is the 1×1 bias (the notebook's 1-D {@code np.array([2])}), broadcast over rows.
 */
public record Weights(Matrix w, Matrix b) {
}
