package org.backprop.network;

import java.util.List;

import org.backprop.kernel.FloatCopy;
import org.backprop.kernel.FloatCopyProducts;
import org.backprop.kernel.Elementwise;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.layer.Dense;
import org.backprop.layer.DropoutLayer;
import org.backprop.layer.Layer;
import org.backprop.op.Activation;
import org.backprop.op.BiasAdd;
import org.backprop.op.Linear;
import org.backprop.op.ReLU;
import org.backprop.tensor.MatMul;
import org.backprop.tensor.Matrix;

/**
 * The forward pass of a {@link Predictor}'s lane for a network of {@link Dense} and
 * {@link DropoutLayer} layers: the values of the {@link DensePlan}'s inference forward, bit for bit,
 * with none of what training needs. Each dense layer computes N = X·W into one buffer of its own,
 * then P = N + B and A = f(P) over it in place, 16 rows at a time while they are in cache; the
 * operations' buffers are not written and nothing is deferred (a lane's layers are private copies
 * that no trace reads). Dropout in inference mode passes its input on.
 *
 * <p>On a float32 kernel a layer that {@link FloatStorage stores its values in float} multiplies
 * float copies of X and W (W rounded at each call, as the plan rounds it, so a predictor follows a
 * network whose weights change between calls), keeps N and A in one float store, and computes P and
 * A as the plan does: in double from the stored floats, P rounded to float before f, A rounded once.
 * A is widened into double only for a layer above that reads doubles (the top layer, a dropout, a
 * matrix–vector product). Not thread-safe.
 */
final class InferencePasses {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    /** Rows of a band of the bias-and-activation pass: 16 rows of 256 doubles stay in L1. */
    private static final int BAND_ROWS = 16;

    /** One layer: a dense step, or null for a dropout (the identity in inference). */
    private final Step[] steps;
    /** The float32 products on copies, or null when the kernel computes in double. */
    private final FloatCopyProducts floats;

    private InferencePasses(Step[] steps, FloatCopyProducts floats) {
        this.steps = steps;
        this.floats = floats;
    }

    /**
     * The passes for {@code layers} on {@code gemm}, or null unless every layer is {@link Dense} or
     * {@link DropoutLayer} and the kernel offers fused passes (when the network's own plan applies)
     * and runs on one thread (a kernel of several keeps the plan, whose band passes it splits).
     */
    static InferencePasses of(List<Layer> layers, Gemm gemm) {
        if (gemm.fusedPasses() == null || gemm.threads() != 1) {
            return null;
        }
        FloatCopyProducts floats = FloatStorage.floatsOf(gemm);
        Step[] steps = new Step[layers.size()];
        for (int i = 0; i < steps.length; i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Dense dense) {
                steps[i] = new Step(dense, gemm, floats);
            } else if (!(layer instanceof DropoutLayer)) {
                return null;
            }
        }
        return new InferencePasses(steps, floats);
    }

    /** The network's output for {@code x} in inference mode: a buffer of these passes (or x itself). */
    Matrix forward(Matrix x) {
        Matrix input = x;
        FloatCopy inputFloat = null;
        int rows = x.rows();
        for (int i = 0; i < steps.length; i++) {
            Step step = steps[i];
            if (step == null) {
                continue;
            }
            Step next = i + 1 < steps.length ? steps[i + 1] : null;   // null also after a dropout
            boolean floatOut = next != null && next.onCopies(rows);
            if (step.onCopies(rows)) {
                inputFloat = step.forwardInFloat(rows, input, inputFloat, floatOut);
                input = floatOut ? null : step.output();
            } else {
                input = step.forwardInDouble(input);
                inputFloat = null;
            }
        }
        return input;
    }

    /** A dense layer's weights, bias, activation and buffers. */
    private static final class Step {
        private final Matrix w;
        private final Matrix b;
        private final Activation activation;
        private final Gemm gemm;
        /** The kernel's float products, or null when it computes in double. */
        private final FloatCopyProducts floats;
        /** N, then P and A in place, in double. */
        private double[] out = new double[0];
        private Matrix outView;
        /** X and W rounded to float, and N then A in float, for a layer on float copies. */
        private final FloatCopy inputCopy = new FloatCopy();
        private final FloatCopy weightCopy = new FloatCopy();
        private final FloatCopy store = new FloatCopy();
        /** B rounded to float. */
        private final FloatCopy biasCopy = new FloatCopy();
        /**
         * True for ReLU and the identity: P and A in one pass over N, in place (in float when B
         * holds floats, which gives the bits of the double computation rounded).
         */
        private final boolean fused;
        /** One band in double, for the float pass. */
        private final double[] band;
        private final Matrix bandView;

        Step(Dense dense, Gemm gemm, FloatCopyProducts floats) {
            this.w = dense.weightMultiply().param();
            this.b = dense.biasAdd().param();
            this.activation = dense.activation();
            this.gemm = gemm;
            this.floats = floats;
            this.fused = activation.getClass() == ReLU.class || activation.getClass() == Linear.class;
            int cols = w.cols();
            this.band = floats == null ? null : new double[BAND_ROWS * cols];
            this.bandView = floats == null ? null : Matrix.view(band, 0, BAND_ROWS, cols);
        }

        boolean onCopies(int rows) {
            return FloatStorage.holds(floats, w, rows);
        }

        /** The double output of the last forward (rows × outputs). */
        Matrix output() {
            return outView;
        }

        private Matrix outputFor(int rows) {
            int size = rows * w.cols();
            if (out.length < size) {
                out = new double[size];
            }
            if (outView == null || outView.rows() != rows) {
                outView = Matrix.view(out, 0, rows, w.cols());
            }
            return outView;
        }

        /** A = f(X·W + B) in double, P and A computed in place over N band by band. */
        Matrix forwardInDouble(Matrix input) {
            int rows = input.rows();
            Matrix a = outputFor(rows);
            MatMul.mult(gemm, input, w, a);
            int cols = w.cols();
            if (fused) {
                ELEMENTWISE.biasActivate(out, 0, b.data(), b.offset(), rows, cols, activation.getClass() == ReLU.class);
                return a;
            }
            for (int first = 0; first < rows; first += BAND_ROWS) {
                int end = Math.min(rows, first + BAND_ROWS);
                BiasAdd.addRows(a, b, a, first, end);
                activation.forwardRange(a, a, first * cols, end * cols);
            }
            return a;
        }

        /**
         * A = f(X·W + B) for {@code rows} rows on float copies: X from {@code inputFloat} (the layer
         * below's A) or, if null, rounded from {@code input}; returns the float store of A when {@code floatOut}, else writes A into
         * {@link #output()} too and returns null.
         */
        FloatCopy forwardInFloat(int rows, Matrix input, FloatCopy inputFloat, boolean floatOut) {
            FloatCopy x = inputFloat;
            if (x == null) {
                floats.narrow(input.data(), input.offset(), input.size(), inputCopy);
                x = inputCopy;
            }
            floats.narrow(w.data(), w.offset(), w.size(), weightCopy);
            floats.mult(rows, w.cols(), w.rows(), x, weightCopy, store);
            Matrix a = floatOut ? null : outputFor(rows);
            int cols = w.cols();
            if (fused && biasCopy.narrowExactly(b.data(), b.offset(), cols)) {
                store.biasActivate(rows, cols, biasCopy, activation.getClass() == ReLU.class);
                if (a != null) {
                    store.widenRange(0, out, 0, rows * cols);
                }
                return floatOut ? store : null;
            }
            for (int first = 0; first < rows; first += BAND_ROWS) {
                int count = Math.min(rows, first + BAND_ROWS) - first;
                int at = first * cols;
                int len = count * cols;
                store.widenRange(at, band, 0, len);
                BiasAdd.addRows(bandView, b, bandView, 0, count);
                store.roundRange(band, 0, at, len);
                activation.forwardRange(bandView, bandView, 0, len);
                store.roundRange(band, 0, at, len);
                if (a != null) {
                    System.arraycopy(band, 0, out, at, len);
                }
            }
            return floatOut ? store : null;
        }
    }
}
