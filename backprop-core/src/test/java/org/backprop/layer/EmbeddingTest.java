package org.backprop.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backprop.check.GradientCheck;
import org.backprop.check.GradientCheckOptions;
import org.backprop.check.GradientCheckReport;
import org.backprop.network.ModelSummary;
import org.backprop.network.NeuralNetwork;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.backprop.trace.Trace;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
    /** Column 0: codes of 3 categories → 2 values; column 3: codes of 2 categories → 3 values; 1, 2 numeric. */
    private static final EmbeddingSpec SPEC = new EmbeddingSpec(
            List.of(new EmbeddingSpec.Column(0, 3, 2), new EmbeddingSpec.Column(3, 2, 3)), 0.5);
    /** Codes repeat (rows 0 and 2, rows 1 and 4), so the table gradient must add them up. */
    private static final Matrix X = Matrix.of(new double[][] {
            {1, 0.5, -1.25, 0}, {2, -0.75, 0.5, 1}, {1, 1.5, 0.25, 1}, {0, -0.5, 2, 0}, {2, 0.125, -0.5, 0}});
    private static final Matrix Y = Matrix.of(new double[][] {{0.5}, {-1}, {0.25}, {1}, {-0.5}});

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(4).layer(SPEC).dense(5, "tanh").dense(1, "linear").seed(3).threads(1).build();
    }

    @Test
    void replacesEachCodeColumnByItsRowOfTheTableInPlace() {
        try (NeuralNetwork net = network()) {
            Embedding layer = (Embedding) net.layers().get(0);
            assertEquals(4 + 1 + 2, layer.outputs());
            Matrix e0 = net.parameters().get("embedding1.E0").value();
            Matrix e3 = net.parameters().get("embedding1.E3").value();
            assertEquals("3×2", e0.shape());
            assertEquals("2×3", e3.shape());
            Matrix out = layer.forward(X, false);
            for (int i = 0; i < X.rows(); i++) {
                int a = (int) X.get(i, 0);
                int b = (int) X.get(i, 3);
                double[] expected = {e0.get(a, 0), e0.get(a, 1), X.get(i, 1), X.get(i, 2), e3.get(b, 0), e3.get(b, 1),
                        e3.get(b, 2)};
                assertArrayEquals(expected, new double[] {out.get(i, 0), out.get(i, 1), out.get(i, 2), out.get(i, 3),
                        out.get(i, 4), out.get(i, 5), out.get(i, 6)}, "row " + i);
            }
        }
    }

    @Test
    void tablesStartFromTheInitStreamAsDocumented() {
        try (NeuralNetwork net = network()) {
            RandomSource init = new SeedStreams(3).stream("init");
            double[] expected = new double[3 * 2 + 2 * 3];
            for (int k = 0; k < expected.length; k++) {
                expected[k] = 0.5 * init.nextGaussian();
            }
            double[] actual = new double[expected.length];
            System.arraycopy(net.parameters().get("embedding1.E0").value().toArray(), 0, actual, 0, 6);
            System.arraycopy(net.parameters().get("embedding1.E3").value().toArray(), 0, actual, 6, 6);
            assertArrayEquals(expected, actual, "E0 then E3, row-major, std · N(0, 1)");
        }
    }

    @Test
    void tableGradientsPassTheGradientCheck() {
        try (NeuralNetwork net = network()) {
            GradientCheckReport report = GradientCheck.network(net, X, Y, GradientCheckOptions.defaults());
            assertTrue(report.passed(), report.toString());
        }
    }

    @Test
    void inputGradientPassesNumericColumnsAndIsZeroForCodes() {
        try (NeuralNetwork net = network()) {
            net.forwardLoss(X, Y);
            Matrix dx = net.backward(true).copy();
            GradientCheckOptions options = GradientCheckOptions.defaults();
            Matrix x = X.copy();
            for (int i = 0; i < x.rows(); i++) {
                assertEquals(0.0, dx.get(i, 0));
                assertEquals(0.0, dx.get(i, 3));
                for (int j = 1; j <= 2; j++) {
                    double original = x.get(i, j);
                    x.set(i, j, original + options.step());
                    double plus = net.evaluateLoss(x, Y);
                    x.set(i, j, original - options.step());
                    double minus = net.evaluateLoss(x, Y);
                    x.set(i, j, original);
                    double numeric = (plus - minus) / (2 * options.step());
                    assertTrue(options.relativeError(dx.get(i, j), numeric) < options.tolerance(),
                            "dL/dX[" + i + "," + j + "] " + dx.get(i, j) + " vs " + numeric);
                }
            }
        }
    }

    @Test
    void aCodeOutOfRangeOrFractionalNamesLayerRowAndColumn() {
        try (NeuralNetwork net = network()) {
            for (double bad : new double[] {2.5, -1, 3, Double.NaN}) {
                Matrix x = X.copy();
                x.set(1, 0, bad);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.predict(x));
                assertEquals("embedding1: row 1, column 0: a category code must be a whole number in [0, 3), got " + bad,
                        e.getMessage());
            }
            Matrix x = X.copy();
            x.set(4, 3, 2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.forwardLoss(x, Y));
            assertTrue(e.getMessage().startsWith("embedding1: row 4, column 3:"), e.getMessage());
        }
    }

    @Test
    void aCodeColumnOutsideTheInputIsRefusedAtBuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuralNetwork.builder(3).layer(SPEC));
        assertEquals("embedding: code column 3 is not one of the 3 input columns", e.getMessage());
    }

    @Test
    void appearsInTheSummaryAndTheTrace() {
        try (NeuralNetwork net = network()) {
            assertEquals(new ModelSummary.LayerRow("embedding1", "Embedding", "n×7", 12, "-", "-"),
                    ModelSummary.of(net).layers().get(0));
            Trace trace = Trace.record(net, X, Y);
            for (String name : List.of("embedding1.X", "embedding1.Y0", "embedding1.Y3", "embedding1.dL/dY3",
                    "embedding1.dL/dE3", "embedding1.dL/dY0", "embedding1.dL/dE0", "embedding1.dL/dX")) {
                assertTrue(trace.names().contains(name), name + " in " + trace.names());
            }
            assertEquals("5×5", trace.get("embedding1.Y0").shape());
            assertEquals("5×7", trace.get("embedding1.Y3").shape());
            Matrix dY = trace.get("embedding1.dL/dY3");
            Matrix dE3 = trace.get("embedding1.dL/dE3");
            assertEquals(dY.get(0, 4) + dY.get(3, 4) + dY.get(4, 4), dE3.get(0, 0), 1e-15,
                    "scatter-add: rows 0, 3, 4 have code 0 in column 3");
        }
    }
}
