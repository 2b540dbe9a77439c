package org.backprop.network;

import java.util.List;

import org.backprop.kernel.FloatCopyProducts;
import org.backprop.kernel.Gemm;
import org.backprop.layer.Layer;
import org.backprop.op.Operation;
import org.backprop.tensor.Matrix;

/**
 * The reference passes of a network: each layer's forward in order, then each layer's backward in
 * reverse. On a float32 kernel a layer that {@link FloatStorage stores its values in float} runs its
 * operations one by one and rounds what each one writes, as the {@link DensePlan}'s float stores
 * keep it, so the plan equals this loop bit for bit in both precisions.
 */
final class PlainLoop implements Passes {
    private final List<Layer> layers;
    /** The kernel's float products, or null when the layers keep their values in double. */
    private final FloatCopyProducts floats;

    PlainLoop(List<Layer> layers, Gemm gemm) {
        this.layers = layers;
        this.floats = FloatStorage.floatsOf(gemm);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        Matrix out = x;
        for (int i = 0; i < layers.size(); i++) {  // indexed: no iterator per call
            Layer layer = layers.get(i);
            out = FloatStorage.holds(floats, layer, out.rows()) ? forwardInFloat(layer, out, training)
                    : layer.forward(out, training);
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix lossGrad, boolean inputGradient) {
        Matrix grad = lossGrad;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            boolean wantInputGrad = inputGradient || i > 0;
            grad = FloatStorage.holds(floats, layer, grad.rows()) ? backwardInFloat(layer, grad, wantInputGrad)
                    : layer.backward(grad, wantInputGrad);
        }
        return grad;
    }

    /** The layer's operations forward, each output rounded to float as it is stored. */
    private static Matrix forwardInFloat(Layer layer, Matrix input, boolean training) {
        List<Operation> ops = layer.operations();
        Matrix x = input;
        for (int i = 0; i < ops.size(); i++) {
            x = ops.get(i).forward(x, training);
            FloatStorage.round(x);
        }
        return x;
    }

    /** The layer's operations backward, each input gradient rounded to float as it is stored. */
    private static Matrix backwardInFloat(Layer layer, Matrix outputGrad, boolean wantInputGrad) {
        List<Operation> ops = layer.operations();
        Matrix g = outputGrad;
        for (int i = ops.size() - 1; i >= 0; i--) {
            g = ops.get(i).backward(g, wantInputGrad || i > 0);
            if (g != null) {
                FloatStorage.round(g);
            }
        }
        return g;
    }
}
