package org.backprop.layer;

import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.op.Operation;
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

    /**
     * The summary's "Initializer" column: how the layer's weights were initialized, e.g.
     * {@code "he_uniform"}; default {@code "-"}.
     */
    public String initializerSummary() {
        return "-";
    }

    /**
     * The summary's "Activation" column: the layer's activation or setting, e.g. {@code "relu"} or
     * {@code "p=0.3"}; default {@code "-"}.
     */
    public String activationSummary() {
        return "-";
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

    /** Runs the operations forward on {@code input} (n×inputs), returning n×outputs. */
    public Matrix forward(Matrix input, boolean training) {
        List<Operation> ops = operations();
        Matrix x = input;
        for (int i = 0; i < ops.size(); i++) {  // indexed: an iterator per call is garbage per prediction
            x = ops.get(i).forward(x, training);
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
