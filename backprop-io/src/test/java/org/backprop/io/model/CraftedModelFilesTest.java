package org.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsFormatException;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.io.safetensors.SafetensorsWriter;
import org.backprop.io.safetensors.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted model files fail fast with one line naming what is wrong: no unbounded number
 * expansion, no allocation from sizes the tensors do not back, no silently accepted duplicates or
 * fractional sizes.
 */
class CraftedModelFilesTest {
    private static final Duration FAST = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    Path good;

    @BeforeEach
    void save() throws IOException {
        good = dir.resolve("good.safetensors");
        try (Model m = SampleModels.regression()) {
            ModelFile.save(good, m);
        }
    }

    /** The good file with its JSON header rewritten by {@code edit} (the data buffer unchanged). */
    private Path withHeader(UnaryOperator<String> edit) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        int n = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        String header = new String(bytes, 8, n, StandardCharsets.UTF_8);
        String edited = edit.apply(header);
        if (edited.equals(header)) {
            throw new AssertionError("the edit changed nothing in " + header);
        }
        byte[] json = edited.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + bytes.length - 8 - n).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json).put(bytes, 8 + n, bytes.length - 8 - n);
        return Files.write(dir.resolve("crafted.safetensors"), out.array());
    }

    /** The good file with one metadata value replaced. */
    private Path withMetadata(String key, UnaryOperator<String> edit) throws IOException {
        SafetensorsFile content = SafetensorsReader.read(good);
        Map<String, String> metadata = new LinkedHashMap<>(content.metadata());
        String edited = edit.apply(metadata.get(key));
        if (edited.equals(metadata.get(key))) {
            throw new AssertionError("the edit changed nothing in " + edited);
        }
        metadata.put(key, edited);
        Path out = dir.resolve("crafted-meta.safetensors");
        SafetensorsWriter.write(out, content.tensors(), metadata);
        return out;
    }

    private static String refused(Path file, Class<? extends IOException> type) {
        IOException e = assertTimeoutPreemptively(FAST, () -> assertThrows(type, () -> ModelFile.load(file).close()));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
        return e.getMessage();
    }

    @Test
    void aHugeExponentInAShapeFailsFast() throws IOException {
        Path file = withHeader(h -> h.replaceFirst("\"shape\":\\[3,", "\"shape\":[1e99999999,"));
        String message = refused(file, SafetensorsFormatException.class);
        assertTrue(message.contains("expected a non-negative integer written in plain digits"), message);
    }

    @Test
    void fractionalOrNegativeOffsetsAreRefused() throws IOException {
        String message = refused(withHeader(h -> h.replaceFirst("\"data_offsets\":\\[0,", "\"data_offsets\":[0.0,")),
                SafetensorsFormatException.class);
        assertTrue(message.contains("data_offsets contains 0.0"), message);
    }

    @Test
    void duplicateKeysAreRefusedAtEveryLevel() throws IOException {
        String inEntry = refused(withHeader(h -> h.replaceFirst("\"dtype\":\"F64\"", "\"dtype\":\"F64\",\"dtype\":\"F64\"")),
                SafetensorsFormatException.class);
        assertTrue(inEntry.contains("duplicate key \"dtype\""), inEntry);
        String inMetadata = refused(withHeader(h -> h.replaceFirst("\"format\":\"backprop-model\"",
                "\"format\":\"backprop-model\",\"format\":\"backprop-model\"")), SafetensorsFormatException.class);
        assertTrue(inMetadata.contains("duplicate key \"format\""), inMetadata);
        String inArchitecture = refused(withMetadata("architecture", a -> a.replaceFirst("\"inputs\":3,",
                "\"inputs\":3,\"inputs\":3,")), ModelFormatException.class);
        assertTrue(inArchitecture.contains("metadata \"architecture\": duplicate key \"inputs\""), inArchitecture);
        String deep = refused(withMetadata("architecture", a -> a.replaceFirst("\"units\":4,",
                "\"units\":4,\"units\":5,")), ModelFormatException.class);
        assertTrue(deep.contains("duplicate key \"units\" at $.layers[0]"), deep);
        String inTraining = refused(withMetadata("training", t -> "{\"a\":{\"b\":1,\"b\":2}}"),
                ModelFormatException.class);
        assertTrue(inTraining.contains("metadata \"training\": duplicate key \"b\""), inTraining);
    }

    @Test
    void duplicateFeatureNamesAreRefused() throws IOException {
        String message = refused(withMetadata("features", f -> "[\"x1\",\"x2\",\"x1\"]"), ModelFormatException.class);
        assertTrue(message.contains("metadata \"features\" names \"x1\" twice"), message);
    }

    @Test
    void sizesMustBeWholeNumbersInRange() throws IOException {
        for (String units : new String[] {"4.9", "4294967300", "-4", "0", "1e99999999", "\"4\""}) {
            String message = refused(withMetadata("architecture", a -> a.replaceFirst("\"units\":4,", "\"units\":"
                    + units + ",")), ModelFormatException.class);
            assertTrue(message.contains("unit"), message);
        }
        for (String inputs : new String[] {"3.5", "4294967299", "3e0", "-3"}) {
            String message = refused(withMetadata("architecture", a -> a.replaceFirst("\"inputs\":3", "\"inputs\":"
                    + inputs)), ModelFormatException.class);
            assertTrue(message.contains("architecture \"inputs\" must be a whole number in [1, 2147483647], got "
                    + inputs), message);
        }
    }

    @Test
    void formatVersion1SizesMustBeWrittenAsPlainIntegers() throws IOException {
        String v1 = "{\"inputs\":3,\"layers\":[{\"units\":4,\"activation\":\"tanh\"},{\"units\":1,"
                + "\"activation\":\"linear\"}],\"loss\":\"mse\"}";
        SafetensorsFile content = SafetensorsReader.read(good);
        Map<String, String> metadata = new LinkedHashMap<>(content.metadata());
        metadata.put("format_version", "1");
        for (String units : new String[] {"4.9", "4.0", "4294967300"}) {
            metadata.put("architecture", v1.replace("\"units\":4,", "\"units\":" + units + ","));
            Path file = dir.resolve("v1.safetensors");
            SafetensorsWriter.write(file, content.tensors(), metadata);
            String message = refused(file, ModelFormatException.class);
            assertTrue(message.contains("architecture layer 1 \"units\" must be a whole number in [1, 2147483647], got "
                    + units), message);
        }
        metadata.put("architecture", v1);
        Path file = dir.resolve("v1.safetensors");
        SafetensorsWriter.write(file, content.tensors(), metadata);
        ModelFile.load(file).close();
    }

    @Test
    void declaredSizesThatTheTensorsDoNotBackFailBeforeAnyAllocation() throws IOException {
        for (String units : new String[] {"5000000", "100000000", "2147483647"}) {
            String message = refused(withMetadata("architecture", a -> a.replaceFirst("\"units\":4,", "\"units\":"
                    + units + ",")), ModelFormatException.class);
            assertTrue(message.contains("tensor \"dense1.W\" has shape [3, 4] but the architecture needs [3, " + units
                    + "]"), message);
        }
        String layers = refused(withMetadata("architecture", a -> a.replaceFirst("\"layers\":\\[",
                "\"layers\":[{\"type\":\"dense\",\"units\":100000000,\"activation\":{\"name\":\"relu\"}},")),
                ModelFormatException.class);
        assertTrue(layers.contains("tensor \"dense1.W\" has shape [3, 4] but the architecture needs [3, 100000000]"),
                layers);
    }

    @Test
    void theParameterBudgetIsDocumentedAndFarAboveTheSeedWorkload() {
        long seedWorkload = 100L * 128 + 128 + 128L * 256 + 256 + 256 + 1;
        assertTrue(ModelFile.MAX_PARAMETERS > 1000 * seedWorkload);
        assertTrue(ModelFile.MAX_PARAMETERS * Double.BYTES <= 2L << 30);
    }

    @Test
    void aSubnormalOrZeroStoredScaleIsRefusedNamingTheTensor() throws IOException {
        for (double bad : new double[] {Double.MIN_VALUE, 1e-310, 0}) {
            SafetensorsFile content = SafetensorsReader.read(good);
            Map<String, Tensor> tensors = new LinkedHashMap<>(content.tensors());
            double[] scale = tensors.get("scaler.features.scale").values().clone();
            scale[1] = bad;
            tensors.put("scaler.features.scale", Tensor.f64(scale, scale.length));
            Path file = dir.resolve("subnormal.safetensors");
            SafetensorsWriter.write(file, tensors, content.metadata());
            String message = refused(file, ModelFormatException.class);
            assertTrue(message.contains("tensor \"scaler.features.scale\" holds " + bad + " at index 1"), message);
        }
    }

    @Test
    void theGoodFileStillLoads() throws IOException {
        try (Model m = ModelFile.load(good)) {
            assertTrue(Arrays.equals(new long[] {3}, new long[] {m.features().size()}));
        }
    }
}
