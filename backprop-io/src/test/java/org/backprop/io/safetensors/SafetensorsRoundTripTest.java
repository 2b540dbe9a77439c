package org.backprop.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.io.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsRoundTripTest {

    static Map<String, Tensor> sampleTensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("layer0.weight", Tensor.matrix(new double[] {1.5, -2, 3e-300, 4, Double.MAX_VALUE, -0.0}, 2, 3));
        t.put("layer0.bias", Tensor.f32(new double[] {0.25, -1}, 2));
        t.put("step", Tensor.f64(new double[] {42}));
        t.put("empty", Tensor.f64(new double[0], 0, 3));
        return t;
    }

    @Test
    void roundTripKeepsValuesShapesOrderAndMetadata(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.safetensors");
        Map<String, String> meta = Map.of("format", "backprop", "labels", "[\"ünï\",\"<b>\"]");
        SafetensorsWriter.write(file, sampleTensors(), meta);
        SafetensorsFile read = SafetensorsReader.read(file);
        assertEquals(sampleTensors(), read.tensors());
        assertEquals(List.copyOf(sampleTensors().keySet()), List.copyOf(read.tensors().keySet()));
        assertEquals(meta, read.metadata());
        assertArrayEquals(new long[] {2, 3}, read.tensor("layer0.weight").shape());
        assertEquals(DType.F32, read.tensor("layer0.bias").dtype());
    }

    @Test
    void f32ValuesAreRoundedToFloat(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f32.safetensors");
        SafetensorsWriter.write(file, Map.of("x", Tensor.f32(new double[] {0.1}, 1)), Map.of());
        assertEquals((double) 0.1f, SafetensorsReader.read(file).tensor("x").values()[0]);
    }

    @Test
    void headerIsPaddedJsonWithContiguousOffsetsAndRawLittleEndianData(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, sampleTensors(), Map.of("k", "v"));
        byte[] bytes = Files.readAllBytes(file);

        // independent minimal parser: u64 length, JSON, then raw little-endian values
        ByteBuffer all = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = all.getLong(0);
        assertEquals(0, n % 8, "header padded to an 8-byte boundary");
        String headerText = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(headerText.startsWith("{"));
        JsonObject header = JsonParser.parseString(headerText).getAsJsonObject();
        assertEquals("v", header.getAsJsonObject("__metadata__").get("k").getAsString());

        assertEquals("[0,48]", header.getAsJsonObject("layer0.weight").get("data_offsets").toString());
        assertEquals("[48,56]", header.getAsJsonObject("layer0.bias").get("data_offsets").toString());
        assertEquals("[56,64]", header.getAsJsonObject("step").get("data_offsets").toString());
        assertEquals("[64,64]", header.getAsJsonObject("empty").get("data_offsets").toString());
        assertEquals("[2,3]", header.getAsJsonObject("layer0.weight").get("shape").toString());
        assertEquals("[]", header.getAsJsonObject("step").get("shape").toString());
        assertEquals("F32", header.getAsJsonObject("layer0.bias").get("dtype").getAsString());
        assertEquals(8 + n + 64, bytes.length, "no bytes after the last tensor");

        int data = (int) (8 + n);
        JsonArray w = header.getAsJsonObject("layer0.weight").getAsJsonArray("data_offsets");
        double[] weights = new double[6];
        for (int i = 0; i < 6; i++) {
            weights[i] = all.getDouble(data + w.get(0).getAsInt() + 8 * i);
        }
        assertArrayEquals(sampleTensors().get("layer0.weight").values(), weights);
        assertEquals(0.25f, all.getFloat(data + 48));
        assertEquals(-1f, all.getFloat(data + 52));
        assertEquals(42.0, all.getDouble(data + 56));
    }

    @Test
    void refusesNanAndLeavesExistingFileUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, sampleTensors(), Map.of("version", "1"));
        byte[] before = Files.readAllBytes(file);

        Map<String, Tensor> bad = new LinkedHashMap<>(sampleTensors());
        bad.put("layer1.weight", Tensor.matrix(new double[] {1, 2, 3, Double.NaN}, 2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafetensorsWriter.write(file, bad, Map.of("version", "2")));
        assertTrue(e.getMessage().contains("tensor \"layer1.weight\" has NaN at index 3 (position [1, 1]"),
                e.getMessage());

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.safetensors"), TestFiles.namesIn(dir));
    }

    @Test
    void refusesInfinityAndF32Overflow(@TempDir Path dir) {
        Path file = dir.resolve("m.safetensors");
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.write(
                file, Map.of("b", Tensor.f64(new double[] {0, Double.NEGATIVE_INFINITY}, 2)), Map.of()));
        assertTrue(inf.getMessage().contains("\"b\" has -Infinity at index 1"), inf.getMessage());
        IllegalArgumentException f32 = assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.write(
                file, Map.of("c", Tensor.f32(new double[] {1e300}, 1)), Map.of()));
        assertTrue(f32.getMessage().contains("overflows F32"), f32.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void refusesReservedOrEmptyNames(@TempDir Path dir) {
        Path file = dir.resolve("m.safetensors");
        Tensor t = Tensor.f64(new double[] {1}, 1);
        assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.write(file, Map.of("__metadata__", t), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.write(file, Map.of("", t), Map.of()));
    }

    @Test
    void tensorShapeMustMatchValues() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.f64(new double[3], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.f64(new double[0], -1));
    }
}
