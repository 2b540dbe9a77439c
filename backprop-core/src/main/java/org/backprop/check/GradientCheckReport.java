package org.backprop.check;

/**
 * The outcome of a gradient check: how many elements were compared and the worst one.
 *
 * @param checked       number of elements compared
 * @param worstError    the largest relative error seen
 * @param worstElement  where it was, e.g. {@code "dense1.W[3,4]"} or {@code "input[0,2]"}
 * @param worstAnalytic the analytic derivative there
 * @param worstNumeric  the numeric derivative there
 * @param tolerance     the tolerance the check used
 */
public record GradientCheckReport(int checked, double worstError, String worstElement, double worstAnalytic,
                                  double worstNumeric, double tolerance) {

    /** True if every compared element is within tolerance (and at least one was compared). */
    public boolean passed() {
        return checked > 0 && worstError <= tolerance;
    }

    /** Combines two reports, keeping the worse element. */
    public GradientCheckReport merge(GradientCheckReport other) {
        GradientCheckReport worse = other.worstError > worstError ? other : this;
        return new GradientCheckReport(checked + other.checked, worse.worstError, worse.worstElement,
                worse.worstAnalytic, worse.worstNumeric, tolerance);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d elements checked, worst relative error %.3e at %s (analytic %.9g, numeric %.9g, tolerance %.1e)",
                passed() ? "PASSED" : "FAILED", checked, worstError, worstElement, worstAnalytic, worstNumeric,
                tolerance);
    }
}
