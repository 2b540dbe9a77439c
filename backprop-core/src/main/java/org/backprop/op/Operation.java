package org.backprop.op;

import org.backprop.kernel.RangeTask;
import org.backprop.kernel.ThreadTeam;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * One step of a network's computation, with its forward and backward pass written out.
 *
 * <p>The template of <i>Deep Learning from Scratch</i>: {@link #forward} keeps its input and output;
 * {@link #backward} checks on every call that the output gradient has the output's shape and that
 * the input gradient it produces has the input's shape. Subclasses write only the output, the input
 * gradient and (for {@link ParamOperation}) the parameter gradient, into buffers this class reuses
 * across calls with the same batch size, so a training step allocates nothing in steady state.
 *
 * <p>Not thread-safe: an operation holds the state of the pass in flight.
 */
public abstract class Operation {
    private final BufferCache outputs = new BufferCache();
    private final BufferCache inputGrads = new BufferCache();
    private Matrix input;
    private Matrix output;
    private Matrix outputGrad;
    private Matrix inputGrad;
    private ThreadTeam team = ThreadTeam.CALLING_THREAD;

    /**
     * Lets this operation split its element-wise work over {@code team} (see
     * {@link ThreadTeam#forRange}); by default it runs on the calling thread. Results do not
     * depend on it. Returns this operation.
     */
    public Operation parallelOn(ThreadTeam team) {
        this.team = team;
        return this;
    }

    /**
     * Runs {@code task} over [0, count) on the team given by {@link #parallelOn}, split if
     * count × {@code elementsPerIndex} is large enough.
     */
    protected final void forEachRange(int count, int elementsPerIndex, RangeTask task) {
        team.forRange(count, elementsPerIndex, task);
    }

    /** A short name for messages and traces, e.g. {@code "WeightMultiply"}. */
    public String name() {
        return getClass().getSimpleName();
    }

    /** Number of output columns for an input with {@code inputCols} columns (default: the same). */
    public int outputCols(int inputCols) {
        return inputCols;
    }

    /**
     * Computes the output for {@code input} (n×d). The returned matrix is owned by this operation
     * and overwritten by the next forward call with the same batch size.
     *
     * @param training true during training (dropout and similar operations behave differently)
     */
    public final Matrix forward(Matrix input, boolean training) {
        computeOutput(input, outputBufferFor(input), training);
        return output;
    }

    /** {@link #forward(Matrix, boolean)} in training mode. */
    public final Matrix forward(Matrix input) {
        return forward(input, true);
    }

    /**
     * Back-propagates {@code outputGrad} (dL/d output, the output's shape): fills parameter
     * gradients and returns dL/d input (the input's shape).
     */
    public final Matrix backward(Matrix outputGrad) {
        return backward(outputGrad, true);
    }

    /**
     * As {@link #backward(Matrix)}; with {@code wantInputGrad} false only the parameter gradients
     * are computed and null is returned (the first layer of a network needs no dL/dX).
     */
    public final Matrix backward(Matrix outputGrad, boolean wantInputGrad) {
        Matrix grad = inputGradBufferFor(outputGrad, wantInputGrad);
        computeParamGrads(outputGrad);
        if (grad != null) {
            computeInputGrad(outputGrad, grad);
        }
        return grad;
    }

    /**
     * The first half of {@link #forward(Matrix, boolean)}, for a plan that computes this operation's
     * output itself (a network's fused fast path): checks and records {@code input} and returns the
     * output buffer, to be filled with exactly what this operation's forward would write.
     */
    public final Matrix outputBufferFor(Matrix input) {
        checkInput(input);
        this.input = input;
        this.output = outputs.get(input.rows(), outputCols(input.cols()));
        this.outputGrad = null;
        this.inputGrad = null;
        return output;
    }

    /**
     * The first half of {@link #backward(Matrix, boolean)}, for a plan that computes this
     * operation's gradients itself: checks and records {@code outputGrad} and returns the buffer
     * dL/d input goes into (null when {@code wantInputGrad} is false), to be filled, together with
     * the parameter gradient, with exactly what this operation's backward would write.
     */
    public final Matrix inputGradBufferFor(Matrix outputGrad, boolean wantInputGrad) {
        if (output == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        if (!outputGrad.sameShape(output)) {
            throw new ShapeException(name() + ".backward: output gradient is " + outputGrad.shape()
                    + " but the output is " + output.shape());
        }
        this.outputGrad = outputGrad;
        this.inputGrad = wantInputGrad ? inputGradBuffer(outputGrad) : null;
        if (inputGrad != null && !inputGrad.sameShape(input)) {
            throw new ShapeException(name() + ".backward: input gradient is " + inputGrad.shape()
                    + " but the input is " + input.shape());
        }
        return inputGrad;
    }

    /**
     * The buffer dL/d input is written into. Operations whose input gradient equals the output
     * gradient (a bias add) may return {@code outputGrad} itself and write nothing.
     */
    protected Matrix inputGradBuffer(Matrix outputGrad) {
        return inputGrads.get(input.rows(), input.cols());
    }

    /** Checks the input's shape before a forward pass; the default accepts any shape. */
    protected void checkInput(Matrix input) {
        // any shape
    }

    /** Writes the output for {@code input} into {@code out}, already of the output's shape. */
    protected abstract void computeOutput(Matrix input, Matrix out, boolean training);

    /** Writes dL/d input into {@code inputGrad} (the input's shape), given dL/d output. */
    protected abstract void computeInputGrad(Matrix outputGrad, Matrix inputGrad);

    /** Fills parameter gradients; nothing to do for operations without parameters. */
    protected void computeParamGrads(Matrix outputGrad) {
        // no parameters
    }

    /** The input of the last forward pass. */
    public Matrix input() {
        return input;
    }

    /** The output of the last forward pass. */
    public Matrix output() {
        return output;
    }

    /** dL/d output of the last backward pass, or null before one. */
    public Matrix outputGrad() {
        return outputGrad;
    }

    /** dL/d input of the last backward pass, or null if it was not computed. */
    public Matrix inputGrad() {
        return inputGrad;
    }
}
