package org.backprop.io.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backprop.init.Initializers;
import org.backprop.layer.DenseSpec;
import org.backprop.layer.LayerSpec;
import org.backprop.layer.LayerTypes;
import org.backprop.loss.Losses;
import org.backprop.network.Component;
import org.backprop.network.NetworkSpec;
import org.backprop.network.Params;
import org.backprop.network.Registry;

/**
 * A {@link NetworkSpec} as the JSON of a model file's {@code architecture} metadata, with every
 * hyperparameter. Format version 2:
 * <pre>{@code
 * {"inputs": 3,
 *  "layers": [{"type": "dense", "units": 64, "activation": {"name": "leaky_relu", "slope": 0.3}},
 *             {"type": "dropout", "rate": 0.2},
 *             {"type": "dense", "units": 1, "activation": {"name": "linear"}, "initializer": {"name": "zeros"}}],
 *  "loss": {"name": "huber", "delta": 2.5, "reduction": "mean"},
 *  "initializer": {"name": "fan_in_uniform"}}
 * }</pre>
 * A layer is its type and its {@link LayerSpec#params()}; an activation, loss or initializer is a
 * {@link Component}: its name and its {@link Params}. Hyperparameters map to JSON generically (a
 * number, a string, a list of numbers, a nested component), so a new one needs no change here.
 *
 * <p>Format version 1 (read only) named the parts without hyperparameters, dense layers only:
 * {@code {"inputs": 3, "layers": [{"units": 64, "activation": "relu"}], "loss": "mse"}}; the defaults
 * of the named parts apply.
 */
public final class NetworkSpecJson {
    private NetworkSpecJson() {
    }

    /**
     * {@code spec} as version-2 JSON.
     *
     * @throws IllegalArgumentException if a hyperparameter is called {@code name} or {@code type}
     *                                  (the keys naming a part)
     */
    public static String toJson(NetworkSpec spec) {
        JsonObject json = new JsonObject();
        json.addProperty("inputs", spec.inputs());
        JsonArray layers = new JsonArray();
        for (LayerSpec layer : spec.layers()) {
            layers.add(component(LayerTypes.component(layer), "type"));
        }
        json.add("layers", layers);
        json.add("loss", component(spec.loss(), "name"));
        json.add("initializer", component(spec.initializer(), "name"));
        return json.toString();
    }

    private static JsonObject component(Component c, String nameKey) {
        JsonObject o = new JsonObject();
        o.addProperty(nameKey, c.name());
        for (Map.Entry<String, Object> e : c.params().asMap().entrySet()) {
            if (e.getKey().equals("name") || e.getKey().equals("type")) {
                throw new IllegalArgumentException(c.name() + ": a hyperparameter may not be called '" + e.getKey()
                        + "'");
            }
            o.add(e.getKey(), value(e.getValue()));
        }
        return o;
    }

    private static JsonElement value(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (v instanceof Component c) {
            return component(c, "name");
        }
        JsonArray array = new JsonArray();
        for (Object o : (List<?>) v) {
            array.add(number((Double) o));
        }
        return array;
    }

    /** Whole numbers without a fraction ({@code 64}, not {@code 64.0}); others exactly (shortest round-trip form). */
    private static JsonPrimitive number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)
                ? new JsonPrimitive((long) d) : new JsonPrimitive(d);
    }

    /**
     * Reads {@link #toJson} output (version 2) with the built-in layer types.
     *
     * @throws IllegalArgumentException naming what is wrong: malformed JSON, a missing field, an
     *                                  unknown layer type, activation, loss or initializer, an invalid
     *                                  hyperparameter
     */
    public static NetworkSpec fromJson(String text) {
        return fromJson(text, LayerTypes.builtIn());
    }

    /** As {@link #fromJson(String)}, with these layer types (a program's own types added to the built-in ones). */
    public static NetworkSpec fromJson(String text, Registry<LayerSpec> layerTypes) {
        return parsing(() -> read(object(text), layerTypes));
    }

    private static NetworkSpec read(JsonObject json, Registry<LayerSpec> layerTypes) {
        NetworkSpec spec = NetworkSpec.of(required(json, "inputs").getAsInt());
        for (JsonElement e : required(json, "layers").getAsJsonArray()) {
            spec = spec.withLayer(layerTypes.create(component(e, "type")));
        }
        return spec.withLoss(Losses.registry().canonical(component(required(json, "loss"), "name")))
                .withInitializer(Initializers.registry().canonical(component(required(json, "initializer"), "name")));
    }

    /**
     * Reads a format-version-1 architecture: dense layers and a loss by name, each with its
     * default hyperparameters, and the default initializer.
     *
     * @throws IllegalArgumentException as {@link #fromJson(String)}
     */
    public static NetworkSpec fromJsonVersion1(String text) {
        return parsing(() -> readVersion1(object(text)));
    }

    private static NetworkSpec readVersion1(JsonObject json) {
        NetworkSpec spec = NetworkSpec.of(required(json, "inputs").getAsInt());
        for (JsonElement e : required(json, "layers").getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            spec = spec.withLayer(new DenseSpec(required(o, "units").getAsInt(), Component.named(
                    required(o, "activation").getAsString()), null));
        }
        return spec.withLoss(Losses.registry().canonical(Component.named(required(json, "loss").getAsString())));
    }

    /** Runs {@code reader}, turning Gson's type errors (a string where a number belongs, …) into IllegalArgumentException. */
    private static NetworkSpec parsing(java.util.function.Supplier<NetworkSpec> reader) {
        try {
            return reader.get();
        } catch (IllegalStateException | UnsupportedOperationException | ClassCastException e) {
            throw new IllegalArgumentException("the architecture has a field of the wrong type: " + e.getMessage(), e);
        }
    }

    private static JsonObject object(String text) {
        try {
            JsonElement json = JsonParser.parseString(text);
            if (!json.isJsonObject()) {
                throw new IllegalArgumentException("the architecture is not a JSON object: " + text);
            }
            return json.getAsJsonObject();
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException("the architecture is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Component component(JsonElement element, String nameKey) {
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("expected an object with \"" + nameKey + "\", got " + element);
        }
        JsonObject o = element.getAsJsonObject();
        Params params = Params.EMPTY;
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (!e.getKey().equals(nameKey)) {
                params = params.with(e.getKey(), value(e.getKey(), e.getValue()));
            }
        }
        return new Component(required(o, nameKey).getAsString(), params);
    }

    private static Object value(String key, JsonElement e) {
        if (e.isJsonObject()) {
            return component(e, "name");
        }
        if (e.isJsonArray()) {
            List<Double> list = new ArrayList<>();
            for (JsonElement item : e.getAsJsonArray()) {
                list.add(numberOf(key, item));
            }
            return list;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        return numberOf(key, e);
    }

    private static double numberOf(String key, JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("hyperparameter " + key + " must be a number, a string, a list of "
                    + "numbers or an object, got " + e);
        }
        return e.getAsDouble();
    }

    private static JsonElement required(JsonObject json, String key) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("the architecture has no \"" + key + "\" in " + json);
        }
        return e;
    }
}
