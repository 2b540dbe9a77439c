package org.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.kernel.Precision;
import org.backprop.loss.BinaryCrossEntropyWithLogits;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network alone saves and loads ({@link ModelFile#save(Path, NeuralNetwork)},
 * {@link ModelFile#loadNetwork(Path)}) with the same weights and predictions bit for bit, whatever
 * its outputs (a regression of two outputs, which no {@link Model} holds) and precision; a binary
 * bce_logits classifier of one output saves as a classification model of two labels.
 */
class NetworkFileTest {

    @Test
    void aRegressionNetworkOfTwoOutputsRoundTrips(@TempDir Path dir) throws IOException {
        for (Precision precision : Precision.values()) {
            Path file = dir.resolve(precision + ".safetensors");
            try (NeuralNetwork net = trained(NeuralNetwork.builder(3).dense(8, "relu").dense(2, "linear").seed(4)
                    .precision(precision).build(), 2)) {
                ModelFile.save(file, net);
                assertTrue(ModelFile.holdsNetworkOnly(file));
                try (NeuralNetwork loaded = ModelFile.loadNetwork(file)) {
                    assertEquals(net.spec(), loaded.spec());
                    assertEquals(precision, loaded.precision());
                    assertArrayEquals(net.parameters().values(), loaded.parameters().values(), 0.0, "weights");
                    Matrix x = inputs(9);
                    assertArrayEquals(net.predict(x).toArray(), loaded.predict(x).toArray(), 0.0, "predictions");
                }
                ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
                assertTrue(e.getMessage().contains("ModelFile.loadNetwork"), e.getMessage());
            }
        }
    }

    @Test
    void aWholeModelFileGivesItsNetworkToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.safetensors");
        try (Model model = SampleModels.classification()) {
            ModelFile.save(file, model);
            assertFalse(ModelFile.holdsNetworkOnly(file));
            try (NeuralNetwork loaded = ModelFile.loadNetwork(file)) {
                assertArrayEquals(model.network().parameters().values(), loaded.parameters().values(), 0.0);
            }
        }
    }

    @Test
    void aBinaryBceLogitsClassifierSavesAsAClassificationModelOfTwoLabels(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("binary.safetensors");
        NeuralNetwork net = trained(NeuralNetwork.builder(3).dense(6, "tanh").dense(1, "linear")
                .loss(new BinaryCrossEntropyWithLogits()).seed(8).build(), 1);
        try (Model model = Model.classification(net, SampleModels.FEATURES, "spam", SampleModels.featureScaler(),
                LabelEncoder.fit(new String[] {"no", "yes"}), new ModelMetadata("{}", 8, "test", ""))) {
            Matrix p = model.predictProbabilities(SampleModels.rows(5));
            assertEquals(2, p.cols());
            Matrix x = model.inputs(SampleModels.rows(5));
            Matrix logits = net.predict(x);
            for (int i = 0; i < 5; i++) {
                double positive = 1 / (1 + Math.exp(-logits.get(i, 0)));
                assertEquals(positive, p.get(i, 1), 1e-15);
                assertEquals(1, p.get(i, 0) + p.get(i, 1), 1e-15);
            }
            ModelFile.save(file, model);
            try (Model loaded = ModelFile.load(file)) {
                assertEquals(java.util.List.of("no", "yes"), loaded.labels().classes());
                assertArrayEquals(net.parameters().values(), loaded.network().parameters().values(), 0.0);
                assertArrayEquals(p.toArray(), loaded.predictProbabilities(SampleModels.rows(5)).toArray(), 0.0);
                assertArrayEquals(model.labelsOf(p), loaded.labelsOf(p));
            }
        }
    }

    @Test
    void threeLabelsOnOneOutputAreStillRefused() {
        NeuralNetwork net = NeuralNetwork.builder(3).dense(1, "linear").loss(new BinaryCrossEntropyWithLogits())
                .seed(8).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Model.classification(net,
                SampleModels.FEATURES, "t", SampleModels.featureScaler(), LabelEncoder.fit(new String[] {"a", "b", "c"}),
                new ModelMetadata("{}", 8, "test", "")));
        assertTrue(e.getMessage().contains("3 class labels for 1 network outputs"), e.getMessage());
        net.close();
    }

    /** {@code net} after a few Adam steps on rows of targets in {@code outputs} columns. */
    private static NeuralNetwork trained(NeuralNetwork net, int outputs) {
        Matrix x = inputs(12);
        Matrix y = Matrix.zeros(12, outputs);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < outputs; j++) {
                y.set(i, j, outputs == 1 ? i % 2 : Math.sin(i + j));
            }
        }
        Adam adam = new Adam(0.01);
        for (int step = 0; step < 5; step++) {
            net.forwardLoss(x, y);
            net.backward();
            adam.step(net.parameters(), net.team());
        }
        return net;
    }

    private static Matrix inputs(int rows) {
        return Matrix.wrap(rows, 3, SampleModels.rows(rows).data().clone());
    }
}
