package org.backprop.io.preprocess;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Strict reading of the stored preprocessing's JSON fields; problems are IllegalArgumentExceptions. */
final class Json {
    private Json() {
    }

    static JsonElement required(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing \"" + key + "\" in " + o);
        }
        return e;
    }

    static String string(JsonObject o, String key) {
        JsonElement e = required(o, key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("\"" + key + "\" is not a string in " + o);
        }
        return e.getAsString();
    }

    static boolean bool(JsonObject o, String key) {
        JsonElement e = required(o, key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("\"" + key + "\" is not true or false in " + o);
        }
        return e.getAsBoolean();
    }

    static int count(JsonObject o, String key) {
        JsonElement e = required(o, key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" is not a number in " + o);
        }
        double d = e.getAsDouble();
        if (d < 0 || d > Integer.MAX_VALUE || d != Math.rint(d)) {
            throw new IllegalArgumentException("\"" + key + "\" is not a count in " + o);
        }
        return (int) d;
    }

    static List<String> strings(JsonObject o, String key) {
        JsonElement e = required(o, key);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("\"" + key + "\" is not an array in " + o);
        }
        List<String> out = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException("\"" + key + "\" holds a non-string in " + o);
            }
            out.add(item.getAsString());
        }
        return out;
    }

    static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
