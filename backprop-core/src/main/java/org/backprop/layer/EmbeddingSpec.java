package org.backprop.layer;

import java.util.ArrayList;
import java.util.List;

import org.backprop.network.ParamKind;
import org.backprop.network.Parameter;
import org.backprop.network.ParameterShape;
import org.backprop.network.Params;

/**
 * An {@link Embedding} layer: the input columns listed in {@code columns} hold category codes
 * (0 … cardinality − 1, as doubles) and are each replaced by a trainable vector of their own width;
 * every other column is numeric and passes through. Output width = inputs + Σ(dim − 1).
 *
 * <p>Initialization: every table entry from N(0, {@code std}²), default std = 0.01 (the scale of
 * fast.ai's tabular embeddings, here not truncated), drawn from the network's "init" stream table by
 * table in column order, row-major. Hyperparameters (model files): {@code columns},
 * {@code cardinalities}, {@code dims} (parallel lists) and {@code std}.
 *
 * <pre>{@code
 * // input: column 0 a code of 7 categories, column 1 numeric, column 3 a code of 3 categories
 * NeuralNetwork net = NeuralNetwork.builder(4)
 *         .layer(new EmbeddingSpec(List.of(new EmbeddingSpec.Column(0, 7, 4), new EmbeddingSpec.Column(3, 3, 2))))
 *         .dense(16, "relu").dense(1, "linear").build();   // the dense layer sees 4 + 3 + 1 = 8 columns
 * }</pre>
 *
 * @param columns the code columns, strictly increasing by index (at least one)
 * @param std     the standard deviation of the initial values (finite, ≥ 0)
 */
public record EmbeddingSpec(List<Column> columns, double std) implements LayerSpec {
    /** The type name, {@code "embedding"}. */
    public static final String TYPE = "embedding";
    /** The default standard deviation of the initial values, 0.01. */
    public static final double DEFAULT_STD = 0.01;

    /**
     * One code column.
     *
     * @param column      its index in the layer's input (≥ 0)
     * @param cardinality the number of categories (≥ 1): codes are 0 … cardinality − 1
     * @param dim         the width of its vectors (≥ 1)
     */
    public record Column(int column, int cardinality, int dim) implements java.io.Serializable {
        /** Checks the sizes. */
        public Column {
            if (column < 0 || cardinality < 1 || dim < 1) {
                throw new IllegalArgumentException("embedding: column " + column + " needs an index ≥ 0, at least one "
                        + "category and a width ≥ 1, got cardinality " + cardinality + " and dim " + dim);
            }
        }
    }

    /** Checks the columns' order and the std. */
    public EmbeddingSpec {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("embedding: needs at least one code column");
        }
        for (int k = 1; k < columns.size(); k++) {
            if (columns.get(k).column() <= columns.get(k - 1).column()) {
                throw new IllegalArgumentException("embedding: code columns must be strictly increasing, got "
                        + columns.get(k - 1).column() + " before " + columns.get(k).column());
            }
        }
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("embedding: std must be finite and ≥ 0, got " + std);
        }
    }

    /** Embeddings with the default std, 0.01. */
    public EmbeddingSpec(List<Column> columns) {
        this(columns, DEFAULT_STD);
    }

    /** Reads {@link #params()}. */
    static EmbeddingSpec fromParams(Params p) {
        int[] cols = p.integers("columns");
        int[] cards = p.integers("cardinalities");
        int[] dims = p.integers("dims");
        if (cards.length != cols.length || dims.length != cols.length) {
            throw new IllegalArgumentException("embedding: columns, cardinalities and dims must have one entry per "
                    + "code column, got " + cols.length + ", " + cards.length + " and " + dims.length);
        }
        List<Column> columns = new ArrayList<>();
        for (int k = 0; k < cols.length; k++) {
            columns.add(new Column(cols[k], cards[k], dims[k]));
        }
        return new EmbeddingSpec(columns, p.number("std", DEFAULT_STD));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** inputs + Σ(dim − 1); every code column must be an input column. */
    @Override
    public int outputs(int inputs) {
        int out = inputs;
        for (Column c : columns) {
            if (c.column() >= inputs) {
                throw new IllegalArgumentException("embedding: code column " + c.column() + " is not one of the "
                        + inputs + " input columns");
            }
            out += c.dim() - 1;
        }
        return out;
    }

    /** {@code E<c>} (cardinality×dim) for each code column c. */
    @Override
    public List<ParameterShape> parameters(int inputs) {
        return columns.stream().map(c -> new ParameterShape("E" + c.column(), ParamKind.WEIGHT, c.cardinality(),
                c.dim())).toList();
    }

    /** Draws every table from N(0, std²) and builds the layer. */
    @Override
    public Layer build(LayerContext context) {
        List<Parameter> tables = new ArrayList<>();
        for (Column c : columns) {
            Parameter table = context.parameter("E" + c.column());
            for (int k = 0; k < table.size(); k++) {
                table.value().setFlat(k, std * context.initRandom().nextGaussian());
            }
            tables.add(table);
        }
        return new Embedding(context.name(), context.inputs(), columns.stream().map(Column::column).toList(), tables);
    }

    /** {@code columns}, {@code cardinalities}, {@code dims} (parallel lists) and {@code std}. */
    @Override
    public Params params() {
        return Params.of("columns", columns.stream().map(Column::column).toList(),
                        "cardinalities", columns.stream().map(Column::cardinality).toList())
                .with("dims", columns.stream().map(Column::dim).toList()).with("std", std);
    }

    /** {@code embedding [0: 7×4, 3: 3×2]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("embedding [");
        for (Column c : columns) {
            sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ", ").append(c.column()).append(": ")
                    .append(c.cardinality()).append('×').append(c.dim());
        }
        sb.append(']');
        return std == DEFAULT_STD ? sb.toString() : sb.append(" std ").append(std).toString();
    }
}
