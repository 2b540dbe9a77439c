package org.backprop.spark.data;

import java.io.Serializable;
import java.util.Iterator;

import org.backprop.io.preprocess.StandardScaler;

/**
 * Count, mean and sum of squared deviations per column (the features, then the labels) (Welford's update, merged with Chan
 * et al.'s formula), plus the first unusable row seen. One instance per partition; the driver merges
 * them in partition order, so the result does not depend on task timing.
 */
final class ColumnStats implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] mean;
    private final double[] m2;
    private long count;
    private long problemIndex = Long.MAX_VALUE;
    private String problem;

    ColumnStats(int columns) {
        this.mean = new double[columns];
        this.m2 = new double[columns];
    }

    /** The statistics of one partition's rows. */
    static ColumnStats of(Iterator<LabeledRow> rows, int columns) {
        ColumnStats s = new ColumnStats(columns);
        rows.forEachRemaining(s::add);
        return s;
    }

    void add(LabeledRow row) {
        if (row.problem() != null) {
            noteProblem(row.index(), row.problem());
            return;
        }
        count++;
        double[] x = row.x();
        double[] y = row.y();
        for (int j = 0; j < mean.length; j++) {
            double v = j < x.length ? x[j] : y[j - x.length];
            double delta = v - mean[j];
            mean[j] += delta / count;
            m2[j] += delta * (v - mean[j]);
        }
    }

    /** Adds {@code other}'s rows into this one. */
    ColumnStats merge(ColumnStats other) {
        if (other.problem != null) {
            noteProblem(other.problemIndex, other.problem);
        }
        if (other.count == 0) {
            return this;
        }
        long total = count + other.count;
        for (int j = 0; j < mean.length; j++) {
            double delta = other.mean[j] - mean[j];
            mean[j] += delta * other.count / total;
            m2[j] += other.m2[j] + delta * delta * ((double) count * other.count / total);
        }
        count = total;
        return this;
    }

    private void noteProblem(long index, String message) {
        if (index < problemIndex) {
            problemIndex = index;
            problem = message;
        }
    }

    /** Rows without problems. */
    long count() {
        return count;
    }

    /** The problem of the lowest-index unusable row, or null. */
    String problem() {
        return problem;
    }

    /**
     * Standardizes columns [from, to) (features first, then labels) to mean 0 and (population)
     * standard deviation 1; a column whose deviation is below {@link Double#MIN_NORMAL} is only
     * centred (scale 1), as {@link StandardScaler#fit} does.
     */
    StandardScaler scaler(int from, int to) {
        double[] scale = new double[to - from];
        for (int j = 0; j < scale.length; j++) {
            double std = Math.sqrt(m2[from + j] / count);
            scale[j] = std >= Double.MIN_NORMAL ? std : 1.0;
        }
        return StandardScaler.of(java.util.Arrays.copyOfRange(mean, from, to), scale);
    }
}
