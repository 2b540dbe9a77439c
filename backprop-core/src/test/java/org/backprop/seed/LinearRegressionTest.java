package org.backprop.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.backprop.golden.GoldenFile;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every number the seed notebook {@code linear-regression-gradients} prints, and the same calls on
 * fractional inputs: golden file {@code golden/linear_regression.txt}, written by
 * {@code src/test/python/linear_regression_golden.py}, which runs the notebook's two functions
 * verbatim. The notebook's own case must match exactly; the fractional case to
 * {@value #RANDOM_RELATIVE_TOLERANCE} relative (NumPy's BLAS may fuse a multiply-add).
 */
class LinearRegressionTest {
    private static final GoldenFile GOLDEN = GoldenFile.load("linear_regression.txt");
    private static final double RANDOM_RELATIVE_TOLERANCE = 1e-14;
    private static final Matrix X = golden("notebook.inputs.X");
    private static final Matrix Y = golden("notebook.inputs.y");
    private static final Weights WEIGHTS = new Weights(golden("notebook.inputs.W"), golden("notebook.inputs.B"));

    /** The matrix {@code key} of the golden file: rows, cols, then the values row-major. */
    private static Matrix golden(String key) {
        double[] fields = GOLDEN.doubles(key);
        return Matrix.wrap((int) fields[0], (int) fields[1], Arrays.copyOfRange(fields, 2, fields.length));
    }

    private static void assertMatches(String key, Matrix actual, double relativeTolerance) {
        Matrix expected = golden(key);
        assertEquals(expected.shape(), actual.shape(), key);
        for (int k = 0; k < expected.size(); k++) {
            double e = expected.getFlat(k);
            double a = actual.getFlat(k);
            assertTrue(Math.abs(a - e) <= relativeTolerance * Math.abs(e), key + "[" + k + "]: " + a + " vs NumPy " + e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"notebook", "random"})
    void forwardAndGradientsMatchTheNotebooksCode(String name) {
        double tolerance = name.equals("notebook") ? 0 : RANDOM_RELATIVE_TOLERANCE;
        Weights weights = new Weights(golden(name + ".inputs.W"), golden(name + ".inputs.B"));
        ForwardInfo info = LinearRegression.forward(golden(name + ".inputs.X"), golden(name + ".inputs.y"), weights);
        assertMatches(name + ".loss", Matrix.wrap(1, 1, info.loss()), tolerance);
        assertEquals(List.of("X", "N", "P", "y"), List.copyOf(info.asMap().keySet()));
        info.asMap().forEach((key, value) -> assertMatches(name + ".forward." + key, value, tolerance));

        LossGradients g = LinearRegression.gradients(info, weights);
        assertEquals(List.of("dLdP", "dPdN", "dLdN", "dNdW", "W", "dPdB", "dLdB", "B"), List.copyOf(g.asMap().keySet()));
        g.asMap().forEach((key, value) -> assertMatches(name + ".gradients." + key, value, tolerance));
        assertEquals(g.get("W"), g.w());
        assertEquals(g.get("B"), g.b());
        assertEquals(info.get("P"), info.p());
    }

    @Test
    void gradientIsThatOfTheSummedNotTheMeanLoss() {
        // Moving B by h changes the MEAN loss by about h·B/n; the notebook's B is n times that.
        double h = 1e-6;
        Weights shifted = new Weights(WEIGHTS.w(), Matrix.wrap(1, 1, WEIGHTS.b().getFlat(0) + h));
        ForwardInfo info = LinearRegression.forward(X, Y, WEIGHTS);
        double slopeOfMean = (LinearRegression.forward(X, Y, shifted).loss() - info.loss()) / h;
        double b = LinearRegression.gradients(info, WEIGHTS).b().get(0, 0);
        assertEquals(b, X.rows() * slopeOfMean, 1e-4);
    }

    @Test
    void rowsOfXAndYMustMatch() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LinearRegression.forward(X, Matrix.column(1, 2), WEIGHTS));
        assertTrue(e.getMessage().contains("3×3") && e.getMessage().contains("2×1"), e.getMessage());
    }

    @Test
    void columnsOfXMustMatchRowsOfW() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LinearRegression.forward(X, Y, new Weights(Matrix.column(1, 2), Matrix.wrap(1, 1, 2))));
        assertTrue(e.getMessage().contains("3×3") && e.getMessage().contains("2×1"), e.getMessage());
    }

    @Test
    void bAndWMustBeSingleColumn() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LinearRegression.forward(X, Y, new Weights(Matrix.zeros(3, 2), Matrix.wrap(1, 1, 2))));
        assertTrue(e.getMessage().contains("1×1") && e.getMessage().contains("3×2"), e.getMessage());
    }

    @Test
    void unknownNamesAreRejectedWithTheKnownOnes() {
        ForwardInfo info = LinearRegression.forward(X, Y, WEIGHTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> info.get("Q"));
        assertTrue(e.getMessage().contains("[X, N, P, y]"), e.getMessage());
    }
}
