package org.backprop.layer;

import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.op.Dropout;
import org.backprop.op.Operation;

/**
 * A layer holding one {@link Dropout} operation on the previous layer's output (n×width → n×width,
 * no parameters). Its output is traced as {@code D}.
 */
public final class DropoutLayer extends Layer {
    private final int width;
    private final Dropout dropout;
    private final List<Operation> operations;

    /**
     * @param name    the layer's name, e.g. {@code "dropout1"}
     * @param width   number of columns in and out
     * @param dropout the operation (this layer takes ownership)
     */
    public DropoutLayer(String name, int width, Dropout dropout) {
        super(name);
        this.width = width;
        this.dropout = dropout;
        this.operations = List.of(dropout);
    }

    /** The dropout operation. */
    public Dropout dropout() {
        return dropout;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    @Override
    public List<String> outputSymbols() {
        return List.of("D");
    }

    /** The rate, e.g. {@code "p=0.3"}. */
    @Override
    public String activationSummary() {
        return "p=" + dropout.rate();
    }

    @Override
    public String type() {
        return "Dropout";
    }

    @Override
    public int inputs() {
        return width;
    }

    @Override
    public int outputs() {
        return width;
    }

    @Override
    public Layer sharingParameters(Gemm gemm) {
        return new DropoutLayer(name(), width, dropout.fresh());
    }

    @Override
    public String toString() {
        return name() + ": Dropout(p = " + dropout.rate() + ")";
    }
}
