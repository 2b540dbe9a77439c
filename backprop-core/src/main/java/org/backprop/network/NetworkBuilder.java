package org.backprop.network;

import java.util.ArrayList;
import java.util.List;

import org.backprop.init.FanInUniform;
import org.backprop.init.Initializer;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.layer.Dense;
import org.backprop.layer.DropoutLayer;
import org.backprop.layer.Layer;
import org.backprop.loss.Loss;
import org.backprop.loss.MeanSquaredError;
import org.backprop.op.Activation;
import org.backprop.op.Activations;
import org.backprop.op.Dropout;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;

/**
 * Builds a {@link NeuralNetwork} of dense layers. Defaults: loss {@link MeanSquaredError} (MEAN),
 * initializer {@link FanInUniform} for weights and zeros for biases, seed 0 (stream "init" for
 * weights, "dropout" for dropout masks), as many kernel threads as processors. Dense layers are
 * named dense1, dense2, … and dropout layers dropout1, dropout2, …
 *
 * <pre>{@code
 * NeuralNetwork net = NeuralNetwork.builder(100)
 *         .dense(128, "relu").dropout(0.2).dense(256, "relu").dense(1, "linear")
 *         .seed(42).build();
 * }</pre>
 */
public final class NetworkBuilder {
    private final int inputs;
    private final List<LayerSpec> specs = new ArrayList<>();
    private Loss loss = new MeanSquaredError();
    private Initializer initializer = new FanInUniform();
    private RandomSource initRandom;
    private long seed;
    private Gemm gemm;
    private int threads = Kernels.defaultThreads();
    private Precision precision = Precision.FLOAT64;

    private sealed interface LayerSpec permits DenseSpec, DropoutSpec {
    }

    private record DenseSpec(String name, int units, Activation activation, Initializer initializer)
            implements LayerSpec {
    }

    private record DropoutSpec(String name, double rate) implements LayerSpec {
    }

    NetworkBuilder(int inputs) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input column, got " + inputs);
        }
        this.inputs = inputs;
    }

    /** Adds a dense layer of {@code units} outputs with the named activation (see {@link Activations}). */
    public NetworkBuilder dense(int units, String activation) {
        return dense(units, Activations.byName(activation));
    }

    /** Adds a dense layer with the given activation instance (the network takes ownership). */
    public NetworkBuilder dense(int units, Activation activation) {
        return dense(units, activation, null);
    }

    /** Adds a dense layer whose weights use {@code layerInitializer} instead of the network default. */
    public NetworkBuilder dense(int units, Activation activation, Initializer layerInitializer) {
        if (units < 1) {
            throw new IllegalArgumentException("dense layer " + (specs.size() + 1) + " needs at least one unit, got "
                    + units);
        }
        specs.add(new DenseSpec("dense" + (count(DenseSpec.class) + 1), units, activation, layerInitializer));
        return this;
    }

    /**
     * Adds inverted dropout with drop probability {@code rate} in [0, 1) on the previous layer's
     * output, as its own layer ({@code dropout1}, {@code dropout2}, …; no parameters). Masks come
     * from the root seed's "dropout" stream, shared by all dropout layers in forward order.
     */
    public NetworkBuilder dropout(double rate) {
        if (specs.isEmpty()) {
            throw new IllegalStateException("dropout applies to the previous layer's output: add a layer first");
        }
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        specs.add(new DropoutSpec("dropout" + (count(DropoutSpec.class) + 1), rate));
        return this;
    }

    /**
     * The loss (default MSE with MEAN reduction). {@link #build()} asks it to accept the last layer
     * ({@link Loss#checkOutput}): losses on logits need a {@code "linear"} last layer.
     */
    public NetworkBuilder loss(Loss value) {
        this.loss = value;
        return this;
    }

    /** The default weight initializer (default {@link FanInUniform}). */
    public NetworkBuilder initializer(Initializer value) {
        this.initializer = value;
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

    /**
     * Allocates the parameter buffer, initializes the weights and wires the layers.
     *
     * @throws IllegalArgumentException if the loss refuses the last layer's activation or width
     */
    public NeuralNetwork build() {
        if (specs.isEmpty()) {
            throw new IllegalStateException("add at least one layer before build()");
        }
        checkOutputPairing();
        ParameterBuffer params = layout().allocate();
        boolean ownsGemm = gemm == null;
        Gemm kernel = ownsGemm ? Kernels.create(threads, precision) : gemm;
        SeedStreams streams = new SeedStreams(seed);
        RandomSource random = initRandom != null ? initRandom : streams.stream("init");
        RandomSource dropoutRandom = streams.stream("dropout");
        List<Layer> layers = new ArrayList<>();
        int width = inputs;
        for (LayerSpec spec : specs) {
            if (spec instanceof DenseSpec dense) {
                Parameter w = params.get(dense.name() + ".W");
                Parameter b = params.get(dense.name() + ".B");
                Initializer init = dense.initializer() != null ? dense.initializer() : initializer;
                init.initialize(w.value(), random);
                layers.add(new Dense(dense.name(), w, b, dense.activation(), kernel, init.id()));
                width = dense.units();
            } else if (spec instanceof DropoutSpec dropout) {
                layers.add(new DropoutLayer(dropout.name(), width, new Dropout(dropout.rate(), dropoutRandom)));
            }
        }
        return new NeuralNetwork(layers, loss, params, kernel, ownsGemm, precision);
    }

    /** The parameters of every dense layer in order: dense1.W, dense1.B, dense2.W, … */
    private ParameterBuffer.Layout layout() {
        ParameterBuffer.Layout layout = new ParameterBuffer.Layout();
        int in = inputs;
        for (LayerSpec spec : specs) {
            if (spec instanceof DenseSpec dense) {
                layout.add(dense.name(), "W", ParamKind.WEIGHT, in, dense.units());
                layout.add(dense.name(), "B", ParamKind.BIAS, 1, dense.units());
                in = dense.units();
            }
        }
        return layout;
    }

    private void checkOutputPairing() {
        for (int i = specs.size() - 1; i >= 0; i--) {
            if (specs.get(i) instanceof DenseSpec last) {
                loss.checkOutput(last.activation(), last.units());
                return;
            }
        }
    }

    private long count(Class<? extends LayerSpec> kind) {
        return specs.stream().filter(kind::isInstance).count();
    }
}
