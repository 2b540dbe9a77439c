package org.backprop.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.backprop.kernel.FloatCopy;
import org.backprop.kernel.Precision;
import org.backprop.tensor.DeferredValues;
import org.backprop.tensor.Matrix;

/**
 * All parameters of a network in one flat {@code double[]}, and all their gradients in another of
 * the same length. Each weight and bias is a {@link Matrix} view into them, so optimizers, model
 * files and distributed averaging work on one array each.
 *
 * <p><b>Float storage</b> ({@link Precision#FLOAT32} buffers): the values are also kept in float,
 * one {@link FloatCopy} per parameter, and the float copy is what the network's fast plan multiplies
 * with and what the optimizer updates ({@link #floatValues}). Every value is a float: the doubles
 * are the floats widened exactly. After the float copy of a parameter changes, its double view is
 * {@link Matrix#defer deferred} to it and widened when someone reads it. Any access to a view (or to
 * {@link #values()}) counts as a possible write: the next {@link #syncFloat()} rounds that
 * parameter's doubles into its float copy again. So reading or writing parameters through the views
 * and the flat array works as for a float64 buffer; only a caller that keeps the array of an earlier
 * read and writes into it later, after a sync, would write past the float copy. The gradients stay
 * in double.
 */
public final class ParameterBuffer {
    private final double[] values;
    private final double[] grads;
    private final List<Parameter> parameters;
    /** The float copies, one per parameter in order, or null for a float64 buffer. */
    private final FloatCopy[] floats;
    /** For each parameter, the deferred values that widen its float copy into its view. */
    private final DeferredValues[] widenings;
    /** Set when the flat array was handed out: every parameter is rounded again at the next sync. */
    private boolean flatTouched = true;

    private ParameterBuffer(double[] values, double[] grads, List<Parameter> parameters, Precision precision) {
        this.values = values;
        this.grads = grads;
        this.parameters = Collections.unmodifiableList(parameters);
        if (precision == Precision.FLOAT32) {
            floats = new FloatCopy[parameters.size()];
            widenings = new DeferredValues[parameters.size()];
            for (int i = 0; i < floats.length; i++) {
                FloatCopy copy = new FloatCopy();
                copy.resize(parameters.get(i).size());
                floats[i] = copy;
                widenings[i] = (dst, offset, size) -> copy.widenRange(0, dst, offset, size);
            }
        } else {
            floats = null;
            widenings = null;
        }
    }

    /** {@link Precision#FLOAT32} when the values are stored in float, else {@link Precision#FLOAT64}. */
    public Precision precision() {
        return floats == null ? Precision.FLOAT64 : Precision.FLOAT32;
    }

    /**
     * The flat parameter values (shared, not copied), every deferred view written first. On float
     * storage the caller may write into it: every parameter is rounded into float again at the next
     * {@link #syncFloat()} (a step, a forward pass).
     */
    public double[] values() {
        if (floats != null) {
            writeDeferredViews();
            flatTouched = true;
        }
        return values;
    }

    /**
     * The flat parameter values for reading only: as {@link #values()}, but on float storage the
     * float copies stay current (the caller must not write into the array).
     */
    public double[] readValues() {
        if (floats != null) {
            for (int i = 0; i < floats.length; i++) {
                Matrix view = parameters.get(i).value();
                if (view.isDeferred()) {
                    view.data();
                    if (!flatTouched) {
                        view.defer(widenings[i]);
                    }
                }
            }
        }
        return values;
    }

    /**
     * Overwrites every value with {@code source} (e.g. parameters received from another machine);
     * on float storage they are rounded to float at the next {@link #syncFloat()}.
     *
     * @throws IllegalArgumentException if {@code source} does not hold exactly {@link #size()} values
     */
    public void setValues(double[] source) {
        if (source.length != values.length) {
            throw new IllegalArgumentException(source.length + " parameter values for a buffer of " + values.length);
        }
        System.arraycopy(source, 0, values(), 0, values.length);
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

    /**
     * Makes the float copies current: every parameter whose double view (or the flat array) was
     * accessed since the last sync is rounded to float, in place in its doubles and into its float
     * copy; then every view is deferred to its copy. Does nothing on a float64 buffer. Allocates
     * nothing.
     */
    public void syncFloat() {
        if (floats == null) {
            return;
        }
        boolean all = flatTouched;
        flatTouched = false;
        for (int i = 0; i < floats.length; i++) {
            Matrix view = parameters.get(i).value();
            if (all || !view.isDeferred()) {
                double[] data = view.data();
                floats[i].roundRange(data, view.offset(), 0, view.size());
                view.defer(widenings[i]);
            }
        }
    }

    /**
     * The float copy of parameter {@code index} (in {@link #parameters()} order), or null on a
     * float64 buffer. Current after {@link #syncFloat()}, which leaves the view deferred to it:
     * a caller may then change it in place (an optimizer step), and a read of the view gives the
     * new values.
     */
    public FloatCopy floatValues(int index) {
        return floats == null ? null : floats[index];
    }

    private void writeDeferredViews() {
        for (Parameter p : parameters) {
            if (p.value().isDeferred()) {
                p.value().data();
            }
        }
    }

    /**
     * The most parameters one buffer holds: the longest {@code double[]} a JVM allocates
     * ({@code Integer.MAX_VALUE - 8}, as the JDK's own collections assume).
     */
    public static final int MAX_PARAMETERS = Integer.MAX_VALUE - 8;

    /** Collects parameter shapes first, then allocates the two buffers once. */
    public static final class Layout {
        private final List<String[]> names = new ArrayList<>();
        private final List<ParamKind> kinds = new ArrayList<>();
        private final List<int[]> shapes = new ArrayList<>();
        private int total;

        /**
         * Reserves a rows×cols parameter; returns its index in the layout.
         *
         * @throws IllegalArgumentException naming the layer, the parameter and the network's parameter
         *                                  count if it would exceed {@link #MAX_PARAMETERS} (one flat
         *                                  array holds them all)
         */
        public int add(String layer, String name, ParamKind kind, int rows, int cols) {
            long after = total + (long) rows * cols;
            if (after > MAX_PARAMETERS) {
                throw new IllegalArgumentException("layer " + layer + ": parameter " + layer + "." + name + " ("
                        + rows + "×" + cols + ") brings the network to " + after + " parameters, more than the "
                        + MAX_PARAMETERS + " one parameter buffer holds");
            }
            names.add(new String[] {layer, layer + "." + name});
            kinds.add(kind);
            shapes.add(new int[] {rows, cols, total});
            total = (int) after;
            return shapes.size() - 1;
        }

        /** Allocates the buffers and the views, stored in double. */
        public ParameterBuffer allocate() {
            return allocate(Precision.FLOAT64);
        }

        /**
         * Allocates the buffers and the views; {@link Precision#FLOAT32} adds float storage (see
         * {@link ParameterBuffer}). The values are zero.
         */
        public ParameterBuffer allocate(Precision precision) {
            double[] values = new double[total];
            double[] grads = new double[total];
            List<Parameter> params = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                int[] s = shapes.get(i);
                params.add(new Parameter(names.get(i)[1], names.get(i)[0], kinds.get(i), s[2],
                        Matrix.view(values, s[2], s[0], s[1]), Matrix.view(grads, s[2], s[0], s[1])));
            }
            return new ParameterBuffer(values, grads, params, precision);
        }
    }
}
