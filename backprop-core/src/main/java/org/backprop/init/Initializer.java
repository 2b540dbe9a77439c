package org.backprop.init;

import org.backprop.network.Component;
import org.backprop.network.Params;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/** Fills a weight matrix (in×out: fan_in = rows, fan_out = cols) with initial values. */
public interface Initializer {

    /** Fills {@code weights} (fanIn×fanOut) from {@code random}, row-major. */
    void initialize(Matrix weights, RandomSource random);

    /** The name used in model files and summaries, e.g. {@code "fan_in_uniform"}. */
    String id();

    /**
     * Every hyperparameter of this initializer by name; none by default. {@code Initializers.registry().create}
     * builds an equal initializer from them.
     */
    default Params params() {
        return Params.EMPTY;
    }

    /** This initializer's registry name and hyperparameters, as network specs and model files keep it. */
    default Component spec() {
        return new Component(id(), params());
    }
}
