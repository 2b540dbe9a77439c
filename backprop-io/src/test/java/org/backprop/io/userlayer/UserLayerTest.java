package org.backprop.io.userlayer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.backprop.check.GradientCheck;
import org.backprop.check.GradientCheckOptions;
import org.backprop.check.GradientCheckReport;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.io.model.ModelFormatException;
import org.backprop.io.model.ModelMetadata;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.layer.LayerSpec;
import org.backprop.layer.LayerTypes;
import org.backprop.network.ModelSummary;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Registry;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.backprop.trace.Trace;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer type written outside the core ({@link ScaleShiftSpec}: its own operations with a
 * hand-written backward) builds into a network, passes the gradient checks, trains, and shows in
 * the summary, the trace and (with its type registered) a model file.
 */
class UserLayerTest {
    private static final Matrix X = uniform(40, 3, new SeedStreams(9).stream("data"));
    private static final Matrix Y = target(X);

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(3).dense(6, "tanh").layer(new ScaleShiftSpec()).dense(1, "linear")
                .seed(4).threads(1).build();
    }

    @Test
    void operationsPassTheGradientCheck() {
        RandomSource random = new SeedStreams(10).stream("data");
        Matrix input = uniform(5, 4, random);
        Matrix g = uniform(1, 4, random);
        Matrix b = uniform(1, 4, random);
        GradientCheckReport scale = GradientCheck.operation(new ColumnScale(g, Matrix.zeros(1, 4)), input,
                new SeedStreams(1).stream("check"), GradientCheckOptions.defaults());
        GradientCheckReport shift = GradientCheck.operation(new ColumnShift(b, Matrix.zeros(1, 4)), input,
                new SeedStreams(2).stream("check"), GradientCheckOptions.defaults());
        assertTrue(scale.passed(), scale.toString());
        assertTrue(shift.passed(), shift.toString());
        assertEquals(5 * 4 + 4, scale.checked(), "input and parameter elements");
    }

    @Test
    void networkWithTheUserLayerPassesTheGradientCheckAndTrains() {
        try (NeuralNetwork net = network()) {
            net.parameters().get("scale_shift1.G").value().setFlat(2, -0.5);   // away from the all-ones start
            net.parameters().get("scale_shift1.B").value().setFlat(4, 0.25);
            GradientCheckReport report = GradientCheck.network(net, X, Y, GradientCheckOptions.defaults());
            assertTrue(report.passed(), report.toString());
            double[] before = net.parameters().get("scale_shift1.G").value().toArray();
            History history = new Trainer(net, new Sgd(0.1),
                    TrainerConfig.defaults(4).withEpochs(60).withBatchSize(8)).fit(X, Y);
            double first = history.epochs().get(0).meanBatchLoss();
            assertTrue(history.finalTrainLoss() < first / 2, first + " → " + history.finalTrainLoss());
            assertTrue(!java.util.Arrays.equals(before, net.parameters().get("scale_shift1.G").value().toArray()),
                    "the user layer's parameters were trained");
        }
    }

    @Test
    void appearsInTheSummaryAndTheTrace() {
        try (NeuralNetwork net = network()) {
            assertEquals(new ModelSummary.LayerRow("scale_shift1", "ScaleShift", "n×6", 12, "ones", "-"),
                    ModelSummary.of(net).layers().get(1));
            Trace trace = Trace.record(net, X.rowRange(0, 4), Y.rowRange(0, 4));
            List<String> names = trace.names();
            for (String name : List.of("scale_shift1.X", "scale_shift1.S", "scale_shift1.A", "scale_shift1.dL/dA",
                    "scale_shift1.dL/dB", "scale_shift1.dL/dS", "scale_shift1.dL/dG", "scale_shift1.dL/dX")) {
                assertTrue(names.contains(name), name + " in " + names);
            }
            assertEquals("1×6", trace.get("scale_shift1.dL/dG").shape());
            Matrix dA = trace.get("scale_shift1.dL/dA");
            Matrix x = trace.get("scale_shift1.X");
            double expected = 0;
            for (int i = 0; i < 4; i++) {
                expected += dA.get(i, 3) * x.get(i, 3);
            }
            assertEquals(expected, trace.get("scale_shift1.dL/dG").get(0, 3), 1e-15, "dL/dG = Σᵢ dL/dA ∘ X");
        }
    }

    @Test
    void savesAndLoadsWithItsTypeRegistered(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("user.safetensors");
        Registry<LayerSpec> types = LayerTypes.builder().add("scale_shift", p -> new ScaleShiftSpec()).build();
        try (Model model = Model.regression(network(), List.of("a", "b", "c"), "y",
                StandardScaler.of(new double[3], new double[] {1, 1, 1}), StandardScaler.of(new double[1],
                        new double[] {1}), new ModelMetadata("{}", 4, "test", ""))) {
            model.network().parameters().get("scale_shift1.G").value().setFlat(1, 3.0);
            ModelFile.save(file, model);
            try (Model loaded = ModelFile.load(file, 1, types)) {
                assertEquals(model.spec(), loaded.spec());
                assertArrayEquals(model.network().predict(X).toArray(), loaded.network().predict(X).toArray());
            }
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("unknown layer type 'scale_shift'"), e.getMessage());
    }

    private static Matrix uniform(int rows, int cols, RandomSource random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.setFlat(k, random.uniform(-1, 1));
        }
        return m;
    }

    private static Matrix target(Matrix x) {
        Matrix y = Matrix.zeros(x.rows(), 1);
        for (int i = 0; i < x.rows(); i++) {
            y.set(i, 0, Math.sin(2 * x.get(i, 0)) + 0.5 * x.get(i, 1) * x.get(i, 2));
        }
        return y;
    }
}
