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
import org.backprop.tensor.Matrix;

/**
 * The forward pass of a {@link Predictor}'s lane for a network of {@link Dense} and
 * {@link DropoutLayer} layers on a one-thread kernel: the values of the {@link DensePlan}'s
 * inference forward (and so of {@link NeuralNetwork#predict}), bit for bit, with none of what
 * training needs. It reads and writes plain arrays (no matrix views per call, nothing allocated once
 * warm), writes no operation buffers and defers nothing (a lane's layers are private copies no trace
 * reads). Each dense layer computes N = X·W into one buffer of its own, then P = N + B and A = f(P)
 * in place: for ReLU and the identity in one pass ({@link Elementwise#biasActivate}), for other
 * activations with the operations' own range methods. Dropout in inference mode passes its input on.
 *
 * <p>On a float32 kernel a layer that {@link FloatStorage stores its values in float} multiplies
 * float copies of X and W (W rounded at each call, as the plan rounds it, so a predictor follows a
 * network whose weights change between calls; well under 1 % of a chunk's time) into a float N, and
 * computes P and A as the plan does, in double from the stored floats with P rounded before f and A
 * rounded once; for ReLU and the identity with B holding floats (a float32 network's always does)
 * that is float arithmetic, done in float in place. A is widened into double only for a layer above
 * that reads doubles (the top layer, a dropout, a matrix–vector product). Not thread-safe.
 */
final class InferencePasses {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    /** Rows of a band of the float pass of other activations: 16 rows of 256 doubles stay in L1. */
    private static final int BAND_ROWS = 16;

    /** One layer: a dense step, or null for a dropout (the identity in inference). */
    private final Step[] steps;
    /** The float32 products on copies, or null when the kernel computes in double. */
    /** Columns of the network's input. */
    private final int inputs;

    private InferencePasses(Step[] steps, int inputs) {
        this.steps = steps;
        this.inputs = inputs;
    }

    /**
     * The passes for {@code layers} on {@code gemm}, or null unless every layer is {@link Dense} or
     * {@link DropoutLayer} and the kernel offers fused passes (when the network's own plan applies)
     * and runs on one thread (a kernel of several keeps the plan, whose band passes it splits).
     */
    static InferencePasses of(List<Layer> layers, Gemm gemm, int inputs) {
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
        return new InferencePasses(steps, inputs);
    }

    /**
     * The network's output in inference mode for the {@code rows} rows of inputs found at
     * {@code x[xOff…]} (row-major, one row after the other), written into {@code dst[dstOff…]}
     * (rows × the network's outputs). Allocates nothing once it has run on as many rows.
     */
    void forward(double[] x, int xOff, int rows, double[] dst, int dstOff) {
        double[] input = x;
        int inputOff = xOff;
        int width = -1;
        FloatCopy inputFloat = null;
        for (int i = 0; i < steps.length; i++) {
            Step step = steps[i];
            if (step == null) {
                continue;
            }
            Step next = i + 1 < steps.length ? steps[i + 1] : null;   // null also after a dropout
            boolean floatOut = next != null && next.onCopies(rows);
            if (step.onCopies(rows)) {
                inputFloat = step.forwardInFloat(rows, input, inputOff, inputFloat, floatOut);
            } else {
                step.forwardInDouble(rows, input, inputOff);
                inputFloat = null;
            }
            input = step.out;
            inputOff = 0;
            width = step.outputs();
        }
        System.arraycopy(input, inputOff, dst, dstOff, rows * (width < 0 ? inputs : width));
    }

    /** A dense layer's weights, bias, activation and buffers. */
    private static final class Step {
        private final Matrix w;
        private final Matrix b;
        private final Activation activation;
        private final Gemm gemm;
        /** The kernel's float products, or null when it computes in double. */
        private final FloatCopyProducts floats;
        /** N, then P and A in place, in double (A of a float layer whose next layer reads doubles). */
        private double[] out = new double[0];
        /** A view of all of {@link #out}, for the activations' and BiasAdd's range methods. */
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
        private final boolean positivePart;
        /** One band in double, for the float pass of other activations. */
        private final double[] band;
        private final Matrix bandView;

        Step(Dense dense, Gemm gemm, FloatCopyProducts floats) {
            this.w = dense.weightMultiply().param();
            this.b = dense.biasAdd().param();
            this.activation = dense.activation();
            this.gemm = gemm;
            this.floats = floats;
            this.positivePart = activation.getClass() == ReLU.class;
            this.fused = positivePart || activation.getClass() == Linear.class;
            int cols = w.cols();
            this.band = floats == null ? null : new double[BAND_ROWS * cols];
            this.bandView = floats == null ? null : Matrix.view(band, 0, BAND_ROWS, cols);
        }

        int outputs() {
            return w.cols();
        }

        boolean onCopies(int rows) {
            return FloatStorage.holds(floats, w, rows);
        }

        /** Readies {@link #out} for {@code rows} rows. */
        private void outputFor(int rows) {
            int size = rows * w.cols();
            if (out.length < size) {
                out = new double[size];
                outView = Matrix.view(out, 0, rows, w.cols());
            }
        }

        /** A = f(X·W + B) into {@link #out} for the {@code rows} rows at {@code x[xOff…]}, in double. */
        void forwardInDouble(int rows, double[] x, int xOff) {
            outputFor(rows);
            int cols = w.cols();
            gemm.mult(rows, cols, w.rows(), x, xOff, w.data(), w.offset(), out, 0, false);
            if (fused) {
                ELEMENTWISE.biasActivate(out, 0, b.data(), b.offset(), rows, cols, positivePart);
                return;
            }
            for (int first = 0; first < rows; first += BAND_ROWS) {
                int end = Math.min(rows, first + BAND_ROWS);
                BiasAdd.addRows(outView, b, outView, first, end);
                activation.forwardRange(outView, outView, first * cols, end * cols);
            }
        }

        /**
         * A = f(X·W + B) for {@code rows} rows on float copies: X from {@code inputFloat} (the layer
         * below's A) or, if null, rounded from {@code x[xOff…]}; returns the float store of A when
         * {@code floatOut}, else writes A into {@link #out} and returns null.
         */
        FloatCopy forwardInFloat(int rows, double[] x, int xOff, FloatCopy inputFloat, boolean floatOut) {
            FloatCopy xCopy = inputFloat;
            if (xCopy == null) {
                floats.narrow(x, xOff, rows * w.rows(), inputCopy);
                xCopy = inputCopy;
            }
            floats.narrow(w.data(), w.offset(), w.size(), weightCopy);
            floats.mult(rows, w.cols(), w.rows(), xCopy, weightCopy, store);
            if (!floatOut) {
                outputFor(rows);
            }
            int cols = w.cols();
            if (fused && biasCopy.narrowExactly(b.data(), b.offset(), cols)) {
                store.biasActivate(rows, cols, biasCopy, positivePart);
                if (!floatOut) {
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
                if (!floatOut) {
                    System.arraycopy(band, 0, out, at, len);
                }
            }
            return floatOut ? store : null;
        }
    }
}
