package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backprop.init.Initializer;
import org.backprop.op.Activations;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {

    /** A test initializer, to show per-layer initializers are reported. */
    private static final class Zeros implements Initializer {
        @Override
        public void initialize(Matrix weights, RandomSource random) {
            weights.fill(0);
        }

        @Override
        public String id() {
            return "zeros";
        }
    }

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(100).dense(128, "relu").dropout(0.5)
                .dense(256, Activations.byName("tanh"), new Zeros()).dense(1, "linear").threads(1).build();
    }

    @Test
    void rowsHoldNamesTypesShapesParameterCountsInitializersAndActivations() {
        try (NeuralNetwork net = network()) {
            ModelSummary s = ModelSummary.of(net);
            assertEquals(List.of(
                    new ModelSummary.LayerRow("dense1", "Dense", "n×128", 100 * 128 + 128, "fan_in_uniform", "relu"),
                    new ModelSummary.LayerRow("dropout1", "Dropout", "n×128", 0, "-", "p=0.5"),
                    new ModelSummary.LayerRow("dense2", "Dense", "n×256", 128 * 256 + 256, "zeros", "tanh"),
                    new ModelSummary.LayerRow("dense3", "Dense", "n×1", 256 + 1, "fan_in_uniform", "linear")),
                    s.layers());
            assertEquals(12928 + 33024 + 257, s.totalParameters());
            assertEquals(net.parameters().size(), s.totalParameters());
            assertEquals("MeanSquaredError(MEAN)", s.loss());
        }
    }

    @Test
    void tableIsReadable() {
        try (NeuralNetwork net = network()) {
            String[] lines = ModelSummary.of(net).table().split("\\R");
            assertEquals(8, lines.length);
            assertTrue(lines[0].matches("Layer\\s+Type\\s+Output\\s+Params\\s+Initializer\\s+Activation"), lines[0]);
            assertTrue(lines[1].matches("\\(input\\)\\s+n×100\\s*"), lines[1]);
            assertTrue(lines[2].matches("dense1\\s+Dense\\s+n×128\\s+12928\\s+fan_in_uniform\\s+relu"), lines[2]);
            assertTrue(lines[3].matches("dropout1\\s+Dropout\\s+n×128\\s+0\\s+-\\s+p=0\\.5"), lines[3]);
            assertEquals("Loss: MeanSquaredError(MEAN)", lines[6]);
            assertEquals("Total parameters: 46209", lines[7]);
            assertEquals(lines[2].indexOf("n×128"), lines[3].indexOf("n×128"), "columns line up");
        }
    }
}
