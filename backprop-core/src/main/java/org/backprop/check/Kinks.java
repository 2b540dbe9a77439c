package org.backprop.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.loss.Loss;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Parameter;
import org.backprop.tensor.Matrix;

/**
 * The switches of a piecewise function that a central difference must not step across: for every
 * activation {@link org.backprop.op.Activation#kinkedAtZero kinked at 0} (ReLU, leaky ReLU), which
 * side of 0 each pre-activation P is on; for a loss {@link Loss#kinkedAtTarget kinked at its target}
 * (the absolute error), which side of its target each prediction is on. Where f(x ± h) and f(x) sit on different sides of such
 * a switch (a kink, where the derivative jumps), (f(x + h) − f(x − h)) / 2h is the mean of two
 * different slopes and says nothing about the analytic gradient at x.
 *
 * <p>{@link #baseline} records the switches after a forward pass at the unperturbed point;
 * {@link #crossed} tells whether the last forward pass left any of them on another side.
 */
final class Kinks {
    private final List<Supplier<Matrix>> values;
    private final List<Supplier<Matrix>> references;
    /** The index of the network layer each switch set belongs to (the loss: the layer count). */
    private final int[] layers;
    /** Switch sets before this one are not watched: a perturbation of a later layer cannot move them. */
    private final int first;
    private final byte[][][] baseline;

    private Kinks(List<Supplier<Matrix>> values, List<Supplier<Matrix>> references, int[] layers, int first,
                  byte[][][] baseline) {
        this.values = values;
        this.references = references;
        this.layers = layers;
        this.first = first;
        this.baseline = baseline;
    }

    private Kinks(List<Supplier<Matrix>> values, List<Supplier<Matrix>> references, int[] layers) {
        this(values, references, layers, 0, new byte[1][][]);
    }

    /** No switches: every difference is trusted. */
    static Kinks none() {
        return new Kinks(List.of(), List.of(), new int[0]);
    }

    /**
     * The switches of {@code network}'s loss on targets {@code y}: the pre-activations of its dense
     * layers whose activation is kinked at 0, and its predictions against y under a loss kinked at
     * its target.
     */
    static Kinks of(NeuralNetwork network, Matrix y) {
        List<Supplier<Matrix>> values = new ArrayList<>();
        List<Supplier<Matrix>> references = new ArrayList<>();
        List<Integer> layers = new ArrayList<>();
        for (int i = 0; i < network.layers().size(); i++) {
            if (network.layers().get(i) instanceof Dense dense && dense.activation().kinkedAtZero()) {
                values.add(() -> dense.activation().input());
                references.add(null);
                layers.add(i);
            }
        }
        if (network.loss().kinkedAtTarget()) {
            Layer last = network.layers().get(network.layers().size() - 1);
            values.add(() -> last.operations().get(last.operations().size() - 1).output());
            references.add(() -> y);
            layers.add(network.layers().size());
        }
        return new Kinks(values, references, layers.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The switches a perturbation of {@code parameter} can move: those of its own layer and the
     * layers after it (the same baseline). A parameter of no Dense layer watches them all.
     */
    Kinks after(NeuralNetwork network, Parameter parameter) {
        int layer = 0;
        for (int i = 0; i < network.layers().size(); i++) {
            if (network.layers().get(i) instanceof Dense dense
                    && (dense.weights() == parameter || dense.bias() == parameter)) {
                layer = i;
            }
        }
        int from = 0;
        while (from < layers.length && layers[from] < layer) {
            from++;
        }
        return new Kinks(values, references, layers, from, baseline);
    }

    /** The switches of {@code loss} at {@code prediction} (perturbed in place) and {@code target}. */
    static Kinks of(Loss loss, Matrix prediction, Matrix target) {
        return loss.kinkedAtTarget()
                ? new Kinks(List.of(() -> prediction), java.util.Collections.singletonList(() -> target), new int[] {0})
                : none();
    }

    /** Records the switches of the last forward pass as the unperturbed ones (shared with {@link #after} views). */
    void baseline() {
        byte[][] sides = new byte[values.size()][];
        for (int s = 0; s < values.size(); s++) {
            Matrix v = values.get(s).get();
            Matrix r = references.get(s) == null ? null : references.get(s).get();
            sides[s] = new byte[v.size()];
            for (int k = 0; k < sides[s].length; k++) {
                sides[s][k] = side(v.getFlat(k), r == null ? 0.0 : r.getFlat(k));
            }
        }
        baseline[0] = sides;
    }

    /** True if the last forward pass put any watched switch on another side than {@link #baseline}. */
    boolean crossed() {
        byte[][] sides = baseline[0];
        if (sides == null) {
            return false;
        }
        for (int s = first; s < values.size(); s++) {
            Matrix v = values.get(s).get();
            if (v.size() != sides[s].length) {
                return true;
            }
            Matrix r = references.get(s) == null ? null : references.get(s).get();
            if (r == null ? crossedZero(v, sides[s]) : crossedReference(v, r, sides[s])) {
                return true;
            }
        }
        return false;
    }

    private static boolean crossedZero(Matrix v, byte[] sides) {
        double[] d = v.data();
        int offset = v.offset();
        for (int k = 0; k < sides.length; k++) {
            if (side(d[offset + k], 0.0) != sides[k]) {
                return true;
            }
        }
        return false;
    }

    private static boolean crossedReference(Matrix v, Matrix r, byte[] sides) {
        for (int k = 0; k < sides.length; k++) {
            if (side(v.getFlat(k), r.getFlat(k)) != sides[k]) {
                return true;
            }
        }
        return false;
    }

    /** −1, 0 or 1: where {@code value} lies against {@code reference}. */
    private static byte side(double value, double reference) {
        return (byte) (value > reference ? 1 : value < reference ? -1 : 0);
    }

    @Override
    public String toString() {
        return "Kinks[" + (values.size() - first) + " switch sets watched, baseline " + (baseline[0] == null ? "none"
                : Arrays.stream(baseline[0]).mapToInt(b -> b.length).sum() + " switches") + "]";
    }
}
