package org.backprop.network;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hyperparameters of one configurable part (an activation, a loss, an initializer, a layer
 * spec), by name, in a fixed order: the generic form that model files store and registries build
 * from, so that a new hyperparameter needs no serializer change.
 *
 * <p>A value is one of: a {@code Double} (every number; integers are whole doubles, read back with
 * {@link #integer}), a {@code String}, a {@link Component} (a nested part, e.g. a dense layer's
 * activation) or a {@code List<Double>} (e.g. an embedding's column indexes). Immutable; equal when
 * the same names map to equal values (doubles compared bit for bit, as {@link Double#equals}).
 */
public final class Params implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No hyperparameters. */
    public static final Params EMPTY = new Params(new LinkedHashMap<>());

    private final LinkedHashMap<String, Object> values;

    private Params(LinkedHashMap<String, Object> values) {
        this.values = values;
    }

    /** One hyperparameter. */
    public static Params of(String name, Object value) {
        return EMPTY.with(name, value);
    }

    /** Two hyperparameters, in this order. */
    public static Params of(String name1, Object value1, String name2, Object value2) {
        return EMPTY.with(name1, value1).with(name2, value2);
    }

    /**
     * These hyperparameters plus {@code name} = {@code value} (replacing an earlier value of that
     * name, keeping its place). Numbers become {@code Double}s, int arrays and lists of numbers
     * {@code List<Double>}s.
     *
     * @throws IllegalArgumentException for a value of another type, a non-finite number or a blank name
     */
    public Params with(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a hyperparameter needs a name");
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, normalize(name, value));
        return new Params(copy);
    }

    private static Object normalize(String name, Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("hyperparameter " + name + " must be finite, got " + d);
            }
            return d;
        }
        if (value instanceof String || value instanceof Component) {
            return value;
        }
        if (value instanceof int[] ints) {
            List<Double> list = new ArrayList<>();
            for (int i : ints) {
                list.add((double) i);
            }
            return List.copyOf(list);
        }
        if (value instanceof List<?> list) {
            List<Double> copy = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new IllegalArgumentException("hyperparameter " + name + " must be a list of finite numbers, "
                            + "got " + list);
                }
                copy.add(n.doubleValue());
            }
            return List.copyOf(copy);
        }
        throw new IllegalArgumentException("hyperparameter " + name + ": a value must be a number, a string, a "
                + "component or a list of numbers, got " + value);
    }

    /** The names and values in order (unmodifiable). */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** True if {@code name} is set. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** True if no hyperparameter is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The number {@code name}, or {@code fallback} if it is not set. */
    public double number(String name, double fallback) {
        return optional(name, Double.class, "a number", fallback);
    }

    /** The number {@code name}, which must be set. */
    public double number(String name) {
        return required(name, Double.class, "a number");
    }

    /** The whole number {@code name}, which must be set. */
    public int integer(String name) {
        return toInt(name, required(name, Double.class, "a whole number"));
    }

    /** The text {@code name}, or {@code fallback} if it is not set. */
    public String text(String name, String fallback) {
        return optional(name, String.class, "a string", fallback);
    }

    /** The component {@code name}, or null if it is not set. */
    public Component component(String name) {
        return optional(name, Component.class, "a component ({\"name\": …})", null);
    }

    private <T> T optional(String name, Class<T> type, String what, T fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("hyperparameter " + name + " must be " + what + ", got " + v);
        }
        return type.cast(v);
    }

    /** The list of whole numbers {@code name}. */
    public int[] integers(String name) {
        List<?> list = required(name, List.class, "a list of whole numbers");
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(name, (Double) list.get(i));
        }
        return out;
    }

    private <T> T required(String name, Class<T> type, String what) {
        T v = optional(name, type, what, null);
        if (v == null) {
            throw new IllegalArgumentException("hyperparameter " + name + " is missing");
        }
        return v;
    }

    private static int toInt(String name, double d) {
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("hyperparameter " + name + " must be a whole number, got " + d);
        }
        return (int) d;
    }

    /**
     * Throws {@link IllegalArgumentException} if this holds a name that {@code known} (the full
     * hyperparameters of the part built from these) lacks: a misspelt or foreign hyperparameter.
     */
    public void requireKnownBy(String part, Params known) {
        for (String name : values.keySet()) {
            if (!known.has(name)) {
                throw new IllegalArgumentException(part + " has no hyperparameter '" + name + "'"
                        + (known.isEmpty() ? " (it takes none)" : "; it takes " + known.values.keySet()));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    /** {@code slope=0.3, reduction=mean}, or the empty string. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
