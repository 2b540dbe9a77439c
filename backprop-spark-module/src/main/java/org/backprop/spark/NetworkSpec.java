package org.backprop.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.loss.ElementwiseLoss;
import org.backprop.loss.Losses;
import org.backprop.loss.Reduction;
import org.backprop.loss.SoftmaxCrossEntropy;
import org.backprop.network.NetworkBuilder;
import org.backprop.network.NeuralNetwork;

/**
 * The architecture of a dense network, small and serializable, so that executors can rebuild the
 * network from it and a flat parameter vector. The loss must be a mean over the rows (see
 * {@link org.backprop.train.BlockGradient}): an element-wise loss ({@code mse}, {@code mae},
 * {@code huber}, {@code bce_logits}) with MEAN reduction, the mean over n·k elements, which is the
 * mean over rows of the per-row means, or {@code softmax_ce}, whose value and gradient are divided
 * by the row count.
 *
 * @param inputs number of input columns
 * @param layers the dense layers in forward order
 * @param loss   the loss's name in {@link Losses} ({@code "mse"} by default)
 */
public record NetworkSpec(int inputs, List<DenseSpec> layers, String loss) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One dense layer.
     *
     * @param units      output columns
     * @param activation activation name, e.g. {@code "relu"}
     */
    public record DenseSpec(int units, String activation) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public NetworkSpec {
        if (inputs < 1 || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs inputs and at least one layer");
        }
        layers = List.copyOf(layers);
        loss = Losses.byName(loss).id();
    }

    /** A spec with mean squared error. */
    public NetworkSpec(int inputs, List<DenseSpec> layers) {
        this(inputs, layers, "mse");
    }

    /** Starts a spec: {@code NetworkSpec.builder(100).dense(128, "relu").dense(1, "linear").build()}. */
    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    /** The spec of an existing dense network (its loss must be a mean over rows, see above). */
    public static NetworkSpec of(NeuralNetwork network) {
        boolean meanOverRows = network.loss() instanceof SoftmaxCrossEntropy
                || (network.loss() instanceof ElementwiseLoss e && e.reduction() == Reduction.MEAN);
        if (!meanOverRows) {
            throw new IllegalArgumentException("only losses that are a mean over rows are supported, not "
                    + network.loss());
        }
        Builder b = builder(network.inputs()).loss(network.loss().id());
        for (Layer layer : network.layers()) {
            if (!(layer instanceof Dense dense)) {
                throw new IllegalArgumentException("only dense layers are supported, not " + layer);
            }
            b.dense(dense.outputs(), dense.activation().id());
        }
        return b.build();
    }

    /**
     * This spec (its layers are the hidden layers) plus a linear output layer of one logit per class
     * under softmax cross-entropy: the network of a classifier.
     */
    public NetworkSpec withClassOutput(int classes) {
        List<DenseSpec> all = new ArrayList<>(layers);
        all.add(new DenseSpec(classes, "linear"));
        return new NetworkSpec(inputs, all, "softmax_ce");
    }

    /** Number of output columns. */
    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /** Builds the network; initial weights come from {@code seed}'s "init" stream, as locally. */
    public NeuralNetwork build(long seed, int threads) {
        NetworkBuilder b = NeuralNetwork.builder(inputs).loss(Losses.byName(loss)).seed(seed).threads(threads);
        for (DenseSpec layer : layers) {
            b.dense(layer.units(), layer.activation());
        }
        return b.build();
    }

    /** Builds the network and sets its parameters to {@code parameters} (copied). */
    public NeuralNetwork build(double[] parameters, int threads) {
        NeuralNetwork network = build(0L, threads);
        ParameterVectors.copyInto(parameters, network);
        return network;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (DenseSpec layer : layers) {
            sb.append(" → ").append(layer.units()).append(' ').append(layer.activation());
        }
        return sb.append(", ").append(loss).toString();
    }

    /** Collects layers of a {@link NetworkSpec}. */
    public static final class Builder {
        private final int inputs;
        private final List<DenseSpec> layers = new ArrayList<>();
        private String loss = "mse";

        private Builder(int inputs) {
            this.inputs = inputs;
        }

        /** Adds a dense layer. */
        public Builder dense(int units, String activation) {
            layers.add(new DenseSpec(units, activation));
            return this;
        }

        /** Sets the loss by its name in {@link Losses} (default {@code "mse"}). */
        public Builder loss(String name) {
            this.loss = name;
            return this;
        }

        /** The spec. */
        public NetworkSpec build() {
            return new NetworkSpec(inputs, layers, loss);
        }
    }
}
