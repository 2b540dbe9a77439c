package org.backprop.io.preprocess;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.backprop.tensor.Matrix;

/**
 * Finds the numeric cells of rows to predict that lie far outside the training data: more than
 * {@value #STANDARD_DEVIATIONS} of the training standard deviations (the feature scaler's scale) from
 * the training mean. The network was never fitted there, so the prediction of such a row is an
 * extrapolation (a displacement of 99 litres for cars of 1.6–7 gives a negative mileage). They are
 * counted in {@link EncodeWarnings}, one row and column at a time, with the first value as example;
 * nothing is changed. Only the value input of a numeric column is looked at: one-hot and
 * missing-value indicator inputs are 0 or 1 by construction.
 */
public final class FarFromTraining {
    /** How many training standard deviations from the training mean a value is "far". */
    public static final int STANDARD_DEVIATIONS = 10;

    /** One numeric column's value input: its position, column name, training mean and scale. */
    private record Input(int position, String column, double mean, double scale, String warning) {
    }

    private final List<Input> inputs;

    private FarFromTraining(List<Input> inputs) {
        this.inputs = inputs;
    }

    /** The value inputs of {@code preprocessor}'s numeric columns with their training statistics in {@code scaler}. */
    public static FarFromTraining of(TablePreprocessor preprocessor, StandardScaler scaler) {
        double[] mean = scaler.mean();
        double[] scale = scaler.scale();
        List<Input> inputs = new ArrayList<>();
        int position = 0;
        for (ColumnEncoder e : preprocessor.encoders()) {
            if (e instanceof NumericEncoder) {
                inputs.add(new Input(position, e.column(), mean[position], scale[position], "a value more than "
                        + STANDARD_DEVIATIONS + " standard deviations from the training data's mean (mean "
                        + shortNumber(mean[position]) + ", standard deviation " + shortNumber(scale[position])
                        + "): its prediction extrapolates beyond what the model was trained on"));
            }
            position += e.outputNames().size();
        }
        return new FarFromTraining(inputs);
    }

    /**
     * Counts in {@code warnings} each cell of the first {@code rows} rows of {@code encoded} (encoded,
     * not yet standardized: one row per row to predict) that lies far from the training data.
     */
    public void count(Matrix encoded, int rows, EncodeWarnings warnings) {
        for (int r = 0; r < rows; r++) {
            for (Input in : inputs) {
                double v = encoded.get(r, in.position());
                double z = Math.abs((v - in.mean()) / in.scale());
                if (z > STANDARD_DEVIATIONS && z < Double.POSITIVE_INFINITY) { // an overflow is an error elsewhere
                    warnings.count(in.column(), in.warning(), shortNumber(v));
                }
            }
        }
    }

    /** {@code v} to 6 significant digits without trailing zeros: 20.5, 99000, 1E+300, -0.00123. */
    static String shortNumber(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        return a == 0 || a >= 1e-4 && a < 1e9 ? b.toPlainString() : b.toString();
    }
}
