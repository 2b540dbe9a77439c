package org.backprop.layer;

import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.op.Operation;
import org.backprop.op.WeightMultiply;
import org.backprop.tensor.Matrix;

/**
 * An ordered list of operations applied one after the other: forward runs them in order, backward
 * in reverse, each feeding its input gradient to the operation before it.
 */
public abstract class Layer {
    private final String name;

    protected Layer(String name) {
        this.name = name;
    }

    /** The layer's name, unique within its network, e.g. {@code "dense1"}. */
    public String name() {
        return name;
    }

    /** The operations in forward order. */
    public abstract List<Operation> operations();

    /**
     * Short names of the operations' outputs in forward order, used by traces (e.g.
     * {@code dense1.N}); the default is each operation's {@link Operation#name()}. The layer's input
     * is always called {@code X}.
     */
    public List<String> outputSymbols() {
        return operations().stream().map(Operation::name).toList();
    }

    /** The layer's kind for summaries, e.g. {@code "Dense"} (default: the class's simple name). */
    public String type() {
        return getClass().getSimpleName();
    }

    /** Number of input columns. */
    public abstract int inputs();

    /** Number of output columns. */
    public abstract int outputs();

    /**
     * A layer of the same structure sharing this layer's parameter views, with its own pass state
     * and the given kernel: used to run inference from several threads at once.
     */
    public abstract Layer sharingParameters(Gemm gemm);

    /**
     * As {@link #forward(Matrix, boolean)}, for a layer followed by one whose first operation is
     * {@code next} ({@link #inputConsumer()}): a layer whose last pass computes the output anyway may
     * also round it into {@code next}'s float copy. The default ignores {@code next}.
     */
    public Matrix forward(Matrix input, boolean training, WeightMultiply next) {
        return forward(input, training);
    }

    /**
     * The X·W operation that reads this layer's input first, whose float copy of the input the
     * previous layer may fill (see {@link #forward(Matrix, boolean, WeightMultiply)}); null by default.
     */
    public WeightMultiply inputConsumer() {
        return null;
    }

    /**
     * As {@link #backward(Matrix, boolean)}, in a network's backward pass. {@code next} is the first
     * operation of the layer above ({@link #inputConsumer()}, or null): when this layer
     * {@link #fillsDeferredOutputGrad()}, {@code next} may have left {@code outputGrad} (its dL/dX)
     * unfilled ({@link WeightMultiply#inputGradDeferred()}), and this backward fills it before
     * reading it. With {@code deferInputGrad} true (asked only when the layer below fills deferred
     * gradients) this layer may leave its own dL/dX unfilled the same way. The default ignores both,
     * which is right for a layer that does not fill deferred gradients.
     */
    public Matrix backward(Matrix outputGrad, boolean wantInputGrad, WeightMultiply next, boolean deferInputGrad) {
        return backward(outputGrad, wantInputGrad);
    }

    /**
     * True when {@link #backward(Matrix, boolean, WeightMultiply, boolean)} fills a dL/d output that
     * the next layer's X·W operation deferred; false by default.
     */
    public boolean fillsDeferredOutputGrad() {
        return false;
    }

    /** Runs the operations forward on {@code input} (n×inputs), returning n×outputs. */
    public Matrix forward(Matrix input, boolean training) {
        Matrix x = input;
        for (Operation op : operations()) {
            x = op.forward(x, training);
        }
        return x;
    }

    /**
     * Runs the operations backward from {@code outputGrad} (n×outputs); returns dL/d input, or null
     * when {@code wantInputGrad} is false (the first operation then skips it).
     */
    public Matrix backward(Matrix outputGrad, boolean wantInputGrad) {
        List<Operation> ops = operations();
        Matrix g = outputGrad;
        for (int i = ops.size() - 1; i >= 0; i--) {
            g = ops.get(i).backward(g, wantInputGrad || i > 0);
        }
        return g;
    }
}
