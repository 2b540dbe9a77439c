package org.backprop.network;

import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.layer.Layer;
import org.backprop.tensor.Matrix;

/**
 * How a network runs its layers: the {@link DensePlan} when one applies, else the {@link PlainLoop};
 * both give the same values, bit for bit. Not thread-safe, like the operations they run.
 */
interface Passes {

    /** The plan for {@code layers} on {@code gemm} if one applies, else their plain loop. */
    static Passes of(List<Layer> layers, Gemm gemm) {
        return of(layers, gemm, null);
    }

    /**
     * As {@link #of(List, Gemm)} for the layers that train {@code parameters} (or null): a plan
     * multiplies with their float storage ({@link DensePlan#of(List, Gemm, ParameterBuffer)}); the
     * plain loop reads their double views, which hold the same floats.
     */
    static Passes of(List<Layer> layers, Gemm gemm, ParameterBuffer parameters) {
        DensePlan plan = DensePlan.of(layers, gemm, parameters);
        return plan != null ? plan : new PlainLoop(layers, gemm);
    }

    /** The network's output for {@code x} (n×inputs); a buffer of the last layer. */
    Matrix forward(Matrix x, boolean training);

    /**
     * Back-propagates {@code lossGrad} (dL/d output) through every layer, filling the parameter
     * gradients; returns the first layer's dL/dX, or null unless {@code inputGradient}.
     */
    Matrix backward(Matrix lossGrad, boolean inputGradient);
}
