package org.backprop.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.backprop.check.TestData;
import org.backprop.golden.MiniJson;
import org.backprop.loss.MeanSquaredError;
import org.backprop.loss.Reduction;
import org.backprop.network.NeuralNetwork;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class TraceTest {

    /** The notebook's linear regression: N = X·W, P = N + B, L = Σ(y − P)². */
    private static NeuralNetwork notebookNetwork() {
        NeuralNetwork net = NeuralNetwork.builder(3).dense(1, "linear").loss(new MeanSquaredError(Reduction.SUM))
                .threads(1).build();
        net.parameters().get("dense1.W").value().copyFrom(Matrix.column(1, 2, 3));
        net.parameters().get("dense1.B").value().set(0, 0, 2);
        return net;
    }

    private static final Matrix X = Matrix.of(new double[][] {{0, 1, 2}, {3, 4, 5}, {5, 6, 7}});
    private static final Matrix Y = Matrix.column(11, 27, 41);

    private static void assertValues(Trace trace, String name, int rows, int cols, double... expected) {
        Matrix m = trace.get(name);
        assertEquals(rows + "×" + cols, m.shape(), name);
        assertArrayEquals(expected, m.toArray(), 1e-12, name);
    }

    @Test
    void reproducesTheNotebooksNumbers() {
        try (NeuralNetwork net = notebookNetwork()) {
            Trace trace = Trace.record(net, X, Y);
            assertEquals(List.of("dense1.X", "dense1.N", "dense1.P", "dense1.A", "loss.dL/dPrediction",
                    "dense1.dL/dA", "dense1.dL/dP", "dense1.dL/dB", "dense1.dL/dN", "dense1.dL/dW", "dense1.dL/dX"),
                    trace.names());
            assertEquals(3.0, trace.loss(), 1e-12, "Σ(y − P)² = 1 + 1 + 1");
            assertValues(trace, "dense1.X", 3, 3, 0, 1, 2, 3, 4, 5, 5, 6, 7);
            assertValues(trace, "dense1.N", 3, 1, 8, 26, 38);
            assertValues(trace, "dense1.P", 3, 1, 10, 28, 40);
            assertValues(trace, "dense1.A", 3, 1, 10, 28, 40);
            assertValues(trace, "loss.dL/dPrediction", 3, 1, -2, 2, -2);
            assertValues(trace, "dense1.dL/dA", 3, 1, -2, 2, -2);
            assertValues(trace, "dense1.dL/dP", 3, 1, -2, 2, -2);
            assertValues(trace, "dense1.dL/dN", 3, 1, -2, 2, -2);
            assertValues(trace, "dense1.dL/dW", 3, 1, -4, -6, -8);
            assertValues(trace, "dense1.dL/dB", 1, 1, -2);
            // dL/dX = dL/dN · Wᵀ
            assertValues(trace, "dense1.dL/dX", 3, 3, -2, -4, -6, 2, 4, 6, -2, -4, -6);
        }
    }

    @Test
    void entriesAreCopiesThatLaterPassesDoNotChange() {
        try (NeuralNetwork net = notebookNetwork()) {
            Trace trace = Trace.record(net, X, Y);
            net.forwardLoss(Matrix.zeros(3, 3), Matrix.zeros(3, 1));
            net.backward();
            assertValues(trace, "dense1.N", 3, 1, 8, 26, 38);
            assertValues(trace, "dense1.dL/dW", 3, 1, -4, -6, -8);
        }
    }

    @Test
    void everyLayerOfADeeperNetworkIsTracedWithConsistentShapes() {
        RandomSource r = TestData.random(3);
        Matrix x = TestData.uniform(5, 4, -1, 1, r);
        Matrix y = TestData.uniform(5, 2, -1, 1, r);
        try (NeuralNetwork net = NeuralNetwork.builder(4).dense(6, "tanh").dropout(0.5).dense(2, "linear")
                .seed(1).threads(1).build()) {
            Trace trace = Trace.record(net, x, y);
            assertEquals(List.of("dense1.X", "dense1.N", "dense1.P", "dense1.A", "dropout1.X", "dropout1.D",
                    "dense2.X", "dense2.N", "dense2.P", "dense2.A", "loss.dL/dPrediction",
                    "dense2.dL/dA", "dense2.dL/dP", "dense2.dL/dB", "dense2.dL/dN", "dense2.dL/dW", "dense2.dL/dX",
                    "dropout1.dL/dD", "dropout1.dL/dX",
                    "dense1.dL/dA", "dense1.dL/dP", "dense1.dL/dB", "dense1.dL/dN", "dense1.dL/dW", "dense1.dL/dX"),
                    trace.names());
            Map<String, String> shapes = Map.of("dense1.N", "5×6", "dense1.dL/dW", "4×6", "dense1.dL/dB", "1×6",
                    "dense1.dL/dX", "5×4", "dropout1.D", "5×6", "dense2.dL/dW", "6×2", "dense2.A", "5×2");
            shapes.forEach((name, shape) -> assertEquals(shape, trace.get(name).shape(), name));
            assertTrue(trace.get("dense1.A").valueEquals(trace.get("dropout1.X")));
            assertTrue(trace.get("dropout1.D").valueEquals(trace.get("dense2.X")));
            assertTrue(trace.get("dense2.dL/dX").valueEquals(trace.get("dropout1.dL/dD")));
            assertTrue(trace.get("dropout1.dL/dX").valueEquals(trace.get("dense1.dL/dA")));
            assertTrue(trace.get("dense1.dL/dW").valueEquals(net.parameters().get("dense1.W").grad()));
            // dL/dP = dL/dA ∘ (1 − A²) for tanh, element by element
            Matrix a = trace.get("dense1.A");
            for (int k = 0; k < a.size(); k++) {
                double expected = trace.get("dense1.dL/dA").getFlat(k) * (1 - a.getFlat(k) * a.getFlat(k));
                assertEquals(expected, trace.get("dense1.dL/dP").getFlat(k), 1e-15);
            }
        }
    }

    @Test
    void tableListsNamesShapesAndStatistics() {
        try (NeuralNetwork net = notebookNetwork()) {
            String table = Trace.record(net, X, Y).table();
            String[] lines = table.split("\\R");
            assertEquals(1 + 11 + 1, lines.length, table);
            assertTrue(lines[0].matches("name\\s+shape\\s+min\\s+max\\s+mean\\s+std\\s+zeros\\s+non-finite"), lines[0]);
            // dense1.X = [[0,1,2],[3,4,5],[5,6,7]]: min 0, max 7, mean 33/9, one zero
            assertTrue(lines[1].matches("dense1\\.X\\s+3×3\\s+0\\.0{4}\\s+7\\.0{4}\\s+3\\.6667\\s+\\S+\\s+1\\s+0"),
                    lines[1]);
            assertTrue(lines[12].equals("loss = 3.0"), lines[12]);
        }
    }

    @Test
    void statisticsCountZerosAndNonFiniteAndIgnoreThemInMoments() {
        TensorStats s = TensorStats.of(Matrix.row(0, 2, Double.NaN, 4, Double.NEGATIVE_INFINITY));
        assertEquals(new TensorStats(5, 0, 4, 2, Math.sqrt(8.0 / 3), 1, 2), s);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonParsesBackToTheSameNamesShapesAndValues() {
        try (NeuralNetwork net = notebookNetwork()) {
            Trace trace = Trace.record(net, X, Y);
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(trace.toJson());
            assertEquals(3.0, root.get("loss"));
            List<Object> entries = (List<Object>) root.get("entries");
            assertEquals(trace.names().size(), entries.size());
            for (int e = 0; e < entries.size(); e++) {
                Map<String, Object> entry = (Map<String, Object>) entries.get(e);
                String name = (String) entry.get("name");
                assertEquals(trace.names().get(e), name);
                Matrix m = trace.get(name);
                assertEquals((double) m.rows(), entry.get("rows"));
                assertEquals((double) m.cols(), entry.get("cols"));
                List<Object> rows = (List<Object>) entry.get("values");
                for (int i = 0; i < m.rows(); i++) {
                    List<Object> row = (List<Object>) rows.get(i);
                    for (int j = 0; j < m.cols(); j++) {
                        assertEquals(m.get(i, j), (Double) row.get(j), name);
                    }
                }
                Map<String, Object> stats = (Map<String, Object>) entry.get("stats");
                assertEquals(trace.entries().get(e).stats().mean(), (Double) stats.get("mean"));
            }
        }
    }

    @Test
    void jsonEscapesStringsAndWritesNonFiniteNumbersAsStrings() {
        String nasty = "a\"b\\c\nd\te\u0001f/é";
        assertEquals(nasty, MiniJson.parse(Json.string(nasty)));
        assertEquals("NaN", MiniJson.parse(Json.number(Double.NaN)));
        assertEquals("Infinity", MiniJson.parse(Json.number(Double.POSITIVE_INFINITY)));
        assertEquals("-Infinity", MiniJson.parse(Json.number(Double.NEGATIVE_INFINITY)));
        assertEquals(1.0e-300, MiniJson.parse(Json.number(1.0e-300)));
        assertEquals(-0.0, MiniJson.parse(Json.number(-0.0)));
    }
}
