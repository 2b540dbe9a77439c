package org.backprop.network;

import java.util.ArrayList;
import java.util.List;

import org.backprop.init.FanInUniform;
import org.backprop.init.Initializer;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.loss.Loss;
import org.backprop.loss.MeanSquaredError;
import org.backprop.op.Activation;
import org.backprop.op.Activations;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;

/**
 * Builds a {@link NeuralNetwork} of dense layers. Defaults: loss {@link MeanSquaredError} (MEAN),
 * initializer {@link FanInUniform} for weights and zeros for biases, seed 0 (stream "init"), as many
 * kernel threads as processors.
 *
 * <pre>{@code
 * NeuralNetwork net = NeuralNetwork.builder(100)
 *         .dense(128, "relu").dense(256, "relu").dense(1, "linear")
 *         .seed(42).build();
 * }</pre>
 */
public final class NetworkBuilder {
    private final int inputs;
    private final List<DenseSpec> specs = new ArrayList<>();
    private Loss loss = new MeanSquaredError();
    private Initializer initializer = new FanInUniform();
    private RandomSource initRandom;
    private long seed;
    private Gemm gemm;
    private int threads = Kernels.defaultThreads();

    private record DenseSpec(int units, Activation activation, Initializer initializer) {
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
        specs.add(new DenseSpec(units, activation, layerInitializer));
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
        DenseSpec last = specs.get(specs.size() - 1);
        loss.checkOutput(last.activation(), last.units());
        ParameterBuffer.Layout layout = new ParameterBuffer.Layout();
        int in = inputs;
        for (int i = 0; i < specs.size(); i++) {
            String name = layerName(i);
            layout.add(name, "W", ParamKind.WEIGHT, in, specs.get(i).units());
            layout.add(name, "B", ParamKind.BIAS, 1, specs.get(i).units());
            in = specs.get(i).units();
        }
        ParameterBuffer params = layout.allocate();
        boolean ownsGemm = gemm == null;
        Gemm kernel = ownsGemm ? Kernels.create(threads) : gemm;
        RandomSource random = initRandom != null ? initRandom : new SeedStreams(seed).stream("init");
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            DenseSpec spec = specs.get(i);
            Parameter w = params.parameters().get(2 * i);
            Parameter b = params.parameters().get(2 * i + 1);
            Initializer init = spec.initializer() != null ? spec.initializer() : initializer;
            init.initialize(w.value(), random);
            layers.add(new Dense(layerName(i), w, b, spec.activation(), kernel));
        }
        return new NeuralNetwork(layers, loss, params, kernel, ownsGemm);
    }

    private static String layerName(int index) {
        return "dense" + (index + 1);
    }
}
