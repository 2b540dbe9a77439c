package org.backprop.io.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's own reading of the safetensors layout, independent of the library's reader: 8-byte
 * little-endian header length, JSON header, little-endian F64 data at the given offsets.
 */
final class MinimalSafetensors {
    private final JsonObject header;
    private final ByteBuffer data;

    private MinimalSafetensors(JsonObject header, ByteBuffer data) {
        this.header = header;
        this.data = data;
    }

    static MinimalSafetensors parse(byte[] file) {
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) buffer.getLong(0);
        String json = new String(file, 8, n, StandardCharsets.UTF_8);
        ByteBuffer data = ByteBuffer.wrap(file, 8 + n, file.length - 8 - n).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new MinimalSafetensors(JsonParser.parseString(json).getAsJsonObject(), data);
    }

    String metadata(String key) {
        return header.getAsJsonObject("__metadata__").get(key).getAsString();
    }

    String dtype(String tensor) {
        return header.getAsJsonObject(tensor).get("dtype").getAsString();
    }

    List<Long> shape(String tensor) {
        List<Long> out = new ArrayList<>();
        for (JsonElement e : header.getAsJsonObject(tensor).getAsJsonArray("shape")) {
            out.add(e.getAsLong());
        }
        return out;
    }

    double[] values(String tensor) {
        var offsets = header.getAsJsonObject(tensor).getAsJsonArray("data_offsets");
        int begin = offsets.get(0).getAsInt();
        int end = offsets.get(1).getAsInt();
        double[] out = new double[(end - begin) / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.getDouble(begin + 8 * i);
        }
        return out;
    }
}
