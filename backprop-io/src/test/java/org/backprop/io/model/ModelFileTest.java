package org.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backprop.io.DoubleTable;
import org.backprop.io.TestFiles;
import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.io.safetensors.SafetensorsWriter;
import org.backprop.io.safetensors.Tensor;
import org.backprop.network.Parameter;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @Test
    void regressionRoundTripKeepsWeightsScalersMetadataAndPredictions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.safetensors");
        try (Model model = SampleModels.regression()) {
            ModelFile.save(file, model);
            try (Model loaded = ModelFile.load(file)) {
                assertArrayEquals(model.network().parameters().values(), loaded.network().parameters().values());
                assertEquals(model.spec(), loaded.spec());
                assertEquals(List.of("x1", "x2", "x3"), loaded.features());
                assertEquals("y", loaded.target());
                assertEquals(Task.REGRESSION, loaded.task());
                assertArrayEquals(new double[] {10}, loaded.targetScaler().mean());
                assertArrayEquals(new double[] {2.5}, loaded.targetScaler().scale());
                assertArrayEquals(model.featureScaler().scale(), loaded.featureScaler().scale());
                assertEquals(model.metadata(), loaded.metadata());
                assertNull(loaded.labels());
                DoubleTable x = SampleModels.rows(6);
                assertArrayEquals(model.predictValues(x), loaded.predictValues(x));
            }
        }
    }

    @Test
    void classificationRoundTripKeepsLabelsAndProbabilities(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.safetensors");
        try (Model model = SampleModels.classification()) {
            ModelFile.save(file, model);
            try (Model loaded = ModelFile.load(file)) {
                assertEquals(List.of("cat", "dog", "eel"), loaded.labels().classes());
                DoubleTable x = SampleModels.rows(5);
                Matrix p = loaded.predictProbabilities(x);
                assertTrue(p.valueEquals(model.predictProbabilities(x)));
                for (int i = 0; i < p.rows(); i++) {
                    assertEquals(1.0, p.get(i, 0) + p.get(i, 1) + p.get(i, 2), 1e-12);
                }
                assertFalse(SafetensorsReader.read(file).tensors().containsKey(ModelFile.TARGET_MEAN));
            }
        }
    }

    @Test
    void plainSafetensorsParseGivesTheTrainedWeightsInByOut(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.safetensors");
        try (Model model = SampleModels.regression()) {
            ModelFile.save(file, model);
            MinimalSafetensors plain = MinimalSafetensors.parse(Files.readAllBytes(file));
            for (Parameter p : model.network().parameters().parameters()) {
                assertArrayEquals(p.value().toArray(), plain.values(p.name()), p.name());
            }
            assertEquals(List.of(3L, 4L), plain.shape("dense1.W"));
            assertEquals(List.of(4L), plain.shape("dense1.B"));
            assertEquals(0.125, plain.values("dense1.B")[2]);
            assertEquals("F64", plain.dtype("dense2.W"));
            assertArrayEquals(new double[] {1, -2, 0.5}, plain.values("scaler.features.mean"));
            assertEquals("backprop-model", plain.metadata("format"));
            assertEquals("2", plain.metadata("format_version"));
            assertEquals("{\"inputs\":3,\"layers\":[{\"type\":\"dense\",\"units\":4,\"activation\":{\"name\":\"tanh\"}},"
                    + "{\"type\":\"dense\",\"units\":1,\"activation\":{\"name\":\"linear\"}}],"
                    + "\"loss\":{\"name\":\"mse\",\"reduction\":\"mean\"},\"initializer\":{\"name\":\"fan_in_uniform\"}}",
                    plain.metadata("architecture"));
            assertEquals("[\"x1\",\"x2\",\"x3\"]", plain.metadata("features"));
            assertEquals("backprop train --data d.csv", plain.metadata("command_line"));
        }
    }

    @Test
    void concurrentPredictionFromEightThreadsEqualsSequential() throws Exception {
        try (Model model = SampleModels.regression()) {
            List<DoubleTable> inputs = new java.util.ArrayList<>();
            List<double[]> expected = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                inputs.add(SampleModels.rows(50 + t));
                expected.add(model.predictValues(inputs.get(t)));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int k = t;
                    results.add(pool.submit(() -> {
                        start.await();
                        boolean same = true;
                        for (int rep = 0; rep < 200; rep++) {
                            same &= java.util.Arrays.equals(expected.get(k), model.predictValues(inputs.get(k)));
                        }
                        return same;
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<Boolean> r : results) {
                    assertTrue(r.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void unknownFormatVersionIsRefusedClearly(@TempDir Path dir) throws IOException {
        Path file = rewritten(dir, (tensors, meta) -> meta.put("format_version", "3"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("model format version 3 is not supported: this backprop reads versions 1 to 2"),
                e.getMessage());
    }

    @Test
    void notABackpropModelIsRefused(@TempDir Path dir) throws IOException {
        Path file = rewritten(dir, (tensors, meta) -> meta.remove("format"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("not a backprop model (metadata \"format\" is missing"), e.getMessage());
    }

    @Test
    void missingTensorIsNamed(@TempDir Path dir) throws IOException {
        Path file = rewritten(dir, (tensors, meta) -> tensors.remove("dense2.B"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().endsWith("tensor \"dense2.B\" is missing"), e.getMessage());
    }

    @Test
    void shapeMismatchIsNamed(@TempDir Path dir) throws IOException {
        Path file = rewritten(dir, (tensors, meta) -> tensors.put("dense1.W",
                Tensor.matrix(tensors.get("dense1.W").values(), 4, 3)));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().endsWith("tensor \"dense1.W\" has shape [4, 3] but the architecture needs [3, 4]"),
                e.getMessage());
    }

    @Test
    void missingMetadataIsNamed(@TempDir Path dir) throws IOException {
        Path file = rewritten(dir, (tensors, meta) -> meta.remove("features"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().endsWith("metadata \"features\" is missing"), e.getMessage());
    }

    @Test
    void nonFiniteWeightsAreNeverWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nan.safetensors");
        try (Model model = SampleModels.regression()) {
            model.network().parameters().get("dense2.W").value().set(3, 0, Double.NaN);
            NonFiniteWeightsException e = assertThrows(NonFiniteWeightsException.class,
                    () -> ModelFile.save(file, model));
            assertTrue(e.getMessage().contains("\"dense2.W\" has NaN at index 3"), e.getMessage());
        }
        assertEquals(List.of(), TestFiles.namesIn(dir));
    }

    /** A valid model file, then its tensors and metadata edited and written back. */
    private static Path rewritten(Path dir, java.util.function.BiConsumer<Map<String, Tensor>, Map<String, String>> edit)
            throws IOException {
        Path file = dir.resolve("edited.safetensors");
        try (Model model = SampleModels.regression()) {
            ModelFile.save(file, model);
        }
        SafetensorsFile content = SafetensorsReader.read(file);
        Map<String, Tensor> tensors = new LinkedHashMap<>(content.tensors());
        Map<String, String> meta = new LinkedHashMap<>(content.metadata());
        edit.accept(tensors, meta);
        SafetensorsWriter.write(file, tensors, meta);
        return file;
    }
}
