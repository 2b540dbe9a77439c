package org.backprop.io.preprocess;

import java.io.Serializable;

import org.backprop.metrics.ExactSum;

/**
 * The fit of one column of a {@link StandardScaler} in three passes over its values, each of which
 * may be split into parts that are {@linkplain #merge merged} (one machine: one part; Spark: one
 * per partition) with the same result:
 * <ol>
 *   <li>{@link #addToRange}: count, minimum and maximum; a constant column is done (mean = the
 *       value, scale 1);</li>
 *   <li>{@link #addToSum}: the values scaled by 2<sup>-shift</sup> (shift from the largest
 *       magnitude, so no sum overflows) summed {@linkplain ExactSum exactly}; mean = sum / count;</li>
 *   <li>{@link #addToSquares}: the squared deviations of the scaled values from the scaled mean,
 *       summed exactly; scale = the population standard deviation, or 1 if it is 0 or subnormal.</li>
 * </ol>
 * Call {@link #nextPass()} between passes (on the merged fit). Exact sums make the scaler independent
 * of row order and partitioning.
 */
public final class ScalerColumnFit implements Serializable {
    private static final long serialVersionUID = 1L;
    private int pass = 1;
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private int shift;
    private ExactSum sum = new ExactSum();
    private double scaledMean;
    private ExactSum squares = new ExactSum();

    /** An empty fit in pass 1. */
    public ScalerColumnFit() {
    }

    /** An empty part of the same pass, carrying what the earlier passes found. */
    public ScalerColumnFit part() {
        ScalerColumnFit p = new ScalerColumnFit();
        p.pass = pass;
        p.count = count;
        p.min = min;
        p.max = max;
        p.shift = shift;
        p.scaledMean = scaledMean;
        return p;
    }

    /** Pass 1: one value (finite). */
    public void addToRange(double x) {
        count++;
        min = Math.min(min, x);
        max = Math.max(max, x);
    }

    /** Pass 2: one value (skipped for a constant column). */
    public void addToSum(double x) {
        if (min != max) {
            sum.add(Math.scalb(x, -shift));
        }
    }

    /** Pass 3: one value (skipped for a constant column). */
    public void addToSquares(double x) {
        if (min != max) {
            double d = Math.scalb(x, -shift) - scaledMean;
            squares.add(d * d);
        }
    }

    /** Adds another part of the same pass (the result does not depend on the merge order). */
    public ScalerColumnFit merge(ScalerColumnFit other) {
        if (other.pass != pass) {
            throw new IllegalStateException("merging pass " + other.pass + " into pass " + pass);
        }
        if (pass == 1) {
            count += other.count;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        } else if (pass == 2) {
            sum.add(other.sum);
        } else {
            squares.add(other.squares);
        }
        return this;
    }

    /** True if the values are all equal: passes 2 and 3 add nothing. */
    public boolean constant() {
        return min == max;
    }

    /** Ends the current pass (of the merged fit) and starts the next one. */
    public void nextPass() {
        if (pass == 1) {
            if (count == 0) {
                throw new IllegalArgumentException("no values to fit a scaler on");
            }
            shift = constant() ? 0 : Math.getExponent(Math.max(Math.abs(min), Math.abs(max))) + 1;
        } else if (pass == 2) {
            scaledMean = constant() ? 0 : sum.doubleValue() / count;
        } else {
            throw new IllegalStateException("the fit is done");
        }
        pass++;
    }

    /** The mean, after pass 2. */
    public double mean() {
        requirePass(3);
        return constant() ? min : Math.scalb(scaledMean, shift);
    }

    /** The scale (population standard deviation, or 1 if it is 0, subnormal or infinite), after pass 3. */
    public double scale() {
        requirePass(3);
        if (constant()) {
            return 1;
        }
        double std = Math.scalb(Math.sqrt(squares.doubleValue() / count), shift);
        return std >= Double.MIN_NORMAL && Double.isFinite(std) ? std : 1;
    }

    private void requirePass(int atLeast) {
        if (pass < atLeast) {
            throw new IllegalStateException("pass " + pass + " is not done");
        }
    }
}
