package org.backprop.layer;

import java.util.ArrayList;
import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.network.Parameter;
import org.backprop.op.EmbeddingLookup;
import org.backprop.op.Operation;

/**
 * Entity embeddings for tabular data: some input columns hold category codes (whole numbers
 * 0 … cardinality − 1 stored as doubles), the others numbers. The output is the input row with each
 * code column replaced, in place, by its code's row of that column's trainable table E (cardinality×dim);
 * the numeric columns pass through unchanged. Input n×w, output n×(w + Σ(dim − 1)).
 *
 * <p>One {@link EmbeddingLookup} per code column, in column order, each replacing its column in the
 * previous one's output. Parameters: {@code E<c>} for input column c (e.g. {@code embedding1.E2}),
 * kind WEIGHT. In traces the output after replacing column c is {@code Y<c>} (the last one is the
 * layer's output) and the gradients {@code dL/dE<c>}; dL/dX is 0 in the code columns (codes are not
 * differentiable). A code that is not a whole number in range is an {@link IllegalArgumentException}
 * naming the layer, the row and the column. Built from an {@link EmbeddingSpec}.
 */
public final class Embedding extends Layer {
    private final List<Parameter> tables;
    private final List<Integer> columns;
    private final int inputs;
    private final List<Operation> operations;
    private final List<String> symbols;

    /**
     * @param name    the layer's name, e.g. {@code "embedding1"}
     * @param inputs  w, the input width
     * @param columns the code columns' indexes in the input, strictly increasing
     * @param tables  their tables, cardinality×dim each, in the same order
     */
    public Embedding(String name, int inputs, List<Integer> columns, List<Parameter> tables) {
        super(name);
        if (columns.isEmpty() || columns.size() != tables.size()) {
            throw new IllegalArgumentException(name + ": needs one table per code column, got " + columns.size()
                    + " columns and " + tables.size() + " tables");
        }
        this.inputs = inputs;
        this.columns = List.copyOf(columns);
        this.tables = List.copyOf(tables);
        List<Operation> ops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int shift = 0;
        for (int k = 0; k < columns.size(); k++) {
            Parameter table = tables.get(k);
            ops.add(new EmbeddingLookup(name, columns.get(k) + shift, columns.get(k), table.value(), table.grad()));
            names.add("Y" + columns.get(k));
            shift += table.value().cols() - 1;
        }
        this.operations = List.copyOf(ops);
        this.symbols = List.copyOf(names);
    }

    /** The tables, one per code column, in column order. */
    public List<Parameter> tables() {
        return tables;
    }

    /** The code columns' indexes in the input. */
    public List<Integer> columns() {
        return columns;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    @Override
    public List<String> outputSymbols() {
        return symbols;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        int out = inputs;
        for (Parameter t : tables) {
            out += t.value().cols() - 1;
        }
        return out;
    }

    @Override
    public Layer sharingParameters(Gemm gemm) {
        return new Embedding(name(), inputs, columns, tables);
    }

    @Override
    public String toString() {
        return name() + ": Embedding(" + inputs + " → " + outputs() + ", columns " + columns + ")";
    }
}
