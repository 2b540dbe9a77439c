package org.backprop.io.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.backprop.io.StrictJson;
import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.Tensor;
import org.backprop.network.NetworkSpec;
import org.backprop.network.ParameterShape;

/**
 * Checks a model file's content before anything is built or allocated from it, so that a crafted
 * or damaged file fails fast with one line (exit 6) instead of exhausting memory or overflowing:
 * <ul>
 *   <li>every JSON metadata value ({@code architecture}, {@code features}, {@code labels},
 *       {@code training}) is strict JSON without a duplicate key at any level
 *       ({@link StrictJson});</li>
 *   <li>{@code features} and {@code labels} are arrays of distinct strings;</li>
 *   <li>the architecture's input width (and in format 1 each layer's units) is a whole number
 *       written in plain digits in [1, 2³¹ − 1] ({@code 64.9}, {@code 6.4e1} and 2³² + 64 are
 *       refused, never rounded or wrapped);</li>
 *   <li>({@link #checkAgainstTensors}, once the spec is parsed and before the network is built)
 *       every parameter the spec declares is a stored tensor of that shape ({@code dense1.W} is
 *       [in, units], {@code dense1.B} is [units]; a model's feature scaler [inputs] is checked as
 *       it is read), and the parameter
 *       count is at most {@link ModelFile#MAX_PARAMETERS};</li>
 *   <li>scaler scales are normal positive doubles (a subnormal scale would overflow any input).</li>
 * </ul>
 */
final class ModelFileCheck {
    private static final String[] JSON_KEYS = {"architecture", "features", "labels", "training"};

    private final Path file;
    private final SafetensorsFile content;

    private ModelFileCheck(Path file, SafetensorsFile content) {
        this.file = file;
        this.content = content;
    }

    /**
     * Runs the checks of the class comment on a file whose format and version were checked.
     *
     * @throws ModelFormatException naming the metadata key or tensor at fault
     */
    static void check(Path file, SafetensorsFile content, int version) throws ModelFormatException {
        new ModelFileCheck(file, content).run(version);
    }

    private void run(int version) throws ModelFormatException {
        for (String key : JSON_KEYS) {
            String text = content.metadata().get(key);
            if (text != null) {
                parse(key, text);
            }
        }
        distinctStrings("features");
        distinctStrings("labels");
        String architecture = content.metadata().get("architecture");
        if (architecture != null) {
            checkWrittenSizes(parse("architecture", architecture), version);
        }
        checkScale(ModelFile.FEATURE_SCALE);
        checkScale(ModelFile.TARGET_SCALE);
    }

    private JsonElement parse(String key, String text) throws ModelFormatException {
        try {
            return StrictJson.parse(text);
        } catch (StrictJson.Problem e) {
            throw problem("metadata \"" + key + "\": " + e.getMessage());
        }
    }

    private void distinctStrings(String key) throws ModelFormatException {
        String text = content.metadata().get(key);
        if (text == null) {
            return;
        }
        JsonElement json = parse(key, text);
        if (!json.isJsonArray()) {
            throw problem("metadata \"" + key + "\" is not a JSON array of strings");
        }
        Set<String> seen = new HashSet<>();
        for (JsonElement e : json.getAsJsonArray()) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw problem("metadata \"" + key + "\" is not a JSON array of strings");
            }
            if (!seen.add(e.getAsString())) {
                throw problem("metadata \"" + key + "\" names \"" + e.getAsString() + "\" twice");
            }
        }
    }

    /**
     * The architecture's sizes as written: {@code inputs} (every version) and, in format 1, each
     * layer's {@code units} must be plain decimal integers in range (Gson would round {@code 64.9}
     * and wrap 2³² + 64 to 64). Format 2 layer hyperparameters are checked by their {@code Params}.
     */
    private void checkWrittenSizes(JsonElement json, int version) throws ModelFormatException {
        if (!json.isJsonObject()) {
            throw problem("metadata \"architecture\" is not a JSON object");
        }
        JsonObject architecture = json.getAsJsonObject();
        size("architecture \"inputs\"", architecture.get("inputs"));
        JsonElement layers = architecture.get("layers");
        if (version != 1 || layers == null || !layers.isJsonArray()) {
            return;
        }
        JsonArray array = layers.getAsJsonArray();
        for (int k = 1; k <= array.size(); k++) {
            JsonElement layer = array.get(k - 1);
            size("architecture layer " + k + " \"units\"", layer.isJsonObject() ? layer.getAsJsonObject().get("units")
                    : null);
        }
    }

    /**
     * Checks {@code spec}'s parameters against the stored tensors, name by name and shape by shape,
     * and against {@link ModelFile#MAX_PARAMETERS}, before the network is built: nothing is allocated for
     * sizes the file's tensors do not back.
     *
     * @throws ModelFormatException naming the first tensor that is missing or has another shape
     */
    static void checkAgainstTensors(Path file, SafetensorsFile content, NetworkSpec spec) throws ModelFormatException {
        ModelFileCheck check = new ModelFileCheck(file, content);
        int[] widths;
        try {
            widths = spec.widths();
        } catch (IllegalArgumentException e) {
            throw check.problem(e.getMessage());
        }
        List<String> names = spec.layerNames();
        long parameters = 0;
        for (int i = 0; i < names.size(); i++) {
            for (ParameterShape p : spec.layers().get(i).parameters(widths[i])) {
                check.requireShape(names.get(i) + "." + p.name(), ModelFile.storedShape(p.kind(), p.rows(), p.cols()));
                parameters += (long) p.rows() * p.cols();
                if (parameters > ModelFile.MAX_PARAMETERS) {
                    throw check.problem("the architecture has more than " + ModelFile.MAX_PARAMETERS
                            + " parameters (the limit) by layer " + names.get(i));
                }
            }
        }
    }

    private long size(String what, JsonElement value) throws ModelFormatException {
        int n = StrictJson.nonNegativeInt(value);
        if (n < 1) {
            String text = value == null ? "nothing" : value.toString();
            throw problem(what + " must be a whole number in [1, " + Integer.MAX_VALUE + "], got "
                    + (text.length() > 40 ? text.substring(0, 37) + "..." : text));
        }
        return n;
    }

    private void requireShape(String tensor, long... shape) throws ModelFormatException {
        Tensor t = content.tensors().get(tensor);
        if (t == null) {
            throw problem("tensor \"" + tensor + "\" is missing");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw problem("tensor \"" + tensor + "\" has shape " + Arrays.toString(t.shape())
                    + " but the architecture needs " + Arrays.toString(shape));
        }
    }

    private void checkScale(String tensor) throws ModelFormatException {
        Tensor t = content.tensors().get(tensor);
        if (t == null) {
            return;
        }
        double[] values = t.values();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= Double.MIN_NORMAL) || values[i] == Double.POSITIVE_INFINITY) {
                throw problem("tensor \"" + tensor + "\" holds " + values[i] + " at index " + i
                        + "; a scale must be a finite positive normal number (at least " + Double.MIN_NORMAL + ")");
            }
        }
    }

    private ModelFormatException problem(String message) {
        return new ModelFormatException(file, message);
    }
}
