package org.backprop.io.safetensors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backprop.io.StrictJson;

/** Parses and checks the JSON header of a safetensors file (strict JSON, no duplicate keys). */
final class HeaderParser {
    private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");

    private final Path file;
    final List<TensorEntry> entries = new ArrayList<>();
    final Map<String, String> metadata = new LinkedHashMap<>();

    private HeaderParser(Path file) {
        this.file = file;
    }

    /** Parses {@code json}; problems throw {@link SafetensorsFormatException} naming {@code file}. */
    static HeaderParser parse(Path file, String json) throws SafetensorsFormatException {
        HeaderParser parser = new HeaderParser(file);
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            parser.readTopLevel(reader);
        } catch (StrictJson.Problem e) {
            throw parser.problem("header: " + e.getMessage());
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            if (e instanceof SafetensorsFormatException sfe) {
                throw sfe;
            }
            throw parser.problem("header is not valid JSON: " + e.getMessage());
        }
        return parser;
    }

    private void readTopLevel(JsonReader reader) throws IOException, StrictJson.Problem {
        reader.beginObject();
        Set<String> seen = new HashSet<>();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (!seen.add(name)) {
                throw problem("header has the key \"" + name + "\" twice");
            }
            JsonElement value = StrictJson.read(reader);
            if (name.equals(SafetensorsWriter.METADATA_KEY)) {
                readMetadata(value);
            } else {
                entries.add(entry(name, value));
            }
        }
        reader.endObject();
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw problem("unexpected content after the header's JSON object");
        }
    }

    private void readMetadata(JsonElement value) throws SafetensorsFormatException {
        if (!value.isJsonObject()) {
            throw problem("__metadata__ must be an object of strings");
        }
        for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw problem("__metadata__ value of \"" + e.getKey() + "\" is not a string: " + abbreviate(v.toString()));
            }
            metadata.put(e.getKey(), v.getAsString());
        }
    }

    private TensorEntry entry(String name, JsonElement value) throws SafetensorsFormatException {
        if (!value.isJsonObject() || !value.getAsJsonObject().keySet().equals(ENTRY_KEYS)) {
            throw problem("tensor \"" + name + "\": expected an object with exactly " + ENTRY_KEYS + ", got " + abbreviate(value.toString()));
        }
        JsonObject o = value.getAsJsonObject();
        DType dtype = dtype(name, o.get("dtype"));
        long[] shape = longs(name, "shape", o.get("shape"));
        long[] offsets = longs(name, "data_offsets", o.get("data_offsets"));
        if (offsets.length != 2) {
            throw problem("tensor \"" + name + "\": data_offsets must be [begin, end]");
        }
        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private DType dtype(String name, JsonElement value) throws SafetensorsFormatException {
        String text = abbreviate(value.isJsonPrimitive() ? value.getAsString() : String.valueOf(value));
        for (DType d : DType.values()) {
            if (d.name().equals(text)) {
                return d;
            }
        }
        throw problem("tensor \"" + name + "\": unsupported dtype " + text + " (supported: F64, F32)");
    }

    private long[] longs(String name, String key, JsonElement value) throws SafetensorsFormatException {
        if (!value.isJsonArray()) {
            throw problem("tensor \"" + name + "\": " + key + " must be an array of integers");
        }
        JsonArray array = value.getAsJsonArray();
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegativeLong(name, key, array.get(i));
        }
        return out;
    }

    private long nonNegativeLong(String name, String key, JsonElement e) throws SafetensorsFormatException {
        long v = StrictJson.nonNegativeLong(e);
        if (v < 0) {
            throw problem("tensor \"" + name + "\": " + key + " contains " + abbreviate(e.toString())
                    + ", expected a non-negative integer written in plain digits");
        }
        return v;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    SafetensorsFormatException problem(String message) {
        return new SafetensorsFormatException(file, message);
    }
}
