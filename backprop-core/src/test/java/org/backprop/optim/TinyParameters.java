package org.backprop.optim;

import org.backprop.network.ParamKind;
import org.backprop.network.ParameterBuffer;

/** A three-scalar parameter buffer for optimizer tests: weight "d.W" (1×2) then bias "d.B" (1×1). */
final class TinyParameters {
    /** Initial values: W = [1, -2], B = [0.5]. */
    static final double[] INITIAL = {1.0, -2.0, 0.5};
    /** Gradients fed at steps 1, 2, 3. */
    static final double[][] GRADIENTS = {{0.1, -0.2, 0.3}, {0.4, 0.1, -0.5}, {-0.3, 0.2, 0.1}};

    private TinyParameters() {
    }

    /** A fresh buffer holding {@link #INITIAL}. */
    static ParameterBuffer create() {
        return create(INITIAL);
    }

    /** A fresh buffer holding {@code values} (three scalars). */
    static ParameterBuffer create(double... values) {
        ParameterBuffer.Layout layout = new ParameterBuffer.Layout();
        layout.add("d", "W", ParamKind.WEIGHT, 1, 2);
        layout.add("d", "B", ParamKind.BIAS, 1, 1);
        ParameterBuffer params = layout.allocate();
        System.arraycopy(values, 0, params.values(), 0, values.length);
        return params;
    }

    /** Sets the gradients to {@code grads} and takes one step. */
    static void step(Optimizer optimizer, ParameterBuffer params, double... grads) {
        System.arraycopy(grads, 0, params.grads(), 0, grads.length);
        optimizer.step(params);
    }
}
