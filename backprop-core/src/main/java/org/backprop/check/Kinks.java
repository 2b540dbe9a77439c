package org.backprop.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.loss.Loss;
import org.backprop.loss.MeanAbsoluteError;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * The switches of a piecewise function that a central difference must not step across: for every
 * ReLU and leaky ReLU, which side of 0 each pre-activation P is on; for the absolute error, which
 * side of its target each prediction is on. Where f(x ± h) and f(x) sit on different sides of such
 * a switch (a kink, where the derivative jumps), (f(x + h) − f(x − h)) / 2h is the mean of two
 * different slopes and says nothing about the analytic gradient at x.
 *
 * <p>{@link #baseline} records the switches after a forward pass at the unperturbed point;
 * {@link #crossed} tells whether the last forward pass left any of them on another side.
 */
final class Kinks {
    /** Activations whose derivative jumps at 0. */
    private static final Set<String> KINKED_AT_ZERO = Set.of("relu", "leaky_relu");

    private final List<Supplier<Matrix>> values;
    private final List<Supplier<Matrix>> references;
    private byte[][] baseline;

    private Kinks(List<Supplier<Matrix>> values, List<Supplier<Matrix>> references) {
        this.values = values;
        this.references = references;
    }

    /** No switches: every difference is trusted. */
    static Kinks none() {
        return new Kinks(List.of(), List.of());
    }

    /**
     * The switches of {@code network}'s loss on targets {@code y}: the pre-activations of its ReLU
     * and leaky-ReLU layers, and its predictions against y under the absolute error.
     */
    static Kinks of(NeuralNetwork network, Matrix y) {
        List<Supplier<Matrix>> values = new ArrayList<>();
        List<Supplier<Matrix>> references = new ArrayList<>();
        for (Layer layer : network.layers()) {
            if (layer instanceof Dense dense && KINKED_AT_ZERO.contains(dense.activation().id())) {
                values.add(() -> dense.activation().input());
                references.add(null);
            }
        }
        if (network.loss() instanceof MeanAbsoluteError) {
            Layer last = network.layers().get(network.layers().size() - 1);
            values.add(() -> last.operations().get(last.operations().size() - 1).output());
            references.add(() -> y);
        }
        return new Kinks(values, references);
    }

    /** The switches of {@code loss} at {@code prediction} (perturbed in place) and {@code target}. */
    static Kinks of(Loss loss, Matrix prediction, Matrix target) {
        return loss instanceof MeanAbsoluteError
                ? new Kinks(List.of(() -> prediction), java.util.Collections.singletonList(() -> target))
                : none();
    }

    /** Records the switches of the last forward pass as the unperturbed ones. */
    void baseline() {
        baseline = new byte[values.size()][];
        for (int s = 0; s < values.size(); s++) {
            Matrix v = values.get(s).get();
            Matrix r = references.get(s) == null ? null : references.get(s).get();
            byte[] sides = new byte[v.size()];
            for (int k = 0; k < sides.length; k++) {
                sides[k] = side(v.getFlat(k), r == null ? 0.0 : r.getFlat(k));
            }
            baseline[s] = sides;
        }
    }

    /** True if the last forward pass put any switch on another side than {@link #baseline}. */
    boolean crossed() {
        if (baseline == null) {
            return false;
        }
        for (int s = 0; s < values.size(); s++) {
            Matrix v = values.get(s).get();
            Matrix r = references.get(s) == null ? null : references.get(s).get();
            byte[] sides = baseline[s];
            if (v.size() != sides.length) {
                return true;
            }
            for (int k = 0; k < sides.length; k++) {
                if (side(v.getFlat(k), r == null ? 0.0 : r.getFlat(k)) != sides[k]) {
                    return true;
                }
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
        return "Kinks[" + values.size() + " switch sets, baseline " + (baseline == null ? "none"
                : Arrays.stream(baseline).mapToInt(b -> b.length).sum() + " switches") + "]";
    }
}
