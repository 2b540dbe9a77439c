package org.backprop.loss;

/** How a loss reduces its per-element terms to one number. */
public enum Reduction {
    /** The mean over all n·d elements; the gradient carries the factor 1/(n·d). PyTorch's default. */
    MEAN,
    /** The plain sum over all elements; the gradient has no 1/n factor. */
    SUM;

    /** The name in model files and specs: {@code "mean"} or {@code "sum"}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The reduction called {@code id} ({@code "mean"} or {@code "sum"}, case-insensitive).
     *
     * @throws IllegalArgumentException for another name
     */
    public static Reduction byId(String id) {
        for (Reduction r : values()) {
            if (r.id().equalsIgnoreCase(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reduction '" + id + "'; known: mean, sum");
    }

    /** The factor applied to the sum of {@code count} terms: 1/count for MEAN, 1 for SUM. */
    public double scale(int count) {
        return this == MEAN ? 1.0 / count : 1.0;
    }
}
