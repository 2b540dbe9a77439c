package org.backprop.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.backprop.layer.Layer;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Parameter;
import org.backprop.op.Operation;
import org.backprop.op.ParamOperation;
import org.backprop.tensor.Matrix;

/**
 * Every named intermediate of one forward and backward pass, as copies: the notebook's
 * {@code forward_info} and {@code loss_gradients} dictionaries for a whole network.
 *
 * <p>{@link #record} runs the network in training mode on ({@code x}, {@code y}) and captures,
 * in the order they are computed:
 * <ul>
 *   <li>forward, per layer in order: its input {@code L.X} and each operation's output under the
 *       layer's {@link Layer#outputSymbols() symbols}; for a dense layer {@code L.N = X·W},
 *       {@code L.P = N + B}, {@code L.A = f(P)}; for dropout {@code L.D};</li>
 *   <li>{@code loss.dL/dPrediction} (the prediction's shape) and the loss value {@link #loss()};</li>
 *   <li>backward, per layer from the last: {@code L.dL/dA}, {@code L.dL/dP}, {@code L.dL/dB},
 *       {@code L.dL/dN}, {@code L.dL/dW}, {@code L.dL/dX}: each gradient with the shape of what it
 *       differentiates. dL/dX is computed for the first layer too.</li>
 * </ul>
 * The pass also fills the network's gradient buffer, as a training step would (no optimizer step
 * is taken). Dropout layers draw a mask as in training.
 */
public final class Trace {
    private final double loss;
    private final Map<String, TraceEntry> entries;

    private Trace(double loss, Map<String, TraceEntry> entries) {
        this.loss = loss;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Runs forward and backward on {@code x} (n×inputs), {@code y} (n×outputs) and records every intermediate. */
    public static Trace record(NeuralNetwork network, Matrix x, Matrix y) {
        double loss = network.forwardLoss(x, y);
        network.backward(true);
        Matrix lossGradient = network.loss().backward(); // recomputed from the kept prediction and target
        Map<String, TraceEntry> entries = new LinkedHashMap<>();
        for (Layer layer : network.layers()) {
            recordForward(layer, entries);
        }
        put(entries, "loss.dL/dPrediction", lossGradient);
        List<Layer> layers = network.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Matrix outputGrad = i == layers.size() - 1 ? lossGradient
                    : layers.get(i + 1).operations().get(0).inputGrad();
            recordBackward(layers.get(i), outputGrad, network.parameters().parameters(), entries);
        }
        return new Trace(loss, entries);
    }

    private static void recordForward(Layer layer, Map<String, TraceEntry> entries) {
        List<Operation> ops = layer.operations();
        List<String> symbols = layer.outputSymbols();
        put(entries, layer.name() + ".X", ops.get(0).input());
        for (int i = 0; i < ops.size(); i++) {
            put(entries, layer.name() + "." + symbols.get(i), ops.get(i).output());
        }
    }

    private static void recordBackward(Layer layer, Matrix outputGrad, List<Parameter> parameters,
                                       Map<String, TraceEntry> entries) {
        List<Operation> ops = layer.operations();
        List<String> symbols = layer.outputSymbols();
        String prefix = layer.name() + ".dL/d";
        put(entries, prefix + symbols.get(ops.size() - 1), outputGrad);
        for (int i = ops.size() - 1; i >= 0; i--) {
            if (ops.get(i) instanceof ParamOperation op) {
                Parameter p = ownerOf(op, parameters);
                put(entries, prefix + p.name().substring(p.layer().length() + 1), p.grad());
            }
            put(entries, prefix + (i == 0 ? "X" : symbols.get(i - 1)), ops.get(i).inputGrad());
        }
    }

    private static Parameter ownerOf(ParamOperation op, List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (p.value() == op.param()) {
                return p;
            }
        }
        throw new IllegalStateException(op.name() + ": its parameter is not in the network's parameter buffer");
    }

    private static void put(Map<String, TraceEntry> entries, String name, Matrix value) {
        entries.put(name, TraceEntry.copyOf(name, value));
    }

    /** The loss value of the traced pass. */
    public double loss() {
        return loss;
    }

    /** The entries in the order they were computed. */
    public List<TraceEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The names in the order they were computed. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** The values called {@code name}, e.g. {@code "dense1.dL/dW"} (a copy owned by the trace). */
    public Matrix get(String name) {
        TraceEntry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no trace entry '" + name + "'; recorded: " + entries.keySet());
        }
        return e.value();
    }

    /**
     * A table with one row per entry: name, shape, min, max, mean, std (over finite values), number
     * of zeros and of non-finite values; the loss on the last line.
     */
    public String table() {
        int width = Math.max(4, entries.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s  %-9s %12s %12s %12s %12s %7s %10s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, row, "name", "shape", "min", "max", "mean",
                "std", "zeros", "non-finite"));
        for (TraceEntry e : entries.values()) {
            TensorStats s = e.stats();
            sb.append(String.format(Locale.ROOT, row, e.name(), e.value().shape(), num(s.min()), num(s.max()),
                    num(s.mean()), num(s.std()), s.zeros(), s.nonFinite()));
        }
        return sb.append("loss = ").append(loss).append(System.lineSeparator()).toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.5g", v);
    }

    /**
     * The trace as JSON: {@code {"loss": L, "entries": [{"name", "rows", "cols", "stats": {count,
     * min, max, mean, std, zeros, nonFinite}, "values": [[row], …]}, …]}}, in computation order.
     * Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity" (see {@link Json}).
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"loss\": ").append(Json.number(loss)).append(", \"entries\": [");
        List<String> items = new ArrayList<>();
        for (TraceEntry e : entries.values()) {
            items.add(entryJson(e));
        }
        return sb.append(String.join(",\n  ", items)).append("]}").toString();
    }

    private static String entryJson(TraceEntry e) {
        TensorStats s = e.stats();
        Matrix m = e.value();
        StringBuilder sb = new StringBuilder("{\"name\": ").append(Json.string(e.name()))
                .append(", \"rows\": ").append(m.rows()).append(", \"cols\": ").append(m.cols())
                .append(", \"stats\": {\"count\": ").append(s.count())
                .append(", \"min\": ").append(Json.number(s.min()))
                .append(", \"max\": ").append(Json.number(s.max()))
                .append(", \"mean\": ").append(Json.number(s.mean()))
                .append(", \"std\": ").append(Json.number(s.std()))
                .append(", \"zeros\": ").append(s.zeros())
                .append(", \"nonFinite\": ").append(s.nonFinite()).append("}, \"values\": [");
        for (int i = 0; i < m.rows(); i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < m.cols(); j++) {
                sb.append(j == 0 ? "" : ", ").append(Json.number(m.get(i, j)));
            }
            sb.append(']');
        }
        return sb.append("]}").toString();
    }

    @Override
    public String toString() {
        return table();
    }
}
