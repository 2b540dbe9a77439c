package org.backprop.layer;

import org.backprop.network.Params;
import org.backprop.op.Dropout;

/**
 * A {@link DropoutLayer}: inverted dropout with drop probability {@code rate} in [0, 1) on the
 * previous layer's output, width unchanged, no parameters. Masks come from the network's
 * "dropout" stream. Hyperparameter (model files): {@code rate}.
 *
 * @param rate the drop probability p
 */
public record DropoutSpec(double rate) implements LayerSpec {
    /** The type name, {@code "dropout"}. */
    public static final String TYPE = "dropout";

    /** Checks the rate. */
    public DropoutSpec {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
    }

    /** Reads {@link #params()}. */
    static DropoutSpec fromParams(Params p) {
        return new DropoutSpec(p.number("rate"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The input width. */
    @Override
    public int outputs(int inputs) {
        return inputs;
    }

    @Override
    public Layer build(LayerContext context) {
        return new DropoutLayer(context.name(), context.inputs(), new Dropout(rate, context.dropoutRandom()));
    }

    /** {@code rate}. */
    @Override
    public Params params() {
        return Params.of("rate", rate);
    }

    /** {@code dropout 0.3}. */
    @Override
    public String toString() {
        return "dropout " + rate;
    }
}
