package org.backprop.trace;

import org.backprop.tensor.Matrix;

/**
 * Summary statistics of a matrix. min, max, mean and the population standard deviation are taken
 * over the finite elements only (NaN if there are none); non-finite elements (NaN, ±∞) are counted
 * separately.
 *
 * @param count     number of elements
 * @param min       smallest finite element
 * @param max       largest finite element
 * @param mean      mean of the finite elements
 * @param std       population standard deviation of the finite elements
 * @param zeros     number of elements equal to 0 (±0.0)
 * @param nonFinite number of NaN or infinite elements
 */
public record TensorStats(int count, double min, double max, double mean, double std, int zeros, int nonFinite) {

    /** The statistics of {@code m}. */
    public static TensorStats of(Matrix m) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int zeros = 0;
        int nonFinite = 0;
        for (int k = 0; k < m.size(); k++) {
            double v = m.getFlat(k);
            if (!Double.isFinite(v)) {
                nonFinite++;
                continue;
            }
            zeros += v == 0 ? 1 : 0;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        int finite = m.size() - nonFinite;
        if (finite == 0) {
            return new TensorStats(m.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, zeros, nonFinite);
        }
        double mean = sum / finite;
        double squares = 0;
        for (int k = 0; k < m.size(); k++) {
            double v = m.getFlat(k);
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new TensorStats(m.size(), min, max, mean, Math.sqrt(squares / finite), zeros, nonFinite);
    }
}
