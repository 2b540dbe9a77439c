package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import org.backprop.init.HeNormal;
import org.backprop.layer.DenseSpec;
import org.backprop.layer.DropoutSpec;
import org.backprop.layer.EmbeddingSpec;
import org.backprop.loss.Huber;
import org.backprop.loss.Losses;
import org.backprop.loss.Reduction;
import org.backprop.op.Activations;
import org.backprop.op.LeakyReLU;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {

    private static NetworkBuilder builder() {
        return NeuralNetwork.builder(3).dense(4, new LeakyReLU(0.3), new HeNormal()).dropout(0.25)
                .dense(2, "linear").loss(new Huber(2.5, Reduction.SUM));
    }

    @Test
    void builderMethodsAppendSpecsAndTheNetworkKeepsTheSpec() {
        NetworkSpec expected = NetworkSpec.of(3)
                .withLayer(new DenseSpec(4, new Component("leaky_relu", Params.of("slope", 0.3)),
                        Component.named("he_normal")))
                .withLayer(new DropoutSpec(0.25))
                .withLayer(new DenseSpec(2, "linear"))
                .withLoss(new Component("huber", Params.of("delta", 2.5, "reduction", "sum")));
        assertEquals(expected, builder().spec());
        assertEquals(expected.hashCode(), builder().spec().hashCode());
        try (NeuralNetwork net = builder().threads(1).build()) {
            assertEquals(expected, net.spec());
            assertEquals(List.of("dense1", "dropout1", "dense2"), net.spec().layerNames());
            assertArrayEquals(new int[] {3, 4, 4, 2}, net.spec().widths());
        }
    }

    @Test
    void equalSpecsAndSeedsBuildBitIdenticalNetworks() {
        try (NeuralNetwork a = builder().seed(5).threads(1).build();
             NeuralNetwork b = NeuralNetwork.builder(a.spec()).seed(5).threads(2).build()) {
            assertArrayEquals(a.parameters().values(), b.parameters().values());
            assertEquals(a.loss().toString(), b.loss().toString());
        }
    }

    @Test
    void aSpecSurvivesJavaSerialization() throws IOException, ClassNotFoundException {
        NetworkSpec spec = builder().layer(new EmbeddingSpec(List.of(new EmbeddingSpec.Column(1, 3, 2)))).spec();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            NetworkSpec copy = (NetworkSpec) in.readObject();
            assertEquals(spec, copy);
            try (NeuralNetwork a = NeuralNetwork.builder(spec).seed(1).threads(1).build();
                 NeuralNetwork b = NeuralNetwork.builder(copy).seed(1).threads(1).build()) {
                assertArrayEquals(a.parameters().values(), b.parameters().values());
            }
        }
    }

    @Test
    void registriesBuildFromNameAndParamsAndRefuseUnknownOnes() {
        assertEquals(0.3, ((LeakyReLU) Activations.registry().create("leaky_relu", Params.of("slope", 0.3))).slope());
        assertEquals(Params.of("delta", 2.5, "reduction", "mean"),
                Losses.registry().canonical(new Component("huber", Params.of("delta", 2.5))).params());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Activations.byName("swish"));
        assertTrue(name.getMessage().startsWith("unknown activation 'swish'; known: [linear, relu"), name.getMessage());
        IllegalArgumentException param = assertThrows(IllegalArgumentException.class,
                () -> Activations.registry().create("relu", Params.of("slope", 1)));
        assertEquals("activation relu has no hyperparameter 'slope' (it takes none)", param.getMessage());
        IllegalArgumentException reduction = assertThrows(IllegalArgumentException.class,
                () -> Losses.registry().create("mse", Params.of("reduction", "median")));
        assertEquals("unknown reduction 'median'; known: mean, sum", reduction.getMessage());
    }

    @Test
    void paramsCheckTypesAndWholeNumbers() {
        Params p = Params.of("units", 4, "rate", 0.5).with("name", "x").with("cols", new int[] {1, 2});
        assertEquals(4, p.integer("units"));
        assertArrayEquals(new int[] {1, 2}, p.integers("cols"));
        assertThrows(IllegalArgumentException.class, () -> p.integer("rate"));
        assertThrows(IllegalArgumentException.class, () -> p.number("name", 0));
        assertThrows(IllegalArgumentException.class, () -> Params.of("x", Double.NaN));
        assertNotEquals(Params.of("a", 1), Params.of("a", 1.5));
        assertEquals(Params.of("a", 1), Params.of("a", 1.0));
    }

    @Test
    void aLayerThatCannotTakeTheWidthBeforeItIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeuralNetwork.builder(2)
                .dense(3, "relu").layer(new EmbeddingSpec(List.of(new EmbeddingSpec.Column(5, 2, 2)))));
        assertEquals("embedding: code column 5 is not one of the 3 input columns", e.getMessage());
    }

    @Test
    void parameterCountCountsWeightsAndBiasesBeyondAnInt() {
        assertEquals(3 * 4 + 4 + 4 * 2 + 2, builder().spec().parameterCount());
        NetworkSpec huge = NeuralNetwork.builder(1).dense(100_000, "relu").dense(100_000, "relu").dense(1, "linear")
                .spec();
        assertEquals(100_000L * 2 + 100_000L * 100_000 + 100_000 + 100_000 + 1, huge.parameterCount());
    }

    @Test
    void aNetworkTooLargeForOneBufferIsAnArgumentErrorNamingTheLayerAndTheCount() {
        NetworkBuilder huge = NeuralNetwork.builder(1).dense(100_000, "relu").dense(100_000, "relu").dense(1, "linear");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, huge::build);
        assertTrue(e.getMessage().contains("layer dense2: parameter dense2.W (100000×100000) brings the network to "
                + (200_000L + 100_000L * 100_000) + " parameters, more than the " + ParameterBuffer.MAX_PARAMETERS),
                e.getMessage());
    }
}
