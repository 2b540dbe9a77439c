package org.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backprop.init.Initializers;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.io.safetensors.SafetensorsWriter;
import org.backprop.layer.DenseSpec;
import org.backprop.layer.DropoutSpec;
import org.backprop.layer.EmbeddingSpec;
import org.backprop.loss.Losses;
import org.backprop.network.Component;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Params;
import org.backprop.network.Registry;
import org.backprop.op.Activations;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered activation, loss and initializer, with hyperparameters away from their defaults,
 * survives a model file: the reloaded network has an equal spec and bit-identical predictions.
 */
class SpecRoundTripTest {
    /** Non-default hyperparameters of every part that has any; a new parametric part must be added here. */
    private static final Map<String, Params> NON_DEFAULT = Map.of(
            "leaky_relu", Params.of("slope", 0.3),
            "elu", Params.of("alpha", 0.5),
            "mse", Params.of("reduction", "sum"),
            "mae", Params.of("reduction", "sum"),
            "huber", Params.of("delta", 2.5, "reduction", "sum"),
            "bce_logits", Params.of("reduction", "sum"));

    private static final Matrix ROWS = Matrix.of(new double[][] {{0.5, -1, 2}, {-3, 0.25, 1}, {1, 1, -1}, {4, -2, 0}});

    @Test
    void everyActivationKeepsItsHyperparameters(@TempDir Path dir) throws IOException {
        for (String name : Activations.names()) {
            Component activation = nonDefault(Activations.registry(), name);
            NetworkSpec spec = NetworkSpec.of(3).withLayer(new DenseSpec(5, activation, null))
                    .withLayer(new DropoutSpec(0.3)).withLayer(new DenseSpec(1, "linear"));
            assertRoundTrip(dir, spec, name);
        }
    }

    @Test
    void everyLossKeepsItsHyperparameters(@TempDir Path dir) throws IOException {
        for (String name : Losses.names()) {
            Component loss = nonDefault(Losses.registry(), name);
            int outputs = name.equals("softmax_ce") ? 3 : 1;
            NetworkSpec spec = NetworkSpec.of(3).withLayer(new DenseSpec(4, "tanh"))
                    .withLayer(new DenseSpec(outputs, "linear")).withLoss(loss);
            assertRoundTrip(dir, spec, name);
        }
    }

    @Test
    void everyInitializerKeepsItsPlaceAsDefaultAndPerLayer(@TempDir Path dir) throws IOException {
        for (String name : Initializers.names()) {
            Component init = nonDefault(Initializers.registry(), name);
            NetworkSpec spec = NetworkSpec.of(3).withLayer(new DenseSpec(4, Component.named("relu"), init))
                    .withLayer(new DenseSpec(1, "linear")).withInitializer(init);
            assertRoundTrip(dir, spec, name);
        }
    }

    @Test
    void embeddingKeepsItsColumnsTablesAndStd(@TempDir Path dir) throws IOException {
        NetworkSpec spec = NetworkSpec.of(3).withLayer(new EmbeddingSpec(List.of(new EmbeddingSpec.Column(0, 4, 2),
                        new EmbeddingSpec.Column(2, 5, 3)), 0.3))
                .withLayer(new DenseSpec(4, "relu")).withLayer(new DenseSpec(1, "linear"));
        Matrix codes = Matrix.of(new double[][] {{0, 0.5, 4}, {3, -1, 0}, {1, 2, 2}, {3, 0.25, 1}});
        assertRoundTrip(dir, spec, "embedding", codes);
    }

    @Test
    void nonDefaultHyperparametersChangeTheSpec() {
        NetworkSpec leaky = NetworkSpec.of(3).withLayer(new DenseSpec(1, Component.named("leaky_relu"), null));
        NetworkSpec steeper = NetworkSpec.of(3).withLayer(new DenseSpec(1,
                new Component("leaky_relu", Params.of("slope", 0.3)), null));
        assertNotEquals(leaky, steeper);
        assertEquals(leaky.withLayer(new DropoutSpec(0.3)), leaky.withLayer(new DropoutSpec(0.3)));
        assertEquals(new Component("leaky_relu", Params.of("slope", 0.01)), ((DenseSpec) leaky.layers().get(0))
                .activation(), "defaults are written out, so equal networks have equal specs");
    }

    @Test
    void unknownNamesInAFileAreModelFormatErrorsOnOneLine(@TempDir Path dir) throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("\"type\":\"dense\"", "unknown layer type 'conv2d'; known: [dense, dropout");
        cases.put("\"name\":\"tanh\"", "unknown activation 'swish'");
        cases.put("\"name\":\"mse\"", "unknown loss 'hinge'");
        Map<String, String> replacement = Map.of("\"type\":\"dense\"", "\"type\":\"conv2d\"",
                "\"name\":\"tanh\"", "\"name\":\"swish\"", "\"name\":\"mse\"", "\"name\":\"hinge\"");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = dir.resolve("edited.safetensors");
            try (Model model = SampleModels.regression()) {
                ModelFile.save(file, model);
            }
            SafetensorsFile content = SafetensorsReader.read(file);
            Map<String, String> meta = new LinkedHashMap<>(content.metadata());
            meta.put("architecture", meta.get("architecture").replaceFirst(java.util.regex.Pattern.quote(c.getKey()),
                    replacement.get(c.getKey())));
            SafetensorsWriter.write(file, content.tensors(), meta);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
            assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void unknownHyperparameterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkSpecJson.fromJson(
                "{\"inputs\":2,\"layers\":[{\"type\":\"dense\",\"units\":1,\"activation\":{\"name\":\"elu\",\"beta\":2}}],"
                        + "\"loss\":{\"name\":\"mse\"},\"initializer\":{\"name\":\"zeros\"}}"));
        assertTrue(e.getMessage().contains("activation elu has no hyperparameter 'beta'; it takes [alpha]"),
                e.getMessage());
    }

    private static Component nonDefault(Registry<?> registry, String name) {
        Component defaults = registry.canonical(Component.named(name));
        Params params = NON_DEFAULT.getOrDefault(name, Params.EMPTY);
        assertEquals(defaults.params().asMap().keySet(), params.asMap().keySet(),
                name + ": give every hyperparameter a non-default value in NON_DEFAULT");
        Component chosen = registry.canonical(new Component(name, params));
        if (!params.isEmpty()) {
            assertNotEquals(defaults, chosen, name);
        }
        return chosen;
    }

    private static void assertRoundTrip(Path dir, NetworkSpec spec, String what) throws IOException {
        assertRoundTrip(dir, spec, what, ROWS);
    }

    private static void assertRoundTrip(Path dir, NetworkSpec spec, String what, Matrix rows) throws IOException {
        Path file = dir.resolve(what + ".safetensors");
        try (Model model = model(NeuralNetwork.builder(spec).seed(3).threads(1).build())) {
            ModelFile.save(file, model);
            try (Model loaded = ModelFile.load(file)) {
                assertEquals(spec, loaded.spec(), what);
                assertEquals(model.network().loss().toString(), loaded.network().loss().toString(), what);
                assertArrayEquals(model.network().predict(rows).toArray(), loaded.network().predict(rows).toArray(),
                        what + ": predictions bit for bit");
                Matrix targets = Matrix.zeros(rows.rows(), spec.outputs()).fill(0.5);
                assertEquals(model.network().evaluateLoss(rows, targets), loaded.network().evaluateLoss(rows, targets),
                        what + ": the same loss, reduction and δ included");
            }
        }
    }

    private static Model model(NeuralNetwork network) {
        List<String> features = SampleModels.FEATURES;
        ModelMetadata metadata = new ModelMetadata("{}", 3, "test", "");
        if (network.outputs() > 1) {
            return Model.classification(network, features, "t", SampleModels.featureScaler(),
                    LabelEncoder.fit(new String[] {"a", "b", "c"}), metadata);
        }
        return Model.regression(network, features, "t", SampleModels.featureScaler(),
                StandardScaler.of(new double[] {0}, new double[] {1}), metadata);
    }
}
