package org.backprop.network;

import java.util.List;

import org.backprop.kernel.BlockedColumnSums;
import org.backprop.kernel.Elementwise;
import org.backprop.kernel.FloatCopy;
import org.backprop.kernel.FloatCopyBatch;
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
import org.backprop.op.Linear;
import org.backprop.op.ReLU;
import org.backprop.op.WeightMultiply;
import org.backprop.tensor.DeferredValues;
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
 *   <li>Float32 kernels ({@link FusedPasses#floatCopies()}): a layer whose products run in float
 *       keeps its values in float storage owned by the plan: N, P, A, dL/dP and dL/dX are stored
 *       as floats; each operation computes in double from the stored floats, 16 rows at a time in
 *       a scratch band, and rounds its result once when storing it; for ReLU and the identity the
 *       band passes compute in float directly (the same bits: they add two floats or select). The operations' double
 *       buffers are {@link Matrix#defer deferred}: widened only when someone reads them (a trace,
 *       a gradient check, the divergence guard, a layer that is not on float storage). A is also
 *       written in double when the layer above does not read it in float (the top layer, a
 *       dropout, a matrix–vector product). Which layers store in float is {@link FloatStorage}'s
 *       rule, shared with the {@link PlainLoop}. The weights are multiplied from the parameters'
 *       float storage ({@link ParameterBuffer}) when they have one (the optimizer updates it in
 *       place); otherwise the forward rounds them into copies of the plan. The forward rounds X
 *       (and such weights) in one parallel pass before its first product; the backward multiplies
 *       with the same copies. Gradients stay in double (see
 *       {@link org.backprop.kernel.Precision#FLOAT32}).</li>
 *   <li>A layer with one output unit whose layer below is dense leaves its matrix–vector products
 *       (in double like every value of that layer) to the passes of the layer below, which compute
 *       them on rows still in cache ({@link FusedPasses}): its N = X·w in the forward band pass
 *       that writes X, its dL/dX (an outer product, n×1 by 1×in) block by block right before
 *       reading it, and its dL/dW = Xᵀ·dL/dP as the terms of the same blocks.</li>
 * </ul>
 * Each direction is one loop from layer to layer; what one layer hands the next (its A or dL/dX
 * in float storage, an unfilled dL/dX) is a local variable of that loop. Every intermediate is written into
 * the buffer of the operation that owns it ({@link org.backprop.op.Operation#outputBufferFor},
 * {@link org.backprop.op.Operation#inputGradBufferFor}), so traces, gradient checks and the
 * divergence guard read the operations as after the plain loop. Not thread-safe, like the
 * operations it runs.
 */
final class DensePlan implements Passes {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();

    /** One layer of the plan: a {@link DenseStep} or a {@link DropoutStep}. */
    private sealed interface Step permits DenseStep, DropoutStep {
    }

    /** A dropout layer, run as its own operation. */
    private record DropoutStep(Dropout dropout) implements Step {
    }

    private final Step[] steps;
    /** The float32 products on copies, or null when the kernel computes in double. */
    private final FloatCopyProducts floats;
    /** The network's parameters: with float storage, the weights' float copies are theirs. */
    private final ParameterBuffer parameters;
    /** The operands a forward rounds into float copies before its first product. */
    private final FloatCopyBatch operands = new FloatCopyBatch();

    private DensePlan(Step[] steps, FloatCopyProducts floats, ParameterBuffer parameters) {
        this.steps = steps;
        this.floats = floats;
        this.parameters = parameters;
    }

    /**
     * The plan for {@code layers} on {@code gemm}, or null when none applies: a layer other than
     * {@link Dense} or {@link DropoutLayer}, or a kernel without {@link Gemm#fusedPasses()}.
     * The dense layers must compute on {@code gemm}. The plan rounds their weights into float
     * copies of its own before each forward (when its products run in float); it does not change
     * the parameters, so plans of layers sharing parameters may run on several threads at once.
     */
    static DensePlan of(List<Layer> layers, Gemm gemm) {
        return of(layers, gemm, null);
    }

    /**
     * As {@link #of(List, Gemm)} for the layers whose parameters are views of {@code parameters}
     * (or null): a weight with float storage is multiplied from it, made current by
     * {@link ParameterBuffer#syncFloat()} before each forward, so a plan with parameters is the
     * one plan that trains them, on one thread at a time.
     */
    static DensePlan of(List<Layer> layers, Gemm gemm, ParameterBuffer parameters) {
        if (gemm.fusedPasses() == null) {
            return null;
        }
        FloatCopyProducts floats = FloatStorage.floatsOf(gemm);
        Step[] steps = new Step[layers.size()];
        for (int i = 0; i < steps.length; i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Dense dense) {
                steps[i] = new DenseStep(dense, gemm, floats, parameters);
            } else if (layer instanceof DropoutLayer dropout) {
                steps[i] = new DropoutStep(dropout.dropout());
            } else {
                return null;
            }
        }
        return new DensePlan(steps, floats, parameters);
    }

    /** The network's output for {@code x}, as the layers' forward one after the other gives it. */
    @Override
    public Matrix forward(Matrix x, boolean training) {
        roundOperands(x);
        Matrix input = x;
        FloatCopy inputFloat = null;
        boolean productFilled = false;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] instanceof DropoutStep d) {
                input = d.dropout().forward(input, training);
                inputFloat = null;
                continue;
            }
            DenseStep step = (DenseStep) steps[i];
            DenseStep next = i + 1 < steps.length && steps[i + 1] instanceof DenseStep n ? n : null;
            DenseStep fill = next != null && next.productFromBelow(input.rows()) ? next : null;
            input = step.forward(input, inputFloat, next, fill, productFilled);
            inputFloat = step.outputInFloatFor(next, input.rows());
            productFilled = fill != null;
        }
        return input;
    }

    /**
     * Readies the float operands of the layers whose products run in float on a batch of x's
     * rows: the parameters' float storage made current ({@link ParameterBuffer#syncFloat()}), and,
     * in one parallel pass, x if the first layer's products run in float and the weights of layers
     * whose parameters have no float storage.
     */
    private void roundOperands(Matrix x) {
        if (floats == null) {
            return;
        }
        if (parameters != null) {
            parameters.syncFloat();
        }
        int rows = x.rows();
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] instanceof DenseStep step && step.onCopies(rows)) {
                step.addOperands(operands, i == 0 ? x : null);
            }
        }
        if (operands.total() > 0) {
            floats.narrow(operands);
        } else {
            operands.clear();
        }
    }

    /**
     * Back-propagates {@code lossGrad} (dL/d output) through every layer, as the layers' backward
     * in reverse order does; returns the first layer's dL/dX, or null unless {@code inputGradient}.
     */
    @Override
    public Matrix backward(Matrix lossGrad, boolean inputGradient) {
        Matrix grad = lossGrad;
        FloatCopy gradFloat = null;
        DenseStep unfilled = null;
        for (int i = steps.length - 1; i >= 0; i--) {
            boolean wantInputGrad = inputGradient || i > 0;
            if (steps[i] instanceof DropoutStep d) {
                grad = d.dropout().backward(grad, wantInputGrad);
                gradFloat = null;
                continue;
            }
            DenseStep step = (DenseStep) steps[i];
            boolean leaveInputGrad = i > 0 && steps[i - 1] instanceof DenseStep && step.outputs() == 1;
            grad = step.backward(grad, gradFloat, unfilled, wantInputGrad, leaveInputGrad);
            gradFloat = grad == null || leaveInputGrad ? null : step.inputGradInFloat();
            unfilled = leaveInputGrad ? step : null;
        }
        return grad;
    }

    /**
     * The values of one operation buffer kept in a float store of the plan: widened into the
     * buffer when it is read. A store holds the values of one buffer at a time; before it is
     * overwritten for another buffer (another batch size), a buffer still deferred to it is written.
     */
    private static final class FloatValues implements DeferredValues {
        private final FloatCopy store = new FloatCopy();
        private Matrix target;

        /** Readies the store for {@code m}'s values (writing a previous buffer still waiting on it). */
        FloatCopy claimFor(Matrix m) {
            if (target != null && target != m && target.isDeferred()) {
                target.data();
            }
            target = m;
            store.resize(m.size());
            return store;
        }

        /** Defers the claimed buffer to the store, once the store holds its values. */
        void defer() {
            target.defer(this);
        }

        FloatCopy store() {
            return store;
        }

        @Override
        public void writeInto(double[] dst, int offset, int size) {
            store.widenRange(0, dst, offset, size);
        }
    }

    /**
     * A one-unit layer's dL/dX (n×in, dL/dP times Wᵀ) left to be computed when read, from copies of
     * dL/dP and W taken when it was deferred: the layer below took its float dL/dP from them directly
     * ({@link Elementwise#outerProductInFloat}), and this gives the double block the plain loop
     * computes, bit for bit. The copies grow once, then are reused.
     */
    private static final class OuterProductValues implements DeferredValues {
        private double[] column = new double[0];
        private double[] row = new double[0];
        private int rows;
        private int cols;
        /** The buffer deferred to these values, or null. */
        private Matrix target;

        /**
         * Defers {@code gradX} to the outer product of {@code g} (rows×1) and {@code w} (cols×1),
         * copied now. A buffer of another batch size still deferred to the previous copies is written
         * first (an operation keeps one buffer per batch size, valid until its next call with that size).
         */
        void deferTo(Matrix gradX, Matrix g, Matrix w) {
            if (target != null && target != gradX && target.isDeferred()) {
                target.data();
            }
            gradX.discardDeferred();
            capture(g, w);
            gradX.defer(this);
            target = gradX;
        }

        private void capture(Matrix g, Matrix w) {
            rows = g.rows();
            cols = w.rows();
            if (column.length < rows) {
                column = new double[rows];
            }
            if (row.length < cols) {
                row = new double[cols];
            }
            System.arraycopy(g.data(), g.offset(), column, 0, rows);
            System.arraycopy(w.data(), w.offset(), row, 0, cols);
        }

        @Override
        public void writeInto(double[] dst, int offset, int size) {
            if (size != rows * cols) {
                throw new IllegalStateException("a " + rows + "×" + cols + " outer product written into " + size
                        + " elements");
            }
            ELEMENTWISE.outerProduct(column, 0, rows, row, 0, cols, dst, offset);
        }
    }

    /** One thread's double band of a layer: 16 rows of N, P, A, dL/dA and dL/dP. */
    private static final class Band {
        final double[] n;
        final double[] p;
        final double[] a;
        final double[] gradA;
        final double[] gradP;
        final Matrix nView;
        final Matrix pView;
        final Matrix aView;
        final Matrix gradAView;
        final Matrix gradPView;

        Band(int cols) {
            int size = BlockedColumnSums.BLOCK_ROWS * cols;
            n = new double[size];
            p = new double[size];
            a = new double[size];
            gradA = new double[size];
            gradP = new double[size];
            nView = Matrix.view(n, 0, BlockedColumnSums.BLOCK_ROWS, cols);
            pView = Matrix.view(p, 0, BlockedColumnSums.BLOCK_ROWS, cols);
            aView = Matrix.view(a, 0, BlockedColumnSums.BLOCK_ROWS, cols);
            gradAView = Matrix.view(gradA, 0, BlockedColumnSums.BLOCK_ROWS, cols);
            gradPView = Matrix.view(gradP, 0, BlockedColumnSums.BLOCK_ROWS, cols);
        }
    }

    /** A dense layer's operations, its float storage and its fused band passes. */
    private static final class DenseStep implements Step {
        private final WeightMultiply multiply;
        private final BiasAdd biasAdd;
        private final Activation activation;
        private final Gemm gemm;
        private final ThreadTeam team;
        /** The float32 products on copies, or null when the kernel computes in double. */
        private final FloatCopyProducts floats;
        private final FloatCopy inputCopy = new FloatCopy();
        /** W in float: the parameter's float storage, or a copy rounded before each forward. */
        private final FloatCopy weightCopy;
        /** True when {@link #weightCopy} is the parameter's float storage. */
        private final boolean weightStored;
        /**
         * B's float storage when the activation is ReLU or the identity, else null: on float
         * storage the band passes then compute in float (the same bits as in double, rounded): the
         * forward P and A from N's store and this, the backward dL/dP by selecting from dL/dA's
         * floats, without widening N, P, A or dL/dA into double bands and rounding back.
         */
        private final FloatCopy biasInFloat;
        /** True for ReLU: A is P's positive part ({@link #biasInFloat}). */
        private final boolean positivePart;
        private final FloatValues n = new FloatValues();
        private final FloatValues p = new FloatValues();
        private final FloatValues a = new FloatValues();
        private final FloatValues gradP = new FloatValues();
        private final FloatValues gradX = new FloatValues();
        private final ThreadLocal<Band> bands;
        private final BlockedColumnSums biasSums = new BlockedColumnSums();
        /** The kernel's pieces of its matrix–vector products, for a layer with one output unit. */
        private final FusedPasses passes;
        /** dL/dW's block terms when the layer below computes them ({@link #leftWeightGrad}). */
        private final BlockedColumnSums weightSums = new BlockedColumnSums();
        /** Set by the last backward: dL/dW is left to the block pass of the layer below. */
        private boolean leftWeightGrad;
        /** This layer's dL/dX when the layer below's block pass took its float dL/dP without it. */
        private final OuterProductValues inputGradValues = new OuterProductValues();
        private final ForwardBands forwardBands = new ForwardBands();
        private final BackwardBlocks backwardBlocks = new BackwardBlocks();
        /** Set by {@link #addOperands} with the input: the input copy is filled for the next forward. */
        private boolean inputRounded;
        /** Set by the last forward: this layer's values are in float storage. */
        private boolean inFloat;
        /**
         * The float copy of the last forward's input (its own copy or the layer below's A); with
         * {@link #weightCopy}, the operands the backward's products reuse.
         */
        private FloatCopy inputUsed;
        /** Set by the last backward: its dL/dX is in {@link #gradX}'s store. */
        private boolean inputGradInFloat;
        /** Set by the last forward: A was written in double (else it is deferred to its float store). */
        private boolean aInDouble;

        DenseStep(Dense dense, Gemm gemm, FloatCopyProducts floats, ParameterBuffer parameters) {
            this.multiply = dense.weightMultiply();
            FloatCopy stored = storedFloats(parameters, multiply.param());
            this.weightStored = stored != null;
            this.weightCopy = stored != null ? stored : new FloatCopy();
            this.biasAdd = dense.biasAdd();
            this.activation = dense.activation();
            this.positivePart = activation.getClass() == ReLU.class;
            this.biasInFloat = positivePart || activation.getClass() == Linear.class
                    ? storedFloats(parameters, biasAdd.param()) : null;
            this.gemm = gemm;
            this.passes = gemm.fusedPasses();
            this.team = gemm.team();
            this.floats = floats;
            int cols = outputs();
            this.bands = ThreadLocal.withInitial(() -> new Band(cols));
        }

        int outputs() {
            return multiply.param().cols();
        }

        /** The float storage of the parameter whose view is {@code w}, or null if it has none. */
        private static FloatCopy storedFloats(ParameterBuffer parameters, Matrix w) {
            if (parameters == null) {
                return null;
            }
            List<Parameter> list = parameters.parameters();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).value() == w) {
                    return parameters.floatValues(i);
                }
            }
            return null;
        }

        /**
         * True when the layer below computes this layer's N in its forward band pass: one output
         * unit, its products in double (a matrix–vector product).
         */
        boolean productFromBelow(int rows) {
            return outputs() == 1 && !onCopies(rows);
        }

        /** True when this layer's products on a batch of {@code rows} run in float on copies. */
        boolean onCopies(int rows) {
            return FloatStorage.holds(floats, multiply.param(), rows);
        }

        /**
         * Adds W unless it is stored in float, and {@code input} unless null, to {@code batch}, to
         * be rounded into this layer's copies before its {@link #forward}, which must then run on
         * float copies.
         */
        void addOperands(FloatCopyBatch batch, Matrix input) {
            Matrix w = multiply.param();
            if (input != null) {
                batch.add(input.data(), input.offset(), input.size(), inputCopy);
                inputRounded = true;
            }
            if (!weightStored) {
                batch.add(w.data(), w.offset(), w.size(), weightCopy);
            }
        }

        /** The float store of the last forward's A when {@code next} reads it in float, else null. */
        FloatCopy outputInFloatFor(DenseStep next, int rows) {
            return inFloat && next != null && next.onCopies(rows) ? a.store() : null;
        }

        /** The float store of the last backward's dL/dX, or null if it is in double. */
        FloatCopy inputGradInFloat() {
            return inputGradInFloat ? gradX.store() : null;
        }

        /**
         * N, P and A for {@code input}; {@code inputFloat}: the layer below's A in float storage,
         * or null. On float storage, A is also written in double unless {@code next} reads it in
         * float. {@code fill}: the layer above when this pass computes its N ({@link
         * #productFromBelow}), else null; {@code productFilled}: N was computed so by the layer below.
         */
        Matrix forward(Matrix input, FloatCopy inputFloat, DenseStep next, DenseStep fill, boolean productFilled) {
            Matrix w = multiply.param();
            Matrix nOut = multiply.outputBufferFor(input);
            Matrix pOut = biasAdd.outputBufferFor(nOut);
            Matrix aOut = activation.outputBufferFor(pOut);
            int rows = input.rows();
            inFloat = onCopies(rows);
            boolean inputWasRounded = inputRounded;
            inputRounded = false;
            // The layer above reads A in double, unless it is on copies or this pass computes its N
            // (its dL/dW is then computed from A's float store too, block by block).
            boolean doubleA = !inFloat || next == null || !next.onCopies(rows) && fill == null;
            aInDouble = doubleA;
            if (inFloat) {
                if (inputFloat == null) {
                    if (!inputWasRounded) {
                        floats.narrow(input.data(), input.offset(), input.size(), inputCopy);
                    }
                    inputFloat = inputCopy;
                }
                inputUsed = inputFloat;   // W is in weightCopy: stored, or rounded by the plan's roundOperands
                n.claimFor(nOut);
                floats.mult(rows, w.cols(), w.rows(), inputFloat, weightCopy, n.store());
                p.claimFor(pOut);
                a.claimFor(aOut);
            } else {
                inputUsed = null;
                if (!productFilled) {
                    nOut.discardDeferred();
                    MatMul.mult(gemm, input, w, nOut);
                }
            }
            pOut.discardDeferred();
            aOut.discardDeferred();
            Matrix fillN = null;
            if (fill != null) {
                fillN = fill.multiply.outputBufferFor(aOut);   // read in double: the layer above is not on copies
                fillN.discardDeferred();
                fill.multiply.param().data();
            }
            if (!inFloat || biasInFloat == null) {
                // Parameters deferred to their float storage are written here, once, not by whichever
                // thread's band reads them first while the other waits on the lock.
                biasAdd.param().data();
            }
            forwardBands.set(doubleA, fill, fillN);
            try {
                team.forRange(rows, w.cols(), forwardBands);
            } finally {
                forwardBands.set(false, null, null);
            }
            if (inFloat) {
                n.defer();
                p.defer();
                if (!doubleA) {
                    a.defer();
                }
            }
            return aOut;
        }

        /**
         * dL/dP, dL/dB, dL/dW and (if wanted) dL/dX from {@code gradA} = dL/dA; returns dL/dX or
         * null. {@code gradAFloat}: the float store holding dL/dA (the layer above's dL/dX), or
         * null. {@code unfilled}: the layer above, which left {@code gradA} (its dL/dX) for this
         * pass to fill, or null. With {@code leaveInputGrad} this layer's dL/dX buffer is returned
         * unfilled, for the pass of the layer below.
         */
        Matrix backward(Matrix gradA, FloatCopy gradAFloat, DenseStep unfilled, boolean wantInputGrad,
                        boolean leaveInputGrad) {
            Matrix w = multiply.param();
            Matrix gradPOut = activation.inputGradBufferFor(gradA, true);
            biasAdd.inputGradBufferFor(gradPOut, true);
            int rows = gradPOut.rows();
            FloatCopy gradAIn = gradAFloat;
            if (inFloat) {
                gradP.claimFor(gradPOut);
            } else {
                gradPOut.discardDeferred();
                gradAIn = null;
            }
            // Below a one-unit layer, a float dL/dP with a bias in float comes straight from that
            // layer's dL/dP and W; its double dL/dX (this layer's dL/dA) is then computed when read.
            boolean dLdPFromAbove = unfilled != null && inFloat && biasInFloat != null;
            if (unfilled != null) {
                unfilled.multiply.param().data();   // written on this thread if deferred, as in the forward
                if (dLdPFromAbove) {
                    unfilled.deferInputGrad();
                } else {
                    unfilled.multiply.inputGrad().discardDeferred();   // filled in double by the block pass
                }
            }
            if (unfilled == null && gradAIn == null) {
                gradA.data();   // deferred values, if any, written here rather than in a worker
            }
            int blocks = biasSums.begin(rows, gradPOut.cols());
            backwardBlocks.set(gradAIn, unfilled, dLdPFromAbove);
            try {
                team.forRange(blocks, BlockedColumnSums.BLOCK_ROWS * gradPOut.cols(), backwardBlocks);
            } finally {
                backwardBlocks.clear();
            }
            if (inFloat) {
                gradP.defer();
            }
            Matrix gradB = biasAdd.paramGrad();
            biasSums.finish(blocks, gradB.data(), gradB.offset());

            if (unfilled != null && unfilled.leftWeightGrad) {
                unfilled.finishWeightGrad(blocks);
            }

            Matrix gradXOut = multiply.inputGradBufferFor(gradPOut, wantInputGrad);
            Matrix gradW = multiply.paramGrad();
            leftWeightGrad = leaveInputGrad && !inFloat;
            if (leftWeightGrad) {
                weightSums.begin(rows, w.rows());
            } else if (inFloat) {
                floats.multTransA(w.rows(), w.cols(), rows, inputUsed, gradP.store(), gradW.data(), gradW.offset());
            } else {
                MatMul.multTransA(gemm, multiply.input(), gradPOut, gradW);
            }
            inputGradInFloat = false;
            if (gradXOut != null && !leaveInputGrad) {
                if (inFloat) {
                    gradX.claimFor(gradXOut);   // W as the forward rounded it into weightCopy
                    floats.multTransB(rows, w.rows(), w.cols(), gradP.store(), weightCopy, gradX.store());
                    gradX.defer();
                    inputGradInFloat = true;
                } else {
                    gradXOut.discardDeferred();
                    MatMul.multTransB(gemm, gradPOut, w, gradXOut);
                }
            }
            return gradXOut;
        }

        /**
         * Block {@code block}'s term of the dL/dW = Xᵀ·dL/dP this layer left to the layer below
         * (a batch of {@code rows}); {@link #finishWeightGrad} adds the terms up.
         */
        void sumWeightGradBlock(int block, int rows) {
            Matrix x = multiply.input();
            sumWeightGradBlockRows(x.data(), x.offset() + block * BlockedColumnSums.BLOCK_ROWS * x.cols(), block,
                    Math.min(rows, (block + 1) * BlockedColumnSums.BLOCK_ROWS) - block * BlockedColumnSums.BLOCK_ROWS);
        }

        /** As {@link #sumWeightGradBlock} from a copy of the block's {@code count} rows of X at {@code x[off…]}. */
        void sumWeightGradBlockRows(double[] x, int off, int block, int count) {
            Matrix g = multiply.outputGrad();
            weightSums.weightedBlockRows(passes, x, off, g.data(), g.offset(), block, count);
        }

        /** dL/dW from the terms of its {@code blocks} blocks: the bits of the kernel's Xᵀ·dL/dP. */
        void finishWeightGrad(int blocks) {
            Matrix gradW = multiply.paramGrad();
            weightSums.finish(blocks, gradW.data(), gradW.offset());
        }

        /**
         * Rows [from, to) of the dL/dX this layer left unfilled, into {@code dst[dstOff…]}: dL/dP
         * (n×1) times Wᵀ (1×in), the bits of the kernel's depth-1 product.
         */
        void fillInputGradRows(int from, int to, double[] dst, int dstOff) {
            Matrix g = multiply.outputGrad();
            Matrix w = multiply.param();
            ELEMENTWISE.outerProduct(g.data(), g.offset() + from, to - from, w.data(), w.offset(), w.rows(),
                    dst, dstOff);
        }

        /**
         * Rows [from, to) of the float dL/dP of the layer below, into its store {@code dst}: the
         * dL/dX rows of {@link #fillInputGradRows} rounded to float, kept where {@code mask} (the layer
         * below's P) is positive unless null; the bits of filling, rounding and selecting.
         */
        void fillInputGradRowsInFloat(int from, int to, FloatCopy mask, FloatCopy dst) {
            Matrix g = multiply.outputGrad();
            Matrix w = multiply.param();
            dst.outerProductRange(g.data(), g.offset() + from, to - from, w.data(), w.offset(), w.rows(), mask,
                    from * w.rows());
        }

        /** Defers this layer's dL/dX to {@link #inputGradValues}, taken from the current dL/dP and W. */
        void deferInputGrad() {
            inputGradValues.deferTo(multiply.inputGrad(), multiply.outputGrad(), multiply.param());
        }

        /**
         * The forward band pass: P = N + B and A = f(P), in double, or band by band from and into
         * float storage; A also in double when asked.
         */
        private final class ForwardBands implements RangeTask {
            private boolean doubleA;
            private DenseStep fill;
            private Matrix fillN;

            void set(boolean doubleA, DenseStep fill, Matrix fillN) {
                this.doubleA = doubleA;
                this.fill = fill;
                this.fillN = fillN;
            }

            @Override
            public void run(int from, int to) {
                Matrix aOut = activation.output();
                int cols = aOut.cols();
                if (!inFloat) {
                    // Band by band: P is read back, and A by the layer above's N, while in L1.
                    for (int first = from; first < to; first += BlockedColumnSums.BLOCK_ROWS) {
                        int end = Math.min(to, first + BlockedColumnSums.BLOCK_ROWS);
                        BiasAdd.addRows(multiply.output(), biasAdd.param(), biasAdd.output(), first, end);
                        activation.forwardRange(biasAdd.output(), aOut, first * cols, end * cols);
                        fillRows(aOut.data(), aOut.offset() + first * cols, cols, first, end - first);
                    }
                    return;
                }
                if (biasInFloat != null) {
                    for (int first = from; first < to; first += BlockedColumnSums.BLOCK_ROWS) {
                        int count = Math.min(to, first + BlockedColumnSums.BLOCK_ROWS) - first;
                        p.store().biasActivateRows(n.store(), first, count, cols, biasInFloat, a.store(), positivePart);
                        if (doubleA) {
                            a.store().widenRange(first * cols, aOut.data(), aOut.offset() + first * cols, count * cols);
                            fillRows(aOut.data(), aOut.offset() + first * cols, cols, first, count);
                        } else if (fill != null) {
                            Band band = bands.get();
                            a.store().widenRange(first * cols, band.a, 0, count * cols);
                            fillRows(band.a, 0, cols, first, count);
                        }
                    }
                    return;
                }
                Band band = bands.get();
                for (int first = from; first < to; first += BlockedColumnSums.BLOCK_ROWS) {
                    int count = Math.min(to, first + BlockedColumnSums.BLOCK_ROWS) - first;
                    int at = first * cols;
                    int len = count * cols;
                    n.store().widenRange(at, band.n, 0, len);
                    BiasAdd.addRows(band.nView, biasAdd.param(), band.pView, 0, count);
                    p.store().roundRange(band.p, 0, at, len);
                    activation.forwardRange(band.pView, band.aView, 0, len);
                    a.store().roundRange(band.a, 0, at, len);
                    if (doubleA) {
                        System.arraycopy(band.a, 0, aOut.data(), aOut.offset() + at, len);
                    }
                    fillRows(band.a, 0, cols, first, count);
                }
            }

            /**
             * Rows [first, first + count) of the N of the layer above, if this pass computes it, from
             * those rows of A in double at {@code a[aOff…]}.
             */
            private void fillRows(double[] a, int aOff, int cols, int first, int count) {
                if (fill != null) {
                    Matrix w = fill.multiply.param();
                    passes.matrixVectorRows(a, aOff, cols, 0, count, w.data(), w.offset(), fillN.data(),
                            fillN.offset() + first);
                }
            }
        }

        /**
         * The backward block pass: fill the unfilled dL/dA (if any), dL/dP = dL/dA · f'(P), the
         * block's sums of dL/dB; on float storage block by block from and into the float stores.
         */
        private final class BackwardBlocks implements RangeTask {
            private FloatCopy gradAFloat;
            private DenseStep unfilled;
            /** dL/dP in float straight from the unfilled layer's dL/dP and W (no double dL/dA). */
            private boolean dLdPFromAbove;

            void set(FloatCopy gradAFloat, DenseStep unfilled, boolean dLdPFromAbove) {
                this.gradAFloat = gradAFloat;
                this.unfilled = unfilled;
                this.dLdPFromAbove = dLdPFromAbove;
            }

            void clear() {
                gradAFloat = null;
                unfilled = null;
                dLdPFromAbove = false;
            }

            @Override
            public void run(int from, int to) {
                Matrix gradAIn = activation.outputGrad();
                Matrix gradPOut = activation.inputGrad();
                int rows = gradPOut.rows();
                int cols = gradPOut.cols();
                Band band = inFloat ? bands.get() : null;
                for (int b = from; b < to; b++) {
                    int first = b * BlockedColumnSums.BLOCK_ROWS;
                    int end = Math.min(rows, first + BlockedColumnSums.BLOCK_ROWS);
                    if (band == null) {
                        if (unfilled != null) {
                            unfilled.fillInputGradRows(first, end, gradAIn.data(), gradAIn.offset() + first * cols);
                            if (unfilled.leftWeightGrad) {
                                unfilled.sumWeightGradBlock(b, rows);
                            }
                        }
                        activation.backwardRange(activation.input(), activation.output(), gradAIn, gradPOut,
                                first * cols, end * cols);
                        biasSums.sumBlock(gradPOut.data(), gradPOut.offset(), rows, b);
                        continue;
                    }
                    int at = first * cols;
                    int len = (end - first) * cols;
                    if (unfilled != null) {
                        if (!dLdPFromAbove) {
                            unfilled.fillInputGradRows(first, end, gradAIn.data(), gradAIn.offset() + at);
                        }
                        if (unfilled.leftWeightGrad && aInDouble) {
                            unfilled.sumWeightGradBlock(b, rows);
                        } else if (unfilled.leftWeightGrad) {
                            a.store().widenRange(at, band.a, 0, len);   // X of the layer above: this A
                            unfilled.sumWeightGradBlockRows(band.a, 0, b, end - first);
                        }
                    }
                    if (biasInFloat != null) {
                        // ReLU or the identity only select: dL/dP in float from the stored floats
                        // (rounding dL/dA first selects the same rounded values), summed as doubles.
                        FloatCopy g = gradP.store();
                        if (dLdPFromAbove) {
                            unfilled.fillInputGradRowsInFloat(first, end, positivePart ? p.store() : null, g);
                        } else {
                            if (gradAFloat == null) {
                                g.narrowRange(gradAIn.data(), gradAIn.offset() + at, at, len);
                            }
                            if (positivePart) {
                                g.whereXPositiveRange(p.store(), gradAFloat != null ? gradAFloat : g, at, len);
                            } else if (gradAFloat != null) {
                                g.copyRange(gradAFloat, at, len);
                            }
                        }
                        biasSums.sumBlockRows(g, at, b, end - first);
                        continue;
                    }
                    if (gradAFloat != null) {
                        gradAFloat.widenRange(at, band.gradA, 0, len);
                    } else {
                        System.arraycopy(gradAIn.data(), gradAIn.offset() + at, band.gradA, 0, len);
                    }
                    p.store().widenRange(at, band.p, 0, len);
                    a.store().widenRange(at, band.a, 0, len);
                    activation.backwardRange(band.pView, band.aView, band.gradAView, band.gradPView, 0, len);
                    gradP.store().roundRange(band.gradP, 0, at, len);
                    biasSums.sumBlockRows(band.gradP, 0, b, end - first);
                }
            }
        }
    }
}
