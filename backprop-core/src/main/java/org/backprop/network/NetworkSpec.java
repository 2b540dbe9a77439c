package org.backprop.network;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backprop.init.Initializers;
import org.backprop.layer.LayerSpec;
import org.backprop.loss.Losses;

/**
 * The one description of a network: the input width, the layers in forward order with every
 * hyperparameter, the loss and the default weight initializer. {@link NetworkBuilder} collects one
 * and builds the network from it, {@link NeuralNetwork#spec()} returns it, model files store it.
 * Immutable and serializable; equal specs built with the same seed give bit-identical networks.
 *
 * <p>Layer {@code i} takes the previous layer's output width (the first one {@code inputs}) and gives
 * {@link LayerSpec#outputs}; layers are named by type and ordinal ({@link #layerNames()}). Runtime
 * settings (seed, threads, precision, kernel) are not part of the description.
 *
 * @param inputs      columns of the network's input (≥ 1)
 * @param layers      the layer specs, input side first
 * @param loss        the loss, e.g. {@code mse(reduction=mean)} (default), a component of
 *                    {@link Losses}
 * @param initializer the default weight initializer, {@code fan_in_uniform} by default, a
 *                    component of {@link Initializers}
 */
public record NetworkSpec(int inputs, List<LayerSpec> layers, Component loss, Component initializer)
        implements Serializable {
    /** The default loss, MSE with MEAN reduction. */
    public static final Component DEFAULT_LOSS = Losses.byName("mse").spec();
    /** The default initializer, {@code fan_in_uniform}. */
    public static final Component DEFAULT_INITIALIZER = Initializers.defaultInitializer().spec();

    /**
     * Checks that every layer takes the width before it and copies the layer list.
     *
     * @throws IllegalArgumentException naming the layer for a width it cannot take, or for fewer than
     *                                  one input
     */
    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input column, got " + inputs);
        }
        layers = List.copyOf(layers);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(initializer, "initializer");
        widths(inputs, layers);
    }

    /** A spec of no layers yet, the default loss and initializer. */
    public static NetworkSpec of(int inputs) {
        return new NetworkSpec(inputs, List.of(), DEFAULT_LOSS, DEFAULT_INITIALIZER);
    }

    /** This spec with {@code layer} appended. */
    public NetworkSpec withLayer(LayerSpec layer) {
        List<LayerSpec> all = new ArrayList<>(layers);
        all.add(Objects.requireNonNull(layer, "layer"));
        return new NetworkSpec(inputs, all, loss, initializer);
    }

    /** This spec with another loss (a component of {@link Losses}, not checked here). */
    public NetworkSpec withLoss(Component value) {
        return new NetworkSpec(inputs, layers, value, initializer);
    }

    /** This spec with another default initializer (a component of {@link Initializers}, not checked here). */
    public NetworkSpec withInitializer(Component value) {
        return new NetworkSpec(inputs, layers, loss, value);
    }

    /**
     * The widths between the layers: {@code widths()[0]} = inputs, {@code widths()[i + 1]} = layer
     * i's output width; the last is the network's output width.
     */
    public int[] widths() {
        return widths(inputs, layers);
    }

    private static int[] widths(int inputs, List<LayerSpec> layers) {
        int[] widths = new int[layers.size() + 1];
        widths[0] = inputs;
        for (int i = 0; i < layers.size(); i++) {
            widths[i + 1] = layers.get(i).outputs(widths[i]);
            if (widths[i + 1] < 1) {
                throw new IllegalArgumentException("layer " + (i + 1) + " (" + layers.get(i).type() + ") gives "
                        + widths[i + 1] + " columns for " + widths[i]);
            }
        }
        return widths;
    }

    /** The output width (the input width if there are no layers). */
    public int outputs() {
        int[] w = widths();
        return w[w.length - 1];
    }

    /**
     * The number of weights and biases the network of this spec has (the length of its parameter
     * buffer), as a long: a spec may describe more than one buffer holds
     * ({@link ParameterBuffer#MAX_PARAMETERS}), and callers check the count before building.
     */
    public long parameterCount() {
        int[] widths = widths();
        long count = 0;
        for (int i = 0; i < layers.size(); i++) {
            for (ParameterShape p : layers.get(i).parameters(widths[i])) {
                count += (long) p.rows() * p.cols();
            }
        }
        return count;
    }

    /** The layers' names: type plus ordinal among the layers of that type, e.g. dense1, dropout1, dense2. */
    public List<String> layerNames() {
        Map<String, Integer> counts = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (LayerSpec layer : layers) {
            names.add(layer.type() + counts.merge(layer.type(), 1, Integer::sum));
        }
        return List.copyOf(names);
    }

    /** {@code 3 → 64 relu → dropout 0.2 → 1 linear, loss mse(reduction=mean)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(inputs);
        layers.forEach(l -> sb.append(" → ").append(l));
        sb.append(", loss ").append(loss);
        if (!initializer.equals(DEFAULT_INITIALIZER)) {
            sb.append(", init ").append(initializer);
        }
        return sb.toString();
    }
}
