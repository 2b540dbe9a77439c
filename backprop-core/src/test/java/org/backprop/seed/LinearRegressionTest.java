package org.backprop.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;
import org.junit.jupiter.api.Test;

/** Every number the seed notebook {@code linear-regression-gradients} prints (typed from its output). */
class LinearRegressionTest {
    private static final Matrix X = Matrix.of(new double[][] {{0, 1, 2}, {3, 4, 5}, {5, 6, 7}});
    private static final Matrix Y = Matrix.column(11, 27, 41);
    private static final Weights WEIGHTS = new Weights(Matrix.column(1, 2, 3), Matrix.wrap(1, 1, 2));

    private static void assertMatrix(double[][] expected, Matrix actual) {
        assertEquals(expected.length + "×" + expected[0].length, actual.shape());
        assertArrayEquals(Matrix.of(expected).toArray(), actual.toArray());
    }

    @Test
    void forwardPrintsTheNotebookValues() {
        ForwardInfo info = LinearRegression.forward(X, Y, WEIGHTS);
        assertEquals(1.0, info.loss());
        assertMatrix(new double[][] {{0, 1, 2}, {3, 4, 5}, {5, 6, 7}}, info.x());
        assertMatrix(new double[][] {{8}, {26}, {38}}, info.n());
        assertMatrix(new double[][] {{10}, {28}, {40}}, info.p());
        assertMatrix(new double[][] {{11}, {27}, {41}}, info.y());
        assertEquals(List.of("X", "N", "P", "y"), List.copyOf(info.asMap().keySet()));
        assertEquals(info.p(), info.get("P"));
    }

    @Test
    void gradientsPrintTheNotebookValues() {
        LossGradients g = LinearRegression.gradients(LinearRegression.forward(X, Y, WEIGHTS), WEIGHTS);
        assertMatrix(new double[][] {{-2}, {2}, {-2}}, g.get("dLdP"));
        assertMatrix(new double[][] {{1}, {1}, {1}}, g.get("dPdN"));
        assertMatrix(new double[][] {{-2}, {2}, {-2}}, g.get("dLdN"));
        assertMatrix(new double[][] {{0, 3, 5}, {1, 4, 6}, {2, 5, 7}}, g.get("dNdW"));
        assertMatrix(new double[][] {{-4}, {-6}, {-8}}, g.w());
        assertMatrix(new double[][] {{1}}, g.get("dPdB"));
        assertMatrix(new double[][] {{-2}, {2}, {-2}}, g.get("dLdB"));
        assertMatrix(new double[][] {{-2}}, g.b());
        assertEquals(List.of("dLdP", "dPdN", "dLdN", "dNdW", "W", "dPdB", "dLdB", "B"),
                List.copyOf(g.asMap().keySet()));
    }

    @Test
    void gradientIsThatOfTheSummedNotTheMeanLoss() {
        // Moving B by h changes the MEAN loss by about h·B/n; the notebook's B is n times that.
        Weights shifted = new Weights(WEIGHTS.w(), Matrix.wrap(1, 1, 2 + 1e-6));
        double slopeOfMean = (LinearRegression.forward(X, Y, shifted).loss() - 1.0) / 1e-6;
        double b = LinearRegression.gradients(LinearRegression.forward(X, Y, WEIGHTS), WEIGHTS).b().get(0, 0);
        assertEquals(b, 3 * slopeOfMean, 1e-4);
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
