package org.backprop.op;

import org.backprop.kernel.Elementwise;
import org.backprop.kernel.Float32Gemm;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.tensor.MatMul;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * N = X·W, with X n×in (a batch of n rows) and W in×out, as in the book and the first notebook.
 * Gradients: dL/dW = Xᵀ·dL/dN and dL/dX = dL/dN·Wᵀ. In a network's backward pass dL/dX of a W
 * with one column is filled by the layer below ({@link #backward(Matrix, boolean, boolean)}); it is
 * complete when the network's backward returns.
 */
public final class WeightMultiply extends ParamOperation {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    private final Gemm gemm;
    /** The kernel as a {@link Float32Gemm}, or null: then X and dL/dN are rounded once per pass. */
    private final Float32Gemm floats;
    private final Float32Gemm.FloatCopy inputCopy;
    private final Float32Gemm.FloatCopy weightCopy;
    private final Float32Gemm.FloatCopy gradCopy;
    /** The dL/dN whose float copy a fused pass already wrote into {@link #gradCopy}, or null. */
    private Matrix gradCopySource;
    /** The X whose float copy the previous layer's fused pass already wrote into {@link #inputCopy}, or null. */
    private Matrix inputCopySource;
    /** Set by {@link #deferWidening}: the next forward leaves N in float for a fused pass to widen. */
    private boolean deferWidening;
    /** True while N is in the float kernel's buffer, not yet widened into {@link #output()}. */
    private boolean outputInFloat;
    /** True when the kernel's depth-1 products have {@link Elementwise#outerProduct}'s bits ({@link Kernels#isBuiltIn}). */
    private final boolean outerProductsDeferrable;
    /** True during a {@link #backward(Matrix, boolean, boolean)} that may leave dL/dX unfilled. */
    private boolean deferInputGrad;
    /** The dL/dN of the last backward when it left dL/dX unfilled ({@link #inputGradDeferred}), else null. */
    private Matrix deferredOutputGrad;

    /**
     * @param weights  W, in×out (a view into the network's parameter buffer)
     * @param gradient dL/dW, same shape
     * @param gemm     the kernel the products run on
     */
    public WeightMultiply(Matrix weights, Matrix gradient, Gemm gemm) {
        super(weights, gradient);
        this.gemm = gemm;
        this.floats = gemm instanceof Float32Gemm f ? f : null;
        this.inputCopy = floats == null ? null : new Float32Gemm.FloatCopy();
        this.weightCopy = floats == null ? null : new Float32Gemm.FloatCopy();
        this.gradCopy = floats == null ? null : new Float32Gemm.FloatCopy();
        this.outerProductsDeferrable = Kernels.isBuiltIn(gemm);
    }

    /**
     * True when the products run in float on copies of X, W and dL/dN rounded once per pass: X's
     * copy made in forward serves dL/dW, dL/dN's made for dL/dW serves dL/dX (W is rounded again
     * there, in case it changed in between). The same arithmetic as rounding per product.
     */
    private boolean onFloatCopies(int rows) {
        return floats != null && !Float32Gemm.matrixVector(rows, param().cols(), param().rows());
    }

    @Override
    public int outputCols(int inputCols) {
        return param().cols();
    }

    @Override
    protected void checkInput(Matrix input) {
        if (input.cols() != param().rows()) {
            throw new ShapeException("WeightMultiply: input " + input.shape() + " does not match weights "
                    + param().shape() + " (input columns must equal weight rows)");
        }
    }

    /**
     * For a fused pass that computes this operation's dL/dN anyway ({@link BiasActivation#backward}):
     * the float copy the next backward would round dL/dN (rows × out) into, to be filled by that
     * pass and announced with {@link #gradCopyFilled}; null when products of that batch size do not
     * run on float copies.
     */
    Float32Gemm.FloatCopy gradCopyToFill(int rows) {
        return onFloatCopies(rows) ? gradCopy : null;
    }

    /** The float copy of {@code outputGrad} is in place: the next backward with it skips rounding it. */
    void gradCopyFilled(Matrix outputGrad) {
        gradCopySource = outputGrad;
    }

    /**
     * For the previous layer's fused pass, which computes this operation's input X (rows × in)
     * anyway ({@link BiasActivation#forward(Matrix, WeightMultiply, WeightMultiply)}): the float
     * copy the next forward would round X into, to be filled by that pass and announced with
     * {@link #inputCopyFilled}; null when products of that batch size do not run on float copies.
     */
    Float32Gemm.FloatCopy inputCopyToFill(int rows) {
        return onFloatCopies(rows) ? inputCopy : null;
    }

    /** The float copy of {@code input} is in place: the next forward with it skips rounding it. */
    void inputCopyFilled(Matrix input) {
        inputCopySource = input;
    }

    /**
     * For a fused pass that reads N right after the next forward ({@link BiasActivation#forward(Matrix,
     * WeightMultiply, WeightMultiply)}): if that forward runs on float copies, it leaves N in float,
     * and the pass widens N's rows with {@link #widenOutputRows} before using them.
     */
    void deferWidening() {
        deferWidening = true;
    }

    /** True when the last forward left N in float: its rows must go through {@link #widenOutputRows}. */
    boolean outputInFloat() {
        return outputInFloat;
    }

    /** Widens N's rows [from, to) after a forward that left N in float; any thread, disjoint rows. */
    void widenOutputRows(int from, int to) {
        Matrix out = output();
        floats.widenProduct(from * out.cols(), to * out.cols(), out.data(), out.offset());
    }

    /** Every row of N has been widened. */
    void outputWidened() {
        outputInFloat = false;
    }

    /**
     * As {@link #backward(Matrix, boolean)}, for an operation whose dL/dX the previous layer's fused
     * backward pass ({@link BiasActivation#backward(Matrix, WeightMultiply, WeightMultiply)}) reads
     * right after: with {@code deferInputGrad} true, W of one column (dL/dX = dL/dN·Wᵀ is then an
     * outer product, n×1 by 1×in) and a kernel of the library's own ({@link Kernels#isBuiltIn}),
     * dL/dX is left unfilled ({@link #inputGradDeferred}) for that pass to compute band by band while
     * each band is in cache, instead of a pass of its own writing n×in values the next one reads
     * straight back. Returns the dL/dX buffer (null when not wanted), filled or not.
     */
    public Matrix backward(Matrix outputGrad, boolean wantInputGrad, boolean deferInputGrad) {
        this.deferInputGrad = deferInputGrad && outerProductsDeferrable;
        try {
            return backward(outputGrad, wantInputGrad);
        } finally {
            this.deferInputGrad = false;
        }
    }

    /** True when the last backward left dL/dX unfilled: a fused pass must fill it before anything reads it. */
    public boolean inputGradDeferred() {
        return deferredOutputGrad != null;
    }

    /**
     * Fills rows [from, to) of the deferred dL/dX ({@link #inputGrad()}), with the bits the
     * undeferred backward gives; any thread, disjoint rows.
     */
    void fillInputGradRows(int from, int to) {
        Matrix w = param();
        Matrix inputGrad = inputGrad();
        ELEMENTWISE.outerProduct(deferredOutputGrad.data(), deferredOutputGrad.offset() + from, to - from, w.data(),
                w.offset(), w.rows(), inputGrad.data(), inputGrad.offset() + from * w.rows());
    }

    /** Every row of the deferred dL/dX has been filled. */
    void inputGradFilled() {
        deferredOutputGrad = null;
    }

    @Override
    protected void computeOutput(Matrix input, Matrix out, boolean training) {
        deferredOutputGrad = null;
        gradCopySource = null;
        boolean inputCopied = inputCopySource == input;
        inputCopySource = null;
        boolean defer = deferWidening;
        deferWidening = false;
        outputInFloat = false;
        if (!onFloatCopies(input.rows())) {
            MatMul.mult(gemm, input, param(), out);
            return;
        }
        if (!inputCopied) {
            copy(input, inputCopy);
        }
        copy(param(), weightCopy);
        if (defer) {
            floats.multDeferred(input.rows(), param().cols(), param().rows(), inputCopy, weightCopy);
            outputInFloat = true;
        } else {
            floats.mult(input.rows(), param().cols(), param().rows(), inputCopy, weightCopy, out.data(), out.offset());
        }
    }

    @Override
    protected void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        if (deferInputGrad && param().cols() == 1) {
            deferredOutputGrad = outputGrad;
            return;
        }
        if (!onFloatCopies(outputGrad.rows())) {
            MatMul.multTransB(gemm, outputGrad, param(), inputGrad);
            return;
        }
        copy(param(), weightCopy);
        floats.multTransB(outputGrad.rows(), param().rows(), param().cols(), gradCopy, weightCopy, inputGrad.data(),
                inputGrad.offset());
    }

    @Override
    protected void computeParamGrad(Matrix outputGrad, Matrix paramGrad) {
        deferredOutputGrad = null;
        if (!onFloatCopies(outputGrad.rows())) {
            MatMul.multTransA(gemm, input(), outputGrad, paramGrad);
            return;
        }
        if (gradCopySource != outputGrad) {
            copy(outputGrad, gradCopy);
        }
        gradCopySource = null;
        floats.multTransA(param().rows(), param().cols(), outputGrad.rows(), inputCopy, gradCopy, paramGrad.data(),
                paramGrad.offset());
    }

    private void copy(Matrix m, Float32Gemm.FloatCopy into) {
        floats.narrow(m.data(), m.offset(), m.size(), into);
    }
}
