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
 * @param rechecked     elements whose first step crossed a kink and that were compared at a smaller
 *                      step (included in {@code checked})
 * @param excluded      elements not compared because every step tried crossed a kink (not in
 *                      {@code checked}); see {@link GradientCheckOptions}
 */
public record GradientCheckReport(int checked, double worstError, String worstElement, double worstAnalytic,
                                  double worstNumeric, double tolerance, int rechecked, int excluded) {

    /** A report without kink counts (as earlier versions made). */
    public GradientCheckReport(int checked, double worstError, String worstElement, double worstAnalytic,
                               double worstNumeric, double tolerance) {
        this(checked, worstError, worstElement, worstAnalytic, worstNumeric, tolerance, 0, 0);
    }

    /** True if every compared element is within tolerance (and at least one was compared). */
    public boolean passed() {
        return checked > 0 && worstError <= tolerance;
    }

    /** Combines two reports, keeping the worse element and adding the counts. */
    public GradientCheckReport merge(GradientCheckReport other) {
        GradientCheckReport worse = other.worstError > worstError ? other : this;
        return new GradientCheckReport(checked + other.checked, worse.worstError, worse.worstElement,
                worse.worstAnalytic, worse.worstNumeric, tolerance, rechecked + other.rechecked,
                excluded + other.excluded);
    }

    @Override
    public String toString() {
        String kinks = rechecked == 0 && excluded == 0 ? ""
                : String.format(java.util.Locale.ROOT, "; kinks: %d re-checked with a smaller step, %d excluded "
                        + "(every step crossed a ReLU or |·| kink)", rechecked, excluded);
        return String.format(java.util.Locale.ROOT,
                "%s: %d elements checked, worst relative error %.3e at %s (analytic %.9g, numeric %.9g, tolerance %.1e)%s",
                passed() ? "PASSED" : "FAILED", checked, worstError, worstElement, worstAnalytic, worstNumeric,
                tolerance, kinks);
    }
}
