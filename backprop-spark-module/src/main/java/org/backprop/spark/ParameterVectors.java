package org.backprop.spark;

import org.backprop.network.NeuralNetwork;

/** Copies flat parameter vectors in and out of networks, checking the length. */
public final class ParameterVectors {
    private ParameterVectors() {
    }

    /** Copies {@code values} into the network's flat parameter buffer. */
    public static void copyInto(double[] values, NeuralNetwork network) {
        double[] target = network.parameters().values();
        if (values.length != target.length) {
            throw new IllegalArgumentException(values.length + " parameter values for a network of "
                    + target.length + " parameters (" + network + ")");
        }
        System.arraycopy(values, 0, target, 0, values.length);
    }
}
