package org.backprop.metrics;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sum of doubles kept without rounding error, so that its value does not depend on the order of
 * the terms: {@link #doubleValue()} is the exact sum rounded once to the nearest double (ties to
 * even), whatever the order of {@link #add(double)} calls and however the terms were split into
 * partial sums merged with {@link #add(ExactSum)} (e.g. one per Spark partition). The metrics sum
 * through it, so a distributed evaluation gives the bits of a local one.
 *
 * <p>The sum is held as Shewchuk's non-overlapping expansion (Python's {@code math.fsum}; J. R.
 * Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates",
 * 1997): a few doubles of increasing magnitude whose exact sum is the sum of the terms. Each add costs
 * a pass over them (one or two for typical data). {@link #addProduct} adds a·b exactly (its rounded
 * product and, through {@link Math#fma}, the rounding error).
 *
 * <p>Non-finite terms (±∞, NaN) are summed apart, as a double (where the order does not matter):
 * they make the value ±∞ or NaN as in naive summation. A finite sum whose partial totals pass
 * {@link Double#MAX_VALUE} (terms near 10³⁰⁸) becomes ±∞ too, as a naive sum would. Not thread-safe.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Non-overlapping partials, increasing in magnitude; their exact sum is the finite terms' sum. */
    private double[] partials = new double[4];
    private int size;
    /** The sum of the non-finite terms (0 if none). */
    private double special;

    /** An empty sum (value 0). */
    public ExactSum() {
    }

    /** Adds {@code x}. */
    public void add(double x) {
        if (!Double.isFinite(x)) {
            special += x;
            return;
        }
        int kept = 0;
        for (int j = 0; j < size; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[kept++] = lo;
            }
            x = hi;
        }
        if (!Double.isFinite(x)) {
            special += x; // the partial total overflowed
            size = kept;
            return;
        }
        if (kept == partials.length) {
            partials = Arrays.copyOf(partials, kept * 2);
        }
        partials[kept++] = x;
        size = kept;
    }

    /** Adds the exact product {@code a·b} (its rounded value and its rounding error). */
    public void addProduct(double a, double b) {
        double p = a * b;
        if (!Double.isFinite(p)) {
            add(p);
            return;
        }
        add(p);
        add(Math.fma(a, b, -p));
    }

    /** Adds every term of {@code other} (unchanged): the sum of both sets of terms. */
    public void add(ExactSum other) {
        for (int j = 0; j < other.size; j++) {
            add(other.partials[j]);
        }
        special += other.special;
    }

    /** The exact sum rounded to the nearest double (ties to even); 0.0 for no terms. */
    public double doubleValue() {
        if (special != 0 || Double.isNaN(special)) {
            return special;
        }
        // Python's math.fsum: add the partials from the largest down until the rest cannot change
        // the rounded value, then correct a half-way case with the sign of what was left.
        int n = size;
        double hi = 0.0;
        if (n > 0) {
            hi = partials[--n];
            double lo = 0.0;
            while (n > 0) {
                double x = hi;
                double y = partials[--n];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) {
                    break;
                }
            }
            if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
                double y = lo * 2;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) {
                    hi = x;
                }
            }
        }
        return hi;
    }

    @Override
    public String toString() {
        return "ExactSum[" + doubleValue() + "]";
    }
}
