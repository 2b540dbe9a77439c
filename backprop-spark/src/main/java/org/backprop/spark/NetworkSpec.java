package org.backprop.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.loss.MeanSquaredError;
import org.backprop.loss.Reduction;
import org.backprop.network.NetworkBuilder;
import org.backprop.network.NeuralNetwork;

/**
 * The architecture of a dense network, small and serializable, so that executors can rebuild the
 * network from it and a flat parameter vector. The loss is mean squared error with MEAN reduction
 * (the only loss in the core today; see {@link org.backprop.train.BlockGradient} for why the loss
 * must be a mean over rows).
 *
 * @param inputs number of input columns
 * @param layers the dense layers in forward order
 */
public record NetworkSpec(int inputs, List<DenseSpec> layers) implements Serializable {
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
    }

    /** Starts a spec: {@code NetworkSpec.builder(100).dense(128, "relu").dense(1, "linear").build()}. */
    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    /** The spec of an existing dense network (its loss must be MSE with MEAN reduction). */
    public static NetworkSpec of(NeuralNetwork network) {
        if (!(network.loss() instanceof MeanSquaredError mse) || mse.reduction() != Reduction.MEAN) {
            throw new IllegalArgumentException("only MSE with MEAN reduction is supported, not " + network.loss());
        }
        Builder b = builder(network.inputs());
        for (Layer layer : network.layers()) {
            if (!(layer instanceof Dense dense)) {
                throw new IllegalArgumentException("only dense layers are supported, not " + layer);
            }
            b.dense(dense.outputs(), dense.activation().id());
        }
        return b.build();
    }

    /** Number of output columns. */
    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /** Builds the network; initial weights come from {@code seed}'s "init" stream, as locally. */
    public NeuralNetwork build(long seed, int threads) {
        NetworkBuilder b = NeuralNetwork.builder(inputs).seed(seed).threads(threads);
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
        return sb.append(", mse").toString();
    }

    /** Collects layers of a {@link NetworkSpec}. */
    public static final class Builder {
        private final int inputs;
        private final List<DenseSpec> layers = new ArrayList<>();

        private Builder(int inputs) {
            this.inputs = inputs;
        }

        /** Adds a dense layer. */
        public Builder dense(int units, String activation) {
            layers.add(new DenseSpec(units, activation));
            return this;
        }

        /** The spec. */
        public NetworkSpec build() {
            return new NetworkSpec(inputs, layers);
        }
    }
}
