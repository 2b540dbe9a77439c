package org.backprop.io.preprocess;

import java.util.Arrays;
import java.util.Map;
import org.backprop.io.DoubleTable;

/**
 * Per-column standardization {@code z = (x - mean) / scale}, where {@code scale} is the population
 * standard deviation (divisor n) of the fitted rows, or 1 for a constant column or one whose deviation
 * is below {@link Double#MIN_NORMAL} (never divides by zero or by a subnormal).
 *
 * <p>Fit on training rows only, then apply the same scaler to validation, test and prediction
 * inputs. Fitting is overflow-safe: each column is first scaled by a power of two (exact) so its
 * largest magnitude is below 1, so values up to {@link Double#MAX_VALUE} give finite means and
 * scales. Sums are exact and rounded once ({@link ScalerColumnFit}), so the fit does not depend on
 * the row order or on how the rows are split (e.g. into Spark partitions). Transforms avoid intermediate overflow (e.g. {@code 1e308 - (-1e308)}); a result that is
 * itself beyond the double range throws {@link ScalingOverflowException} naming its row and column;
 * a non-finite input throws
 * {@link IllegalArgumentException}.
 * Data are row-major arrays whose length is a multiple of {@link #columns()}.
 */
public final class StandardScaler implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Key of the means in {@link #toArrays()}. */
    public static final String MEAN = "mean";
    /** Key of the scales in {@link #toArrays()}. */
    public static final String SCALE = "scale";

    private final double[] mean;
    private final double[] scale;

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits one mean and scale per column of {@code table}. */
    public static StandardScaler fit(DoubleTable table) {
        return fit(table.data(), table.rows(), table.cols());
    }

    /**
     * Fits one mean and scale per column of the row-major {@code rows × cols} array {@code data}.
     *
     * @throws IllegalArgumentException if there are no rows, sizes disagree, or a value is not finite
     */
    public static StandardScaler fit(double[] data, int rows, int cols) {
        if (rows < 1 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("need at least one row and data.length == rows*cols; got "
                    + data.length + " values for " + rows + "x" + cols);
        }
        checkInput(data, cols, "fit");
        double[] mean = new double[cols];
        double[] scale = new double[cols];
        for (int c = 0; c < cols; c++) {
            fitColumn(data, cols, c, mean, scale);
        }
        return new StandardScaler(mean, scale);
    }

    /**
     * A scaler with the given statistics (e.g. read back from a model file).
     *
     * @throws IllegalArgumentException unless lengths match, means are finite and scales finite and normal (≥ {@link Double#MIN_NORMAL})
     */
    public static StandardScaler of(double[] mean, double[] scale) {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException(mean.length + " means but " + scale.length + " scales");
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Double.isFinite(mean[c]) || !Double.isFinite(scale[c]) || scale[c] < Double.MIN_NORMAL) {
                throw new IllegalArgumentException("column " + c + ": invalid mean " + mean[c] + " or scale " + scale[c]);
            }
        }
        return new StandardScaler(mean.clone(), scale.clone());
    }

    /** Rebuilds a scaler from {@link #toArrays()} output. */
    public static StandardScaler fromArrays(Map<String, double[]> arrays) {
        double[] mean = arrays.get(MEAN);
        double[] scale = arrays.get(SCALE);
        if (mean == null || scale == null) {
            throw new IllegalArgumentException("need arrays \"" + MEAN + "\" and \"" + SCALE + "\", got " + arrays.keySet());
        }
        return of(mean, scale);
    }

    /** The statistics as {@code {"mean": [...], "scale": [...]}} (copies), e.g. to store as tensors. */
    public Map<String, double[]> toArrays() {
        return Map.of(MEAN, mean.clone(), SCALE, scale.clone());
    }

    /** Number of columns this scaler was fitted on. */
    public int columns() {
        return mean.length;
    }

    /** Per-column means (copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** Per-column scales (copy); 1 for constant columns. */
    public double[] scale() {
        return scale.clone();
    }

    /** Standardizes a table; column names are kept. */
    public DoubleTable transform(DoubleTable table) {
        return new DoubleTable(transform(table.data()), table.rows(), table.cols(), table.columnNames());
    }

    /** Standardizes a row-major array into a new array. */
    public double[] transform(double[] data) {
        return transformInPlace(data.clone());
    }

    /**
     * Standardizes a row-major array in place (no copy: for the training matrix) and returns it.
     *
     * @throws IllegalArgumentException  if a value is not finite (nothing was changed)
     * @throws ScalingOverflowException  naming the first value whose result is beyond the double
     *                                   range (the values before it are already standardized)
     */
    public double[] transformInPlace(double[] data) {
        checkInput(data, mean.length, "transform");
        transformRowsInPlace(data, 0, mean.length == 0 ? 0 : data.length / mean.length);
        return data;
    }

    /**
     * Standardizes {@code rows} rows of finite values in place, the first at index {@code start} of
     * the row-major {@code data} (e.g. a block of a larger matrix), as {@link #transformInPlace}.
     *
     * @throws ScalingOverflowException naming the first value (its row counted from {@code start})
     *                                  whose result is beyond the double range
     */
    public void transformRowsInPlace(double[] data, int start, int rows) {
        int cols = mean.length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0, i = start + r * cols; c < cols; c++, i++) {
                double z = standardize(data[i], mean[c], scale[c]);
                if (!Double.isFinite(z)) {
                    throw new ScalingOverflowException("transform: result at row " + r + ", column " + c + " (" + z
                            + ") of input " + data[i] + " is beyond the double range", r, c, data[i]);
                }
                data[i] = z;
            }
        }
    }

    /** Maps standardized values back to original units (e.g. regression predictions). */
    public DoubleTable inverseTransform(DoubleTable table) {
        return new DoubleTable(inverseTransform(table.data()), table.rows(), table.cols(), table.columnNames());
    }

    /** Maps a standardized row-major array back to original units, into a new array. */
    public double[] inverseTransform(double[] data) {
        checkInput(data, mean.length, "inverseTransform");
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            int c = i % mean.length;
            out[i] = unstandardize(data[i], mean[c], scale[c]);
        }
        return checkResult(data, out, mean.length, "inverseTransform");
    }

    private static void fitColumn(double[] data, int cols, int c, double[] mean, double[] scale) {
        ScalerColumnFit fit = new ScalerColumnFit();
        for (int i = c; i < data.length; i += cols) {
            fit.addToRange(data[i]);
        }
        fit.nextPass();
        for (int i = c; i < data.length; i += cols) {
            fit.addToSum(data[i]);
        }
        fit.nextPass();
        for (int i = c; i < data.length; i += cols) {
            fit.addToSquares(data[i]);
        }
        mean[c] = fit.mean();
        scale[c] = fit.scale();
    }

    /** {@code (x - mean) / scale}, halving the operands if the direct form overflows. */
    private static double standardize(double x, double mean, double scale) {
        double z = (x - mean) / scale;
        return Double.isInfinite(z) ? 2 * ((0.5 * x - 0.5 * mean) / scale) : z;
    }

    /** {@code z * scale + mean}, halving the operands if the direct form overflows. */
    private static double unstandardize(double z, double mean, double scale) {
        double x = z * scale + mean;
        return Double.isInfinite(x) ? 2 * (z * (0.5 * scale) + 0.5 * mean) : x;
    }

    private static void checkInput(double[] data, int cols, String operation) {
        if (cols == 0 ? data.length != 0 : data.length % cols != 0) {
            throw new IllegalArgumentException(operation + ": " + data.length
                    + " values is not a whole number of rows of " + cols + " columns");
        }
        int bad = firstNonFinite(data);
        if (bad >= 0) {
            throw new IllegalArgumentException(operation + ": input " + describe(data, bad, cols) + " is not finite");
        }
    }

    private static double[] checkResult(double[] in, double[] out, int cols, String operation) {
        int bad = firstNonFinite(out);
        if (bad >= 0) {
            throw new ScalingOverflowException(operation + ": result " + describe(out, bad, cols)
                    + " of input " + in[bad] + " is beyond the double range", bad / cols, bad % cols, in[bad]);
        }
        return out;
    }

    private static int firstNonFinite(double[] data) {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(double[] data, int i, int cols) {
        return "at row " + i / cols + ", column " + i % cols + " (" + data[i] + ")";
    }

    @Override
    public String toString() {
        return "StandardScaler[mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
