package org.backprop.check;

import java.util.ArrayList;
import java.util.List;

import org.backprop.layer.Layer;
import org.backprop.network.NeuralNetwork;
import org.backprop.op.Dropout;
import org.backprop.op.Operation;

/**
 * Freezes the masks of every {@link Dropout} in a network for the duration of a check, so that the
 * loss is one fixed function of the parameters (the mask drawn by the first training forward is
 * reused); {@link #close()} unfreezes the ones it froze.
 */
final class FrozenDropout {
    private final List<Dropout> frozenHere = new ArrayList<>();

    private FrozenDropout(NeuralNetwork network) {
        for (Layer layer : network.layers()) {
            for (Operation op : layer.operations()) {
                if (op instanceof Dropout d && !d.maskFrozen()) {
                    d.freezeMask(true);
                    frozenHere.add(d);
                }
            }
        }
    }

    static FrozenDropout in(NeuralNetwork network) {
        return new FrozenDropout(network);
    }

    /** Unfreezes the masks this instance froze. */
    void close() {
        frozenHere.forEach(d -> d.freezeMask(false));
    }
}
