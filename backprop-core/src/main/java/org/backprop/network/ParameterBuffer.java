package org.backprop.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.backprop.tensor.Matrix;

/**
 * All parameters of a network in one flat {@code double[]}, and all their gradients in another of
 * the same length. Each weight and bias is a {@link Matrix} view into them, so optimizers, model
 * files and distributed averaging work on one array each.
 */
public final class ParameterBuffer {
    private final double[] values;
    private final double[] grads;
    private final List<Parameter> parameters;

    private ParameterBuffer(double[] values, double[] grads, List<Parameter> parameters) {
        this.values = values;
        this.grads = grads;
        this.parameters = Collections.unmodifiableList(parameters);
    }

    /** The flat parameter values (shared, not copied). */
    public double[] values() {
        return values;
    }

    /**
     * Overwrites every value with {@code source} (e.g. parameters received from another machine).
     *
     * @throws IllegalArgumentException if {@code source} does not hold exactly {@link #size()} values
     */
    public void setValues(double[] source) {
        if (source.length != values.length) {
            throw new IllegalArgumentException(source.length + " parameter values for a buffer of " + values.length);
        }
        System.arraycopy(source, 0, values, 0, values.length);
    }

    /** The flat gradients (shared, not copied), filled by the last backward pass. */
    public double[] grads() {
        return grads;
    }

    /** The parameters in network order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Total number of scalars. */
    public int size() {
        return values.length;
    }

    /** The parameter called {@code name}. */
    public Parameter get(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'");
    }

    /** Collects parameter shapes first, then allocates the two buffers once. */
    public static final class Layout {
        private final List<String[]> names = new ArrayList<>();
        private final List<ParamKind> kinds = new ArrayList<>();
        private final List<int[]> shapes = new ArrayList<>();
        private int total;

        /** Reserves a rows×cols parameter; returns its index in the layout. */
        public int add(String layer, String name, ParamKind kind, int rows, int cols) {
            names.add(new String[] {layer, layer + "." + name});
            kinds.add(kind);
            shapes.add(new int[] {rows, cols, total});
            total = Math.addExact(total, Math.multiplyExact(rows, cols));
            return shapes.size() - 1;
        }

        /** Allocates the buffers and the views. */
        public ParameterBuffer allocate() {
            double[] values = new double[total];
            double[] grads = new double[total];
            List<Parameter> params = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                int[] s = shapes.get(i);
                params.add(new Parameter(names.get(i)[1], names.get(i)[0], kinds.get(i), s[2],
                        Matrix.view(values, s[2], s[0], s[1]), Matrix.view(grads, s[2], s[0], s[1])));
            }
            return new ParameterBuffer(values, grads, params);
        }
    }
}
