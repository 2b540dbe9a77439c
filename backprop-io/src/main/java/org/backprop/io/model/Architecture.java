package org.backprop.io.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.loss.Losses;
import org.backprop.network.NetworkBuilder;
import org.backprop.network.NeuralNetwork;

/**
 * The shape of a network of dense layers: input width, layers in order (the last one is the
 * output layer) and the loss's registry name. Stored in model files as JSON:
 * {@code {"inputs": 3, "layers": [{"units": 64, "activation": "relu"}, …], "loss": "mse"}}.
 *
 * @param inputs number of input columns (≥ 1)
 * @param layers the dense layers, input side first (at least one)
 * @param loss   the loss's name in {@link Losses}, e.g. {@code "mse"} or {@code "softmax_ce"}
 */
public record Architecture(int inputs, List<LayerSpec> layers, String loss) {

    /** Checks the sizes and copies the layer list. */
    public Architecture {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input, got " + inputs);
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
    }

    /** The architecture of {@code network} (dense layers only). */
    public static Architecture of(NeuralNetwork network) {
        List<LayerSpec> specs = new ArrayList<>();
        for (Layer layer : network.layers()) {
            if (!(layer instanceof Dense dense)) {
                throw new IllegalArgumentException("model files hold dense layers only; " + layer.name()
                        + " is " + layer.getClass().getSimpleName());
            }
            specs.add(new LayerSpec(dense.outputs(), dense.activation().id()));
        }
        return new Architecture(network.inputs(), specs, network.loss().id());
    }

    /** Number of output columns (the last layer's units). */
    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /**
     * A new network of this architecture with weights drawn from {@code seed}'s "init" stream.
     *
     * @param threads kernel threads for training passes (prediction is single-threaded per call)
     */
    public NeuralNetwork newNetwork(long seed, int threads) {
        NetworkBuilder builder = NeuralNetwork.builder(inputs);
        for (LayerSpec layer : layers) {
            builder.dense(layer.units(), layer.activation());
        }
        return builder.loss(Losses.byName(loss)).seed(seed).threads(threads).build();
    }

    /** This architecture as JSON (see the class comment). */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("inputs", inputs);
        JsonArray array = new JsonArray();
        for (LayerSpec layer : layers) {
            JsonObject o = new JsonObject();
            o.addProperty("units", layer.units());
            o.addProperty("activation", layer.activation());
            array.add(o);
        }
        json.add("layers", array);
        json.addProperty("loss", loss);
        return json.toString();
    }

    /**
     * Parses {@link #toJson()} output.
     *
     * @throws IllegalArgumentException if the JSON is malformed or a field is missing or invalid
     */
    public static Architecture fromJson(String text) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            List<LayerSpec> layers = new ArrayList<>();
            for (JsonElement e : required(json, "layers").getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                layers.add(new LayerSpec(required(o, "units").getAsInt(), required(o, "activation").getAsString()));
            }
            return new Architecture(required(json, "inputs").getAsInt(), layers, required(json, "loss").getAsString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid architecture " + text + ": " + e.getMessage(), e);
        }
    }

    private static JsonElement required(JsonObject json, String key) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return e;
    }
}
