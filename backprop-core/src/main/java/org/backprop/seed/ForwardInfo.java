package org.backprop.seed;

import java.util.Map;
import org.backprop.tensor.Matrix;

/**
 * What the linear-regression forward pass saves for the backward pass: the loss and the notebook's
 * {@code forward_info} dict — {@code X} (n×d), {@code N = X·W} (n×1), {@code P = N + B} (n×1) and
 * {@code y} (n×1).
 */
public final class ForwardInfo {
    private final double loss;
    private final NamedMatrices named;

    ForwardInfo(double loss, Matrix x, Matrix n, Matrix p, Matrix y) {
        this.loss = loss;
        this.named = NamedMatrices.of("X", x, "N", n, "P", p, "y", y);
    }

    /** mean((y − P)²), a mean over the n samples. */
    public double loss() {
        return loss;
    }

    /** The intermediate called {@code name}: one of X, N, P, y. */
    public Matrix get(String name) {
        return named.get(name);
    }

    /** X, N, P, y by name, in that order (read-only). */
    public Map<String, Matrix> asMap() {
        return named.asMap();
    }

    public Matrix x() {
        return get("X");
    }

    public Matrix n() {
        return get("N");
    }

    public Matrix p() {
        return get("P");
    }

    public Matrix y() {
        return get("y");
    }
}
