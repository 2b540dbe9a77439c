package org.backprop.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backprop.layer.Layer;

/**
 * A Keras-style {@code summary()} of a network: one row per layer (name, type, output shape,
 * parameter count, weight initializer, activation), then the loss and the total parameter count.
 * Output shapes are written {@code n×units}, n being the batch size. Columns that do not apply to a
 * layer show "-".
 *
 * <pre>
 * Layer      Type          Output   Params  Initializer     Activation
 * dense1     Dense         n×8          32  fan_in_uniform  relu
 * ...
 * </pre>
 *
 * @param inputs          columns of the network's input
 * @param layers          one row per layer, in forward order
 * @param loss            the loss, e.g. {@code MeanSquaredError(MEAN)}
 * @param totalParameters the number of scalars in the parameter buffer
 */
public record ModelSummary(int inputs, List<LayerRow> layers, String loss, int totalParameters) {

    /**
     * One layer of the summary.
     *
     * @param name        e.g. {@code dense1}
     * @param type        e.g. {@code Dense}
     * @param outputShape e.g. {@code n×8}
     * @param parameters  number of scalars in the layer's parameters (W and B for a dense layer)
     * @param initializer the weight initializer's id, or "-"
     * @param activation  the activation's id, the dropout rate ({@code p=0.5}), or "-"
     */
    public record LayerRow(String name, String type, String outputShape, int parameters, String initializer,
                           String activation) {
    }

    /** The summary of {@code network}. */
    public static ModelSummary of(NeuralNetwork network) {
        List<LayerRow> rows = new ArrayList<>();
        for (Layer layer : network.layers()) {
            rows.add(row(layer, network.parameters()));
        }
        return new ModelSummary(network.inputs(), List.copyOf(rows), String.valueOf(network.loss()),
                network.parameters().size());
    }

    private static LayerRow row(Layer layer, ParameterBuffer parameters) {
        int count = parameters.parameters().stream().filter(p -> p.layer().equals(layer.name()))
                .mapToInt(Parameter::size).sum();
        return new LayerRow(layer.name(), layer.type(), "n×" + layer.outputs(), count, layer.initializerSummary(),
                layer.activationSummary());
    }

    /** The summary as a fixed-width table. */
    public String table() {
        String format = "%-" + width(0) + "s  %-" + width(1) + "s  %-" + width(2) + "s  %" + width(3) + "s  %-"
                + width(4) + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, "Layer", "Type", "Output", "Params", "Initializer", "Activation"));
        sb.append(String.format(Locale.ROOT, format, "(input)", "", "n×" + inputs, "", "", ""));
        for (LayerRow r : layers) {
            sb.append(String.format(Locale.ROOT, format, r.name(), r.type(), r.outputShape(), r.parameters(),
                    r.initializer(), r.activation()));
        }
        return sb.append("Loss: ").append(loss).append(System.lineSeparator())
                .append("Total parameters: ").append(totalParameters).append(System.lineSeparator()).toString();
    }

    /** Width of column {@code c}: its longest cell or header. */
    private int width(int c) {
        String[] headers = {"Layer", "Type", "Output", "Params", "Initializer"};
        int w = Math.max(headers[c].length(), c == 0 ? "(input)".length() : c == 2 ? ("n×" + inputs).length() : 0);
        for (LayerRow r : layers) {
            String cell = switch (c) {
                case 0 -> r.name();
                case 1 -> r.type();
                case 2 -> r.outputShape();
                case 3 -> String.valueOf(r.parameters());
                default -> r.initializer();
            };
            w = Math.max(w, cell.length());
        }
        return w;
    }

    @Override
    public String toString() {
        return table();
    }
}
