package org.backprop.network;

import java.util.List;

import org.backprop.kernel.BlockedColumnSums;
import org.backprop.kernel.Elementwise;
import org.backprop.kernel.FloatCopy;
import org.backprop.kernel.FloatCopyProducts;
import org.backprop.kernel.FusedPasses;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.RangeTask;
import org.backprop.kernel.ThreadTeam;
import org.backprop.layer.Dense;
import org.backprop.layer.DropoutLayer;
import org.backprop.layer.Layer;
import org.backprop.op.Activation;
import org.backprop.op.BiasAdd;
import org.backprop.op.Dropout;
import org.backprop.op.WeightMultiply;
import org.backprop.tensor.MatMul;
import org.backprop.tensor.Matrix;

/**
 * The fast path of a network of {@link Dense} and {@link DropoutLayer} layers on a kernel that
 * offers {@link FusedPasses}: bit for bit the arithmetic of the plain loop (each layer's operations
 * forward, then backward in reverse), in fewer passes over memory.
 * <ul>
 *   <li>Forward, per dense layer: N = X·W, then P = N + B and A = f(P) in one pass, row band by
 *       row band, each band activated while it is in cache.</li>
 *   <li>Backward, per dense layer: dL/dP = dL/dA · f'(P) and the block sums of dL/dB
 *       ({@link BlockedColumnSums}) in one pass, block by block, then dL/dW = Xᵀ·dL/dP and
 *       dL/dX = dL/dP·Wᵀ.</li>
 *   <li>Float32 kernels ({@link FusedPasses#floatCopies()}): X and dL/dP are rounded once into
 *       float copies, by the pass that produces them (A of the layer below, dL/dP of this one),
 *       and N stays in float until the band pass widens it.</li>
 *   <li>A layer with one output unit whose layer below is dense leaves its dL/dX (an outer product,
 *       n×1 by 1×in) to the pass of the layer below, which computes it block by block right before
 *       reading it.</li>
 * </ul>
 * Each direction is one loop from layer to layer; what one layer hands the next (a filled float
 * copy, an unfilled dL/dX) is a local variable of that loop. Every intermediate is written into
 * the buffer of the operation that owns it ({@link org.backprop.op.Operation#outputBufferFor},
 * {@link org.backprop.op.Operation#inputGradBufferFor}), so traces, gradient checks and the
 * divergence guard read the operations as after the plain loop. Not thread-safe, like the
 * operations it runs.
 */
final class DensePlan {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();

    /** One layer of the plan: a {@link DenseStep} or a {@link DropoutStep}. */
    private sealed interface Step permits DenseStep, DropoutStep {
    }

    /** A dropout layer, run as its own operation. */
    private record DropoutStep(Dropout dropout) implements Step {
    }

    private final Step[] steps;

    private DensePlan(Step[] steps) {
        this.steps = steps;
    }

    /**
     * The plan for {@code layers} on {@code gemm}, or null when none applies: a layer other than
     * {@link Dense} or {@link DropoutLayer}, or a kernel without {@link Gemm#fusedPasses()}.
     * The dense layers must compute on {@code gemm}.
     */
    static DensePlan of(List<Layer> layers, Gemm gemm) {
        FusedPasses fused = gemm.fusedPasses();
        if (fused == null) {
            return null;
        }
        Step[] steps = new Step[layers.size()];
        for (int i = 0; i < steps.length; i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Dense dense) {
                steps[i] = new DenseStep(dense, gemm, fused.floatCopies());
            } else if (layer instanceof DropoutLayer dropout) {
                steps[i] = new DropoutStep(dropout.dropout());
            } else {
                return null;
            }
        }
        return new DensePlan(steps);
    }

    /** The network's output for {@code x}, as the layers' forward one after the other gives it. */
    Matrix forward(Matrix x, boolean training) {
        Matrix input = x;
        boolean inputCopied = false;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] instanceof DropoutStep d) {
                input = d.dropout().forward(input, training);
                inputCopied = false;
                continue;
            }
            DenseStep next = i + 1 < steps.length && steps[i + 1] instanceof DenseStep n ? n : null;
            input = ((DenseStep) steps[i]).forward(input, inputCopied, next);
            inputCopied = next != null && next.onCopies(input.rows());
        }
        return input;
    }

    /**
     * Back-propagates {@code lossGrad} (dL/d output) through every layer, as the layers' backward
     * in reverse order does; returns the first layer's dL/dX, or null unless {@code inputGradient}.
     */
    Matrix backward(Matrix lossGrad, boolean inputGradient) {
        Matrix grad = lossGrad;
        DenseStep unfilled = null;
        for (int i = steps.length - 1; i >= 0; i--) {
            boolean wantInputGrad = inputGradient || i > 0;
            if (steps[i] instanceof DropoutStep d) {
                grad = d.dropout().backward(grad, wantInputGrad);
                continue;
            }
            DenseStep step = (DenseStep) steps[i];
            boolean leaveInputGrad = i > 0 && steps[i - 1] instanceof DenseStep && step.outputs() == 1;
            grad = step.backward(grad, unfilled, wantInputGrad, leaveInputGrad);
            unfilled = leaveInputGrad ? step : null;
        }
        return grad;
    }

    /** A dense layer's operations, its float copies and its fused band passes. */
    private static final class DenseStep implements Step {
        private final WeightMultiply multiply;
        private final BiasAdd biasAdd;
        private final Activation activation;
        private final Gemm gemm;
        private final ThreadTeam team;
        /** The float32 products on copies, or null when the kernel computes in double. */
        private final FloatCopyProducts floats;
        private final FloatCopy inputCopy = new FloatCopy();
        private final FloatCopy weightCopy = new FloatCopy();
        private final FloatCopy gradCopy = new FloatCopy();
        private final BlockedColumnSums biasSums = new BlockedColumnSums();
        private final ForwardBands forwardBands = new ForwardBands();
        private final BackwardBlocks backwardBlocks = new BackwardBlocks();

        DenseStep(Dense dense, Gemm gemm, FloatCopyProducts floats) {
            this.multiply = dense.weightMultiply();
            this.biasAdd = dense.biasAdd();
            this.activation = dense.activation();
            this.gemm = gemm;
            this.team = gemm.team();
            this.floats = floats;
        }

        int outputs() {
            return multiply.param().cols();
        }

        /** True when this layer's products on a batch of {@code rows} run in float on copies. */
        boolean onCopies(int rows) {
            Matrix w = multiply.param();
            return floats != null && floats.onCopies(rows, w.cols(), w.rows());
        }

        /**
         * N, P and A for {@code input}; {@code inputCopied}: the layer below has already rounded
         * {@code input} into this layer's input copy. When {@code next} runs on float copies, A is
         * rounded into its input copy band by band.
         */
        Matrix forward(Matrix input, boolean inputCopied, DenseStep next) {
            Matrix w = multiply.param();
            Matrix n = multiply.outputBufferFor(input);
            int rows = input.rows();
            boolean productInFloat = onCopies(rows);
            if (productInFloat) {
                if (!inputCopied) {
                    floats.narrow(input.data(), input.offset(), input.size(), inputCopy);
                }
                floats.narrow(w.data(), w.offset(), w.size(), weightCopy);
                floats.multDeferred(rows, w.cols(), w.rows(), inputCopy, weightCopy);
            } else {
                MatMul.mult(gemm, input, w, n);
            }
            Matrix p = biasAdd.outputBufferFor(n);
            Matrix a = activation.outputBufferFor(p);
            FloatCopy nextCopy = next != null && next.onCopies(rows) ? next.inputCopy : null;
            if (nextCopy != null) {
                nextCopy.resize(a.size());
            }
            forwardBands.set(productInFloat, nextCopy);
            try {
                team.forRange(rows, w.cols(), forwardBands);
            } finally {
                forwardBands.clear();
            }
            return a;
        }

        /**
         * dL/dP, dL/dB, dL/dW and (if wanted) dL/dX from {@code gradA} = dL/dA; returns dL/dX or
         * null. {@code unfilled}: the layer above, which left {@code gradA} (its dL/dX) for this
         * pass to fill, or null. With {@code leaveInputGrad} this layer's dL/dX buffer is returned
         * unfilled, for the pass of the layer below.
         */
        Matrix backward(Matrix gradA, DenseStep unfilled, boolean wantInputGrad, boolean leaveInputGrad) {
            Matrix w = multiply.param();
            Matrix gradP = activation.inputGradBufferFor(gradA, true);
            biasAdd.inputGradBufferFor(gradP, true);
            int rows = gradP.rows();
            boolean copies = onCopies(rows);
            if (copies) {
                gradCopy.resize(gradP.size());
            }
            int blocks = biasSums.begin(rows, gradP.cols());
            backwardBlocks.set(copies ? gradCopy : null, unfilled);
            try {
                team.forRange(blocks, BlockedColumnSums.BLOCK_ROWS * gradP.cols(), backwardBlocks);
            } finally {
                backwardBlocks.clear();
            }
            Matrix gradB = biasAdd.paramGrad();
            biasSums.finish(blocks, gradB.data(), gradB.offset());

            Matrix gradX = multiply.inputGradBufferFor(gradP, wantInputGrad);
            Matrix gradW = multiply.paramGrad();
            if (copies) {
                floats.multTransA(w.rows(), w.cols(), rows, inputCopy, gradCopy, gradW.data(), gradW.offset());
            } else {
                MatMul.multTransA(gemm, multiply.input(), gradP, gradW);
            }
            if (gradX != null && !leaveInputGrad) {
                if (copies) {
                    floats.narrow(w.data(), w.offset(), w.size(), weightCopy);
                    floats.multTransB(rows, w.rows(), w.cols(), gradCopy, weightCopy, gradX.data(), gradX.offset());
                } else {
                    MatMul.multTransB(gemm, gradP, w, gradX);
                }
            }
            return gradX;
        }

        /**
         * Rows [from, to) of the dL/dX this layer left unfilled: dL/dP (n×1) times Wᵀ (1×in), the
         * bits of the kernel's depth-1 product.
         */
        void fillInputGradRows(int from, int to) {
            Matrix gradP = multiply.outputGrad();
            Matrix w = multiply.param();
            Matrix gradX = multiply.inputGrad();
            ELEMENTWISE.outerProduct(gradP.data(), gradP.offset() + from, to - from, w.data(), w.offset(), w.rows(),
                    gradX.data(), gradX.offset() + from * w.rows());
        }

        /** The forward band pass: widen N (if in float), P = N + B, A = f(P), round A for the next layer. */
        private final class ForwardBands implements RangeTask {
            private boolean productInFloat;
            private FloatCopy nextCopy;

            void set(boolean productInFloat, FloatCopy nextCopy) {
                this.productInFloat = productInFloat;
                this.nextCopy = nextCopy;
            }

            void clear() {
                nextCopy = null;
            }

            @Override
            public void run(int from, int to) {
                Matrix n = multiply.output();
                Matrix p = biasAdd.output();
                Matrix a = activation.output();
                int cols = n.cols();
                if (productInFloat) {
                    floats.widenProduct(from * cols, to * cols, n.data(), n.offset());
                }
                BiasAdd.addRows(n, biasAdd.param(), p, from, to);
                activation.forwardRange(p, a, from * cols, to * cols);
                if (nextCopy != null) {
                    nextCopy.narrowRange(a.data(), a.offset() + from * cols, from * cols, (to - from) * cols);
                }
            }
        }

        /**
         * The backward block pass: fill the unfilled dL/dA (if any), dL/dP = dL/dA · f'(P), the
         * block's sums of dL/dB, round dL/dP for the products.
         */
        private final class BackwardBlocks implements RangeTask {
            private FloatCopy gradCopy;
            private DenseStep unfilled;

            void set(FloatCopy gradCopy, DenseStep unfilled) {
                this.gradCopy = gradCopy;
                this.unfilled = unfilled;
            }

            void clear() {
                gradCopy = null;
                unfilled = null;
            }

            @Override
            public void run(int from, int to) {
                Matrix gradA = activation.outputGrad();
                Matrix gradP = activation.inputGrad();
                int rows = gradP.rows();
                int cols = gradP.cols();
                for (int b = from; b < to; b++) {
                    int first = b * BlockedColumnSums.BLOCK_ROWS;
                    int end = Math.min(rows, first + BlockedColumnSums.BLOCK_ROWS);
                    if (unfilled != null) {
                        unfilled.fillInputGradRows(first, end);
                    }
                    activation.backwardRange(activation.input(), activation.output(), gradA, gradP, first * cols,
                            end * cols);
                    biasSums.sumBlock(gradP.data(), gradP.offset(), rows, b);
                    if (gradCopy != null) {
                        gradCopy.narrowRange(gradP.data(), gradP.offset() + first * cols, first * cols,
                                (end - first) * cols);
                    }
                }
            }
        }
    }
}
