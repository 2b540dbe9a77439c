package org.backprop.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Pattern;

/**
 * Strict JSON for files from untrusted sources (model headers and metadata): RFC 8259 syntax only,
 * no duplicate key in any object at any depth, at most {@link #MAX_DEPTH} levels of nesting, and
 * numbers kept as their text (nothing is expanded: {@code 1e99999999} costs what its text costs).
 * Integers are read with {@link #nonNegativeInt}/{@link #nonNegativeLong}, which accept plain
 * decimal digits only.
 */
public final class StrictJson {
    /** Deepest nesting accepted (objects and arrays). */
    public static final int MAX_DEPTH = 64;
    private static final Pattern PLAIN_INTEGER = Pattern.compile("0|[1-9][0-9]{0,18}");

    private StrictJson() {
    }

    /** Why a JSON text was refused; the message says what and where (a JSON path). */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /**
     * Parses a whole JSON text.
     *
     * @throws Problem if it is not strict JSON, has a duplicate key, nests too deep or has trailing content
     */
    public static JsonElement parse(String text) throws Problem {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            JsonElement value = read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Problem("unexpected content after the JSON value at " + reader.getPath());
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new Problem("not valid JSON: " + e.getMessage());
        }
    }

    /**
     * Reads the next value of {@code reader} (which this method makes strict).
     *
     * @throws Problem on a duplicate key or too deep nesting
     * @throws IOException on malformed JSON
     */
    public static JsonElement read(JsonReader reader) throws IOException, Problem {
        reader.setStrictness(Strictness.STRICT);
        return read(reader, 0);
    }

    private static JsonElement read(JsonReader reader, int depth) throws IOException, Problem {
        JsonToken token = reader.peek();
        if ((token == JsonToken.BEGIN_OBJECT || token == JsonToken.BEGIN_ARRAY) && depth >= MAX_DEPTH) {
            throw new Problem("JSON nested deeper than " + MAX_DEPTH + " levels at " + reader.getPath());
        }
        switch (token) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new Problem("duplicate key \"" + name + "\" at " + reader.getPath());
                    }
                    object.add(name, read(reader, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, depth + 1));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IOException("unexpected " + token + " at " + reader.getPath());
        }
    }

    /**
     * The value of a JSON number written as plain decimal digits (no sign, fraction or exponent)
     * that fits in a long, or −1 for anything else (including text that merely looks like a number).
     */
    public static long nonNegativeLong(JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return -1;
        }
        String text = e.getAsJsonPrimitive().getAsNumber().toString();
        if (!PLAIN_INTEGER.matcher(text).matches()) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException overflow) {
            return -1;
        }
    }

    /** {@link #nonNegativeLong} limited to {@code int}: −1 unless a plain integer in [0, 2³¹ − 1]. */
    public static int nonNegativeInt(JsonElement e) {
        long v = nonNegativeLong(e);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
