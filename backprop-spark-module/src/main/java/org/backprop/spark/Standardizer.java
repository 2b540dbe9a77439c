package org.backprop.spark;

import java.io.Serializable;
import java.util.Arrays;

import org.backprop.io.preprocess.StandardScaler;

/**
 * Per-column standardization x' = (x − mean) / std, fitted on the training rows in one distributed
 * pass and stored with the model so that scoring applies the same transform. A column with zero
 * spread is only centred (its std is treated as 1).
 */
public final class Standardizer implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] mean;
    private final double[] std;

    /** A standardizer with these means and (population) standard deviations. */
    public Standardizer(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " deviations");
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** The transform that changes nothing (mean 0, std 1). */
    public static Standardizer identity(int columns) {
        double[] ones = new double[columns];
        Arrays.fill(ones, 1.0);
        return new Standardizer(new double[columns], ones);
    }

    /** True for the identity transform: then {@link #apply} leaves values bit-for-bit unchanged. */
    public boolean isIdentity() {
        for (int j = 0; j < mean.length; j++) {
            if (mean[j] != 0 || std[j] != 1) {
                return false;
            }
        }
        return true;
    }

    /** The column means (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The column standard deviations (a copy). */
    public double[] std() {
        return std.clone();
    }

    /** Standardizes {@code row} in place; returns it. */
    public double[] apply(double[] row) {
        for (int j = 0; j < mean.length; j++) {
            double s = std[j] > 0 ? std[j] : 1.0;
            row[j] = (row[j] - mean[j]) / s;
        }
        return row;
    }

    /** The same transform as io's {@link StandardScaler} (a std of 0 becomes a scale of 1). */
    public StandardScaler toScaler() {
        double[] scale = std.clone();
        for (int j = 0; j < scale.length; j++) {
            scale[j] = scale[j] > 0 ? scale[j] : 1.0;
        }
        return StandardScaler.of(mean, scale);
    }

    @Override
    public String toString() {
        return "Standardizer[mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + "]";
    }
}
