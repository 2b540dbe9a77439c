package org.backprop.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backprop.init.FanInUniform;
import org.backprop.init.Initializer;
import org.backprop.init.Initializers;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.layer.DenseSpec;
import org.backprop.layer.DropoutSpec;
import org.backprop.layer.Layer;
import org.backprop.layer.LayerContext;
import org.backprop.layer.LayerSpec;
import org.backprop.loss.Loss;
import org.backprop.loss.Losses;
import org.backprop.loss.MeanSquaredError;
import org.backprop.op.Activation;
import org.backprop.op.Activations;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;

/**
 * Collects a {@link NetworkSpec} and builds the {@link NeuralNetwork} it describes. The layer
 * methods only append layer specs ({@link #layer} takes any, a user's own included); {@link #build()}
 * realises the spec. Defaults: loss {@link MeanSquaredError} (MEAN), initializer {@link FanInUniform}
 * for weights and zeros for biases, seed 0 (stream "init" for initial values, drawn layer by layer
 * in order, "dropout" for dropout masks), as many kernel threads as processors. Layers are named by
 * type and ordinal: dense1, dense2, …, dropout1, …
 *
 * <pre>{@code
 * NeuralNetwork net = NeuralNetwork.builder(100)
 *         .dense(128, "relu").dropout(0.2).dense(256, "relu").dense(1, "linear")
 *         .seed(42).build();
 * }</pre>
 */
public final class NetworkBuilder {
    private NetworkSpec spec;
    private Loss lossInstance;
    private Initializer initializerInstance;
    private RandomSource initRandom;
    private RandomSource dropoutRandom;
    private long seed;
    private Gemm gemm;
    private int threads = Kernels.defaultThreads();
    private Precision precision = Precision.FLOAT64;

    NetworkBuilder(NetworkSpec spec) {
        this.spec = spec;
    }

    /** Appends a layer of any type (see {@link LayerSpec}). */
    public NetworkBuilder layer(LayerSpec layer) {
        spec = spec.withLayer(layer);
        return this;
    }

    /** Adds a dense layer of {@code units} outputs with the named activation (see {@link Activations}). */
    public NetworkBuilder dense(int units, String activation) {
        return layer(new DenseSpec(units, activation));
    }

    /** Adds a dense layer with a new instance of this activation ({@link Activation#fresh()}). */
    public NetworkBuilder dense(int units, Activation activation) {
        return dense(units, activation, null);
    }

    /** Adds a dense layer whose weights use {@code layerInitializer} instead of the network default. */
    public NetworkBuilder dense(int units, Activation activation, Initializer layerInitializer) {
        return layer(new DenseSpec(units, activation, layerInitializer));
    }

    /**
     * Adds inverted dropout with drop probability {@code rate} in [0, 1) on the previous layer's
     * output, as its own layer ({@code dropout1}, {@code dropout2}, …; no parameters). Masks come
     * from the root seed's "dropout" stream, shared by all dropout layers in forward order.
     */
    public NetworkBuilder dropout(double rate) {
        if (spec.layers().isEmpty()) {
            throw new IllegalStateException("dropout applies to the previous layer's output: add a layer first");
        }
        return layer(new DropoutSpec(rate));
    }

    /**
     * The loss (default MSE with MEAN reduction); the network uses this instance. {@link #build()}
     * asks it to accept the last dense layer ({@link Loss#checkOutput}): losses on logits need a
     * {@code "linear"} last layer.
     */
    public NetworkBuilder loss(Loss value) {
        spec = spec.withLoss(value.spec());
        this.lossInstance = value;
        return this;
    }

    /** The default weight initializer (default {@link FanInUniform}). */
    public NetworkBuilder initializer(Initializer value) {
        spec = spec.withInitializer(value.spec());
        this.initializerInstance = value;
        return this;
    }

    /** The root seed; weights are drawn from its "init" stream (default 0). */
    public NetworkBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** Draw initial weights from this source instead of the seed's "init" stream. */
    public NetworkBuilder initRandom(RandomSource value) {
        this.initRandom = value;
        return this;
    }

    /**
     * Draw dropout masks from this source instead of the seed's "dropout" stream (e.g. a partition's
     * own stream in data-parallel training).
     */
    public NetworkBuilder dropoutRandom(RandomSource value) {
        this.dropoutRandom = value;
        return this;
    }

    /** Number of kernel threads (default: all processors). Results do not depend on it. */
    public NetworkBuilder threads(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + value);
        }
        this.threads = value;
        return this;
    }

    /** The precision of the matrix products (default FLOAT64); see {@link Precision}. */
    public NetworkBuilder precision(Precision value) {
        this.precision = value;
        return this;
    }

    /** Compute with this kernel; the network will not close it. */
    public NetworkBuilder gemm(Gemm value) {
        this.gemm = value;
        return this;
    }

    /** The description collected so far. */
    public NetworkSpec spec() {
        return spec;
    }

    /**
     * Allocates the parameter buffer, lets each layer spec initialize its parameters and build its
     * layer, in order, and wires the network.
     *
     * @throws IllegalStateException    if there is no layer
     * @throws IllegalArgumentException if the loss refuses the last dense layer's activation or
     *                                  width, names an unknown loss or initializer, or if the network
     *                                  has more parameters than one buffer holds (naming the layer
     *                                  and the count; see {@link NetworkSpec#parameterCount()})
     */
    public NeuralNetwork build() {
        List<LayerSpec> specs = spec.layers();
        if (specs.isEmpty()) {
            throw new IllegalStateException("add at least one layer before build()");
        }
        Loss loss = lossInstance != null ? lossInstance : Losses.registry().create(spec.loss());
        Initializer initializer = initializerInstance != null ? initializerInstance
                : Initializers.registry().create(spec.initializer());
        checkOutputPairing(loss);
        int[] widths = spec.widths();
        List<String> names = spec.layerNames();
        ParameterBuffer params = layout(widths, names).allocate(precision);
        boolean ownsGemm = gemm == null;
        Gemm kernel = ownsGemm ? Kernels.create(threads, precision) : gemm;
        SeedStreams streams = new SeedStreams(seed);
        RandomSource random = initRandom != null ? initRandom : streams.stream("init");
        RandomSource masks = dropoutRandom != null ? dropoutRandom : streams.stream("dropout");
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LayerContext context = new LayerContext(names.get(i), widths[i], parametersOf(names.get(i), params),
                    kernel, random, masks, initializer);
            Layer layer = specs.get(i).build(context);
            if (layer.inputs() != widths[i] || layer.outputs() != widths[i + 1]) {
                throw new IllegalStateException(names.get(i) + ": the spec promised " + widths[i] + " → "
                        + widths[i + 1] + " columns but built a layer of " + layer.inputs() + " → " + layer.outputs());
            }
            layers.add(layer);
        }
        params.syncFloat();   // float storage: the initial values rounded to float
        return new NeuralNetwork(spec, layers, loss, params, kernel, ownsGemm, precision);
    }

    /** The parameters of every layer in order, e.g. dense1.W, dense1.B, dense2.W, … */
    private ParameterBuffer.Layout layout(int[] widths, List<String> names) {
        ParameterBuffer.Layout layout = new ParameterBuffer.Layout();
        for (int i = 0; i < names.size(); i++) {
            for (ParameterShape p : spec.layers().get(i).parameters(widths[i])) {
                layout.add(names.get(i), p.name(), p.kind(), p.rows(), p.cols());
            }
        }
        return layout;
    }

    private static Map<String, Parameter> parametersOf(String layer, ParameterBuffer params) {
        Map<String, Parameter> own = new LinkedHashMap<>();
        for (Parameter p : params.parameters()) {
            if (p.layer().equals(layer)) {
                own.put(p.name().substring(layer.length() + 1), p);
            }
        }
        return own;
    }

    private void checkOutputPairing(Loss loss) {
        List<LayerSpec> specs = spec.layers();
        for (int i = specs.size() - 1; i >= 0; i--) {
            if (specs.get(i) instanceof DenseSpec last) {
                loss.checkOutput(last.newActivation(), last.units());
                return;
            }
        }
    }
}
