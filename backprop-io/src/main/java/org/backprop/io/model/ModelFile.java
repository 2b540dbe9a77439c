package org.backprop.io.model;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.backprop.LibraryVersion;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.io.safetensors.SafetensorsWriter;
import org.backprop.io.safetensors.Tensor;
import org.backprop.layer.LayerSpec;
import org.backprop.kernel.Precision;
import org.backprop.layer.LayerTypes;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Registry;
import org.backprop.network.ParamKind;
import org.backprop.network.Parameter;

/**
 * Saves and loads a {@link Model} as one safetensors file, readable by any safetensors library.
 *
 * <p>Tensors, all F64:
 * <ul>
 *   <li>{@code dense1.W}, {@code dense2.W}, …: shape [in, out]. W is in×out because a layer
 *       computes X·W + B on batch-first rows: the <b>transpose</b> of PyTorch's
 *       {@code nn.Linear.weight} (out×in).</li>
 *   <li>{@code dense1.B}, …: shape [out] (as PyTorch's {@code nn.Linear.bias}).</li>
 *   <li>every other layer's parameters under {@code <layer>.<name>}, shape [rows, cols], e.g. an
 *       embedding's tables {@code embedding1.E0}: [cardinality, dim] (as PyTorch's
 *       {@code nn.Embedding.weight}).</li>
 *   <li>{@code scaler.features.mean}, {@code scaler.features.scale}: shape [inputs]; the network's
 *       input is (x − mean) / scale per feature column.</li>
 *   <li>regression only: {@code scaler.target.mean}, {@code scaler.target.scale}, shape [1]; a
 *       prediction in target units is output · scale + mean.</li>
 * </ul>
 * Metadata (all strings): {@code format} = {@code backprop-model}, {@code format_version} =
 * {@code 2}, {@code architecture} (the network's {@link org.backprop.network.NetworkSpec} as JSON
 * with every hyperparameter, see {@link NetworkSpecJson}), {@code task}
 * ({@code regression}/{@code classification}), {@code features} (JSON array of column names in
 * input order), {@code target}, {@code labels} (classification: JSON array of class labels in
 * output order), {@code training} (JSON), {@code seed}, {@code backprop_version},
 * {@code command_line}, and for models whose raw columns are not all plain numbers (categorical
 * columns, imputed missing values, ignored columns) {@code preprocessing} (JSON, see
 * {@link TablePreprocessor}; absent: every feature is a numeric column of that name).
 *
 * <p>Saving is atomic (a reader sees the old file or the new one, never a part) and refuses NaN or
 * infinite weights. Loading checks the format and version, every key and every tensor's shape, and
 * rebuilds the network from its spec (seeded with {@code seed}) before copying the weights in, so
 * the tensors expected are exactly the rebuilt network's parameters.
 *
 * <p>A network alone ({@link #save(Path, NeuralNetwork)}, {@link #loadNetwork(Path)}) is stored in
 * the same format with its parameter tensors only, and metadata {@code format},
 * {@code format_version}, {@code contents} = {@code network}, {@code architecture},
 * {@code precision} ({@code float64}/{@code float32}) and {@code backprop_version}.
 *
 * <p>Versions: 2 (this one) stores every hyperparameter; version-1 files (activations and loss by
 * name only, their defaults implied) still load.
 */
public final class ModelFile {
    /** The {@code format} metadata value. */
    public static final String FORMAT = "backprop-model";
    /** The format version this library writes. */
    public static final int FORMAT_VERSION = 2;
    /** The oldest format version this library reads. */
    public static final int OLDEST_FORMAT_VERSION = 1;
    /**
     * Parameter budget of a model file: 2²⁸ (268 million) weights and biases, 2 GiB as doubles,
     * before gradients and optimizer state. Loading refuses a file whose architecture has more;
     * {@code backprop train} refuses to train such a network.
     */
    public static final long MAX_PARAMETERS = 1L << 28;

    /** The metadata key saying what a file holds: {@link #NETWORK_ONLY}, or absent for a whole model. */
    static final String CONTENTS = "contents";
    /** {@link #CONTENTS} of a file written by {@link #save(Path, NeuralNetwork)}. */
    static final String NETWORK_ONLY = "network";
    /** The metadata key of a network file's precision ({@code float64} or {@code float32}). */
    static final String PRECISION = "precision";
    static final String FEATURE_MEAN = "scaler.features.mean";
    static final String FEATURE_SCALE = "scaler.features.scale";
    static final String TARGET_MEAN = "scaler.target.mean";
    static final String TARGET_SCALE = "scaler.target.scale";
    private static final Gson GSON = new Gson();

    private ModelFile() {
    }

    /**
     * Atomically writes {@code model} to {@code target}.
     *
     * @throws NonFiniteWeightsException if a weight, bias or scaler value is NaN or infinite
     *                                   (nothing is written)
     * @throws IOException               if writing fails; an existing {@code target} is then unchanged
     */
    public static void save(Path target, Model model) throws IOException {
        write(target, tensors(model), metadata(model));
    }

    /**
     * Atomically writes {@code network} alone to {@code target}: its architecture, its precision and
     * its parameters, in the format of a model file without the columns, scalers, task and labels
     * (metadata {@code contents} = {@code network}; {@code backprop inspect} shows it). For a network
     * trained on matrices of your own, e.g. a regression of several outputs; read it back with
     * {@link #loadNetwork(Path)}, which gives the same weights and predictions, bit for bit.
     *
     * @throws NonFiniteWeightsException if a weight or bias is NaN or infinite (nothing is written)
     * @throws IOException               if writing fails; an existing {@code target} is then unchanged
     */
    public static void save(Path target, NeuralNetwork network) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("format_version", Integer.toString(FORMAT_VERSION));
        metadata.put(CONTENTS, NETWORK_ONLY);
        metadata.put("architecture", NetworkSpecJson.toJson(network.spec()));
        metadata.put(PRECISION, network.precision().name().toLowerCase(Locale.ROOT));
        metadata.put("backprop_version", LibraryVersion.current());
        write(target, parameterTensors(network), metadata);
    }

    private static void write(Path target, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        try {
            SafetensorsWriter.write(target, tensors, metadata);
        } catch (IllegalArgumentException e) {
            throw new NonFiniteWeightsException("refusing to save a model with non-finite values: " + e.getMessage(), e);
        }
    }

    private static Map<String, Tensor> parameterTensors(NeuralNetwork network) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Parameter p : network.parameters().parameters()) {
            long[] shape = shapeOf(p);
            tensors.put(p.name(), shape.length == 1 ? Tensor.f64(p.value().toArray(), (int) shape[0])
                    : Tensor.matrix(p.value().toArray(), p.value().rows(), p.value().cols()));
        }
        return tensors;
    }

    private static Map<String, Tensor> tensors(Model model) {
        Map<String, Tensor> tensors = parameterTensors(model.network());
        putScaler(tensors, FEATURE_MEAN, FEATURE_SCALE, model.featureScaler());
        if (model.task() == Task.REGRESSION) {
            putScaler(tensors, TARGET_MEAN, TARGET_SCALE, model.targetScaler());
        }
        return tensors;
    }

    /** A bias row 1×n is stored as a vector [n] (as PyTorch's biases), every other parameter as [rows, cols]. */
    private static long[] shapeOf(Parameter p) {
        return storedShape(p.kind(), p.value().rows(), p.value().cols());
    }

    /** The tensor shape a rows×cols parameter is stored with: [cols] for a 1-row bias, else [rows, cols]. */
    static long[] storedShape(ParamKind kind, int rows, int cols) {
        return kind == ParamKind.BIAS && rows == 1 ? new long[] {cols} : new long[] {rows, cols};
    }

    private static void putScaler(Map<String, Tensor> tensors, String mean, String scale, StandardScaler scaler) {
        tensors.put(mean, Tensor.f64(scaler.mean(), scaler.columns()));
        tensors.put(scale, Tensor.f64(scaler.scale(), scaler.columns()));
    }

    private static Map<String, String> metadata(Model model) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", Integer.toString(FORMAT_VERSION));
        m.put("architecture", NetworkSpecJson.toJson(model.spec()));
        m.put("task", model.task().id());
        m.put("features", GSON.toJson(model.features()));
        m.put("target", model.target());
        if (model.task() == Task.CLASSIFICATION) {
            m.put("labels", model.labels().toJson());
        }
        m.put("training", model.metadata().training());
        m.put("seed", Long.toString(model.metadata().seed()));
        m.put("backprop_version", model.metadata().libraryVersion());
        m.put("command_line", model.metadata().commandLine());
        if (!model.preprocessor().isPlainNumeric()) {
            m.put(TablePreprocessor.METADATA_KEY, model.preprocessor().toJson());
        }
        return m;
    }

    /** {@link #load(Path, int)} with one kernel thread. */
    public static Model load(Path file) throws IOException {
        return load(file, 1);
    }

    /** {@link #load(Path, int, Registry)} with the built-in layer types. */
    public static Model load(Path file, int threads) throws IOException {
        return load(file, threads, LayerTypes.builtIn());
    }

    /**
     * Reads and validates a model file.
     *
     * @param threads    kernel threads of the rebuilt network's training passes (≥ 1)
     * @param layerTypes the layer types the file may use ({@link LayerTypes#builtIn()}, or a
     *                   program's own added with {@link LayerTypes#builder()})
     * @throws ModelFormatException if the file is a safetensors file but not a valid backprop model
     *                              of a supported version, or names a layer type, activation, loss or
     *                              initializer this library does not know (the message says what)
     * @throws IOException          if the file cannot be read or is not a safetensors file
     */
    public static Model load(Path file, int threads, Registry<LayerSpec> layerTypes) throws IOException {
        SafetensorsFile content = SafetensorsReader.read(file);
        ModelReader reader = new ModelReader(file, content, layerTypes);
        try {
            return reader.read(threads);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, e.getMessage(), e);
        }
    }

    /** {@link #loadNetwork(Path, int, Registry)} with one kernel thread and the built-in layer types. */
    public static NeuralNetwork loadNetwork(Path file) throws IOException {
        return loadNetwork(file, 1, LayerTypes.builtIn());
    }

    /**
     * Reads and validates the network of a file written by {@link #save(Path, NeuralNetwork)} (in
     * the precision it was saved in) or of a whole model file (the model's network, float64, without
     * its preprocessing). The caller closes it.
     *
     * @param threads    kernel threads of the rebuilt network (≥ 1)
     * @param layerTypes the layer types the file may use
     * @throws ModelFormatException as {@link #load(Path, int, Registry)}
     * @throws IOException          if the file cannot be read or is not a safetensors file
     */
    public static NeuralNetwork loadNetwork(Path file, int threads, Registry<LayerSpec> layerTypes) throws IOException {
        ModelReader reader = new ModelReader(file, SafetensorsReader.read(file), layerTypes);
        try {
            return reader.networkOnly() ? reader.readNetwork(threads) : reader.read(threads).network();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, e.getMessage(), e);
        }
    }

    /**
     * True if {@code file} holds a network alone ({@link #save(Path, NeuralNetwork)}), to be read
     * with {@link #loadNetwork}; false for a whole model.
     *
     * @throws IOException if the file cannot be read or is not a safetensors file
     */
    public static boolean holdsNetworkOnly(Path file) throws IOException {
        return NETWORK_ONLY.equals(SafetensorsReader.read(file).metadata().get(CONTENTS));
    }

    /** Reads one file's content into a model; problems throw {@link ModelFormatException}. */
    private static final class ModelReader {
        private final Path file;
        private final SafetensorsFile content;
        private final Registry<LayerSpec> layerTypes;

        ModelReader(Path file, SafetensorsFile content, Registry<LayerSpec> layerTypes) {
            this.file = file;
            this.content = content;
            this.layerTypes = layerTypes;
        }

        boolean networkOnly() {
            return NETWORK_ONLY.equals(content.metadata().get(CONTENTS));
        }

        /** The network of a file written by {@link #save(Path, NeuralNetwork)}. */
        NeuralNetwork readNetwork(int threads) throws ModelFormatException {
            NetworkSpec spec = spec();
            Precision precision = Precision.valueOf(meta(PRECISION).toUpperCase(Locale.ROOT));
            ModelFileCheck.checkAgainstTensors(file, content, spec);
            NeuralNetwork network = NeuralNetwork.builder(spec).threads(threads).precision(precision).build();
            try {
                checkTensorNames(network, List.of());
                copyWeights(network);
                return network;
            } catch (ModelFormatException | RuntimeException e) {
                network.close();
                throw e;
            }
        }

        /** The architecture of a file whose format, version and content {@link ModelFileCheck} checked. */
        private NetworkSpec spec() throws ModelFormatException {
            int version = checkFormat();
            ModelFileCheck.check(file, content, version);
            return version == 1 ? NetworkSpecJson.fromJsonVersion1(meta("architecture"))
                    : NetworkSpecJson.fromJson(meta("architecture"), layerTypes);
        }

        Model read(int threads) throws ModelFormatException {
            if (networkOnly()) {
                throw new ModelFormatException(file, "the file holds a network alone (saved with "
                        + "ModelFile.save(Path, NeuralNetwork)), without the columns, scalers and task of a model: "
                        + "read it with ModelFile.loadNetwork");
            }
            NetworkSpec spec = spec();
            Task task = Task.fromId(meta("task"));
            List<String> features = stringList("features");
            ModelMetadata metadata = new ModelMetadata(meta("training"), longMeta("seed"),
                    meta("backprop_version"), meta("command_line"));
            StandardScaler featureScaler = scaler(FEATURE_MEAN, FEATURE_SCALE, spec.inputs());
            ModelFileCheck.checkAgainstTensors(file, content, spec);
            NeuralNetwork network = NeuralNetwork.builder(spec).seed(metadata.seed()).threads(threads).build();
            try {
                checkTensorNames(network, task == Task.REGRESSION
                        ? List.of(FEATURE_MEAN, FEATURE_SCALE, TARGET_MEAN, TARGET_SCALE)
                        : List.of(FEATURE_MEAN, FEATURE_SCALE));
                copyWeights(network);
                Model model = task == Task.REGRESSION
                        ? Model.regression(network, features, meta("target"), featureScaler,
                                scaler(TARGET_MEAN, TARGET_SCALE, 1), metadata)
                        : Model.classification(network, features, meta("target"), featureScaler,
                                LabelEncoder.of(stringList("labels")), metadata);
                String preprocessing = content.metadata().get(TablePreprocessor.METADATA_KEY);
                return preprocessing == null ? model : model.withPreprocessor(TablePreprocessor.fromJson(preprocessing));
            } catch (ModelFormatException | RuntimeException e) {
                network.close();
                throw e;
            }
        }

        /** Checks the format and returns the version, one this library reads. */
        private int checkFormat() throws ModelFormatException {
            String format = content.metadata().get("format");
            if (!FORMAT.equals(format)) {
                throw new ModelFormatException(file, "not a backprop model (metadata \"format\" is "
                        + (format == null ? "missing" : "\"" + format + "\"") + ", expected \"" + FORMAT + "\")");
            }
            String version = meta("format_version");
            for (int v = OLDEST_FORMAT_VERSION; v <= FORMAT_VERSION; v++) {
                if (Integer.toString(v).equals(version)) {
                    return v;
                }
            }
            throw new ModelFormatException(file, "model format version " + version
                    + " is not supported: this backprop reads versions " + OLDEST_FORMAT_VERSION + " to "
                    + FORMAT_VERSION + " (a newer backprop may have written it)");
        }

        private String meta(String key) {
            String value = content.metadata().get(key);
            if (value == null) {
                throw new IllegalArgumentException("metadata \"" + key + "\" is missing");
            }
            return value;
        }

        private long longMeta(String key) {
            try {
                return Long.parseLong(meta(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("metadata \"" + key + "\" is not an integer: " + meta(key), e);
            }
        }

        private List<String> stringList(String key) {
            try {
                String[] values = GSON.fromJson(meta(key), String[].class);
                if (values == null || Arrays.asList(values).contains(null)) {
                    throw new IllegalArgumentException("metadata \"" + key + "\" is not a JSON array of strings");
                }
                return List.of(values);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("metadata \"" + key + "\" is not a JSON array of strings", e);
            }
        }

        /** The file's tensors are exactly the network's parameters and {@code others}. */
        private void checkTensorNames(NeuralNetwork network, List<String> others) throws ModelFormatException {
            java.util.Set<String> expected = new java.util.LinkedHashSet<>();
            for (Parameter p : network.parameters().parameters()) {
                expected.add(p.name());
            }
            expected.addAll(others);
            for (String name : expected) {
                if (!content.tensors().containsKey(name)) {
                    throw new ModelFormatException(file, "tensor \"" + name + "\" is missing");
                }
            }
            for (String name : content.tensors().keySet()) {
                if (!expected.contains(name)) {
                    throw new ModelFormatException(file, "unexpected tensor \"" + name + "\"");
                }
            }
        }

        private StandardScaler scaler(String mean, String scale, int columns) throws ModelFormatException {
            return StandardScaler.of(vector(mean, columns), vector(scale, columns));
        }

        private double[] vector(String name, int length) throws ModelFormatException {
            return values(name, new long[] {length});
        }

        private double[] values(String name, long[] shape) throws ModelFormatException {
            Tensor t = content.tensors().get(name);
            if (t == null) {
                throw new ModelFormatException(file, "tensor \"" + name + "\" is missing");
            }
            if (!Arrays.equals(t.shape(), shape)) {
                throw new ModelFormatException(file, "tensor \"" + name + "\" has shape " + Arrays.toString(t.shape())
                        + " but the architecture needs " + Arrays.toString(shape));
            }
            for (double v : t.values()) {
                if (!Double.isFinite(v)) {
                    throw new ModelFormatException(file, "tensor \"" + name + "\" holds a non-finite value " + v);
                }
            }
            return t.values();
        }

        private void copyWeights(NeuralNetwork network) throws ModelFormatException {
            double[] flat = network.parameters().values();
            for (Parameter p : network.parameters().parameters()) {
                double[] v = values(p.name(), shapeOf(p));
                System.arraycopy(v, 0, flat, p.offset(), v.length);
            }
        }
    }
}
