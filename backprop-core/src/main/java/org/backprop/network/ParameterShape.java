package org.backprop.network;

/**
 * A parameter a layer declares ({@link org.backprop.layer.LayerSpec#parameters}): the network
 * reserves rows×cols scalars for it in its flat parameter and gradient buffers, after the
 * parameters declared before it, and names it {@code <layer>.<name>}, e.g. {@code dense1.W}.
 *
 * @param name the name within the layer, e.g. {@code "W"}
 * @param kind what it is, for per-kind learning rates and regularization
 * @param rows rows (≥ 1)
 * @param cols columns (≥ 1)
 */
public record ParameterShape(String name, ParamKind kind, int rows, int cols) {

    /** Checks the name and the shape. */
    public ParameterShape {
        if (name == null || name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException("a parameter needs a name without dots, got '" + name + "'");
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("parameter " + name + " needs a positive shape, got " + rows + "×"
                    + cols);
        }
    }
}
