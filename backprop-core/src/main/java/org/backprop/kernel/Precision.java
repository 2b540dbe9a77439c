package org.backprop.kernel;

import java.util.Locale;

/** The arithmetic precision of a network's matrix products. */
public enum Precision {
    /** Products in double (the default, and the reference for exactness). */
    FLOAT64,
    /**
     * Products in float: operands are rounded to float and products are accumulated in float, with
     * twice as many SIMD lanes. A dense layer whose products run in float also stores its values in
     * float: N, P, A, dL/dP and dL/dX are floats; each operation computes in double from the stored
     * floats and rounds its result once (so the values a trace or a gradient check reads are floats
     * widened exactly). The network's fast plan and its plain operation loop both do so, and agree
     * bit for bit. The parameters and the optimizer state are stored in float too (the parameter
     * buffer's float storage; the optimizer computes each update in double from the stored floats
     * and rounds once), so every parameter value is a float; the gradients stay in double.
     * Matrix–vector products (a dimension of 1) stay in double, as do the values of their layer:
     * they are memory-bound and gain nothing from float.
     */
    FLOAT32;

    /** Parses {@code float64}/{@code double} or {@code float32}/{@code float} (any case). */
    public static Precision parse(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "float64", "double", "f64" -> {
                return FLOAT64;
            }
            case "float32", "float", "f32" -> {
                return FLOAT32;
            }
            default -> throw new IllegalArgumentException("unknown dtype '" + text + "'; use float64 or float32");
        }
    }

    /** The name used on the command line and in model files: {@code float64} or {@code float32}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
