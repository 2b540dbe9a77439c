package org.backprop.io.safetensors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.backprop.io.AtomicFiles;

/**
 * Writes tensors and string metadata in the safetensors format, atomically (see {@link AtomicFiles}).
 *
 * <p>Layout: 8-byte little-endian header length N (a multiple of 8: the JSON is padded with
 * spaces), N bytes of UTF-8 JSON, then the tensors' little-endian bytes back to back in map
 * iteration order. {@code __metadata__} is written first and only if non-empty.
 *
 * <p>Everything is validated before the file system is touched: a NaN or infinite value (or a
 * finite double that overflows F32) is refused with a message naming the tensor and the first bad
 * flat (row-major) index; names must be non-empty and not {@code __metadata__}.
 */
public final class SafetensorsWriter {
    static final String METADATA_KEY = "__metadata__";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final int CHUNK = 1 << 16;

    private SafetensorsWriter() {
    }

    /**
     * Atomically writes {@code tensors} and {@code metadata} to {@code target}.
     *
     * @throws IllegalArgumentException for invalid names or values (nothing is written)
     * @throws IOException              if writing fails; an existing {@code target} is then unchanged
     */
    public static void write(Path target, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        tensors.forEach(SafetensorsWriter::validate);
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(target, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (Tensor t : tensors.values()) {
                writeValues(out, t);
            }
        });
    }

    /** Writes {@code file}'s tensors and metadata; see {@link #write(Path, Map, Map)}. */
    public static void write(Path target, SafetensorsFile file) throws IOException {
        write(target, file.tensors(), file.metadata());
    }

    private static void validate(String name, Tensor tensor) {
        if (name == null || name.isEmpty() || name.equals(METADATA_KEY)) {
            throw new IllegalArgumentException("invalid tensor name \"" + name + "\"");
        }
        double[] v = tensor.values();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("tensor \"" + name + "\" has " + v[i] + " at index " + i
                        + " " + indexText(tensor.shape(), i) + "; refusing to write non-finite values");
            }
            if (tensor.dtype() == DType.F32 && Float.isInfinite((float) v[i])) {
                throw new IllegalArgumentException("tensor \"" + name + "\" value " + v[i] + " at index " + i
                        + " " + indexText(tensor.shape(), i) + " overflows F32");
            }
        }
    }

    /** The multi-dimensional index of flat index {@code i}, e.g. {@code (position [1, 2] in shape [3, 4])}. */
    private static String indexText(long[] shape, long i) {
        long[] index = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = i % shape[d];
            i /= shape[d];
        }
        return "(position " + Arrays.toString(index) + " in shape " + Arrays.toString(shape) + ")";
    }

    static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        JsonObject json = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            json.add(METADATA_KEY, meta);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", t.dtype().name());
            entry.add("shape", longs(t.shape()));
            entry.add("data_offsets", longs(offset, offset + t.byteSize()));
            json.add(e.getKey(), entry);
            offset += t.byteSize();
        }
        return padded(GSON.toJson(json).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonArray longs(long... values) {
        JsonArray array = new JsonArray();
        for (long v : values) {
            array.add(v);
        }
        return array;
    }

    private static byte[] padded(byte[] json) {
        int length = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, length);
        Arrays.fill(out, json.length, length, (byte) ' ');
        return out;
    }

    private static void writeValues(OutputStream out, Tensor t) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : t.values()) {
            if (buffer.remaining() < Double.BYTES) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            if (t.dtype() == DType.F64) {
                buffer.putDouble(v);
            } else {
                buffer.putFloat((float) v);
            }
        }
        out.write(buffer.array(), 0, buffer.position());
    }
}
