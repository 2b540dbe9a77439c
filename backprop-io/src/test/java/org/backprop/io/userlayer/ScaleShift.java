package org.backprop.io.userlayer;

import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.layer.Layer;
import org.backprop.network.Parameter;
import org.backprop.op.Operation;

/** A per-column scale and shift, A = X ∘ G + B (G, B 1×d): two operations, traced as S = X ∘ G and A = S + B. */
final class ScaleShift extends Layer {
    private final Parameter g;
    private final Parameter b;
    private final List<Operation> operations;

    ScaleShift(String name, Parameter g, Parameter b) {
        super(name);
        this.g = g;
        this.b = b;
        this.operations = List.of(new ColumnScale(g.value(), g.grad()), new ColumnShift(b.value(), b.grad()));
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    @Override
    public List<String> outputSymbols() {
        return List.of("S", "A");
    }

    /** G starts at 1, B at 0 ({@link ScaleShiftSpec#build}). */
    @Override
    public String initializerSummary() {
        return "ones";
    }

    @Override
    public int inputs() {
        return g.value().cols();
    }

    @Override
    public int outputs() {
        return g.value().cols();
    }

    @Override
    public Layer sharingParameters(Gemm gemm) {
        return new ScaleShift(name(), g, b);
    }
}
