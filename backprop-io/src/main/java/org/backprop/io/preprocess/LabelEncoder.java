package org.backprop.io.preprocess;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.backprop.io.DoubleTable;

/**
 * Maps class labels (strings) to class indices {@code 0..k-1} and back.
 *
 * <p>Order: if every distinct label is an integer ({@code [+-]?[0-9]+}), classes are sorted by
 * numeric value (so {@code "2" < "10"}; labels equal in value such as {@code "7"} and {@code "07"}
 * stay distinct and are ordered by their text); otherwise by {@link String#compareTo} (UTF-16 code
 * units, locale-independent). Labels are compared exactly as given (no trimming, case-sensitive).
 */
public final class LabelEncoder {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Gson GSON = new Gson();

    private final List<String> classes;
    private final Map<String, Integer> indexOf;

    private LabelEncoder(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.indexOf = new HashMap<>();
        for (int i = 0; i < this.classes.size(); i++) {
            if (indexOf.put(this.classes.get(i), i) != null) {
                throw new IllegalArgumentException("class \"" + this.classes.get(i) + "\" is listed twice");
            }
        }
    }

    /** Collects and sorts the distinct labels (see class comment for the order). */
    public static LabelEncoder fit(String[] labels) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(List.of(labels)));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no labels to fit");
        }
        boolean allIntegers = distinct.stream().allMatch(l -> INTEGER.matcher(l).matches());
        distinct.sort(allIntegers ? numericOrder() : Comparator.naturalOrder());
        return new LabelEncoder(distinct);
    }

    /** An encoder with exactly these classes in this order (e.g. read back from a model file). */
    public static LabelEncoder of(List<String> classes) {
        return new LabelEncoder(classes);
    }

    /** Rebuilds an encoder from {@link #toJson()} output. */
    public static LabelEncoder fromJson(String json) {
        try {
            String[] classes = GSON.fromJson(json, String[].class);
            if (classes == null || Arrays.asList(classes).contains(null)) {
                throw new IllegalArgumentException("expected a JSON array of strings, got: " + json);
            }
            return of(List.of(classes));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("expected a JSON array of strings, got: " + json, e);
        }
    }

    /** The classes as a JSON array of strings in index order, e.g. for safetensors metadata. */
    public String toJson() {
        return GSON.toJson(classes);
    }

    /** Classes in index order. */
    public List<String> classes() {
        return classes;
    }

    /** Classes {@link #known()} names; it counts the others. */
    public static final int KNOWN_NAMED = 10;

    /**
     * The classes for an error about a label that is not one of them: {@code known: [a, b, c]}, or
     * for more than {@value #KNOWN_NAMED} classes the first {@value #KNOWN_NAMED} and the count
     * ({@code known: 526 classes, such as [a, …, j]}).
     */
    public String known() {
        return classes.size() <= KNOWN_NAMED ? "known: " + classes : "known: " + classes.size()
                + " classes, such as " + classes.subList(0, KNOWN_NAMED);
    }

    /** Number of classes. */
    public int classCount() {
        return classes.size();
    }

    /**
     * Index of {@code label}.
     *
     * @throws IllegalArgumentException for a label not seen when fitting
     */
    public int encode(String label) {
        Integer index = indexOf.get(label);
        if (index == null) {
            throw new IllegalArgumentException("unknown class label \"" + label + "\"; known classes: " + classes);
        }
        return index;
    }

    /** Indices of all {@code labels}. */
    public int[] encode(String[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = encode(labels[i]);
        }
        return out;
    }

    /** The label of class {@code index}. */
    public String decode(int index) {
        return classes.get(Objects.checkIndex(index, classes.size()));
    }

    /** The labels of all {@code indices}. */
    public String[] decode(int[] indices) {
        String[] out = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = decode(indices[i]);
        }
        return out;
    }

    /** One row per index with a 1 in that class's column; columns are named by the class labels. */
    public DoubleTable oneHot(int[] indices) {
        int k = classes.size();
        double[] data = new double[indices.length * k];
        for (int i = 0; i < indices.length; i++) {
            data[i * k + Objects.checkIndex(indices[i], k)] = 1;
        }
        return new DoubleTable(data, indices.length, k, classes);
    }

    private static Comparator<String> numericOrder() {
        return Comparator.<String, BigInteger>comparing(BigInteger::new).thenComparing(Comparator.naturalOrder());
    }

    @Override
    public String toString() {
        return "LabelEncoder" + classes;
    }
}
