package org.backprop.io.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-class weights of the training loss, written as {@code backprop train --class-weight} takes
 * them: {@code balanced} gives class c the weight n / (k · n_c) over the n training rows and k
 * classes (scikit-learn's rule; a class without training rows keeps 1), or {@code LABEL=W} pairs
 * separated by commas (each W a finite number ≥ 0), other classes 1. Shared by the command line and
 * the Spark ML classifier's {@code classWeight} param.
 */
public final class ClassWeights {
    private ClassWeights() {
    }

    /**
     * Checks the syntax of {@code spec} (without knowing the classes).
     *
     * @throws IllegalArgumentException naming the bad pair or weight
     */
    public static void check(String spec) {
        if (!isBalanced(spec)) {
            explicit(spec);
        }
    }

    /** True for {@code balanced} (any case, surrounding blanks ignored). */
    public static boolean isBalanced(String spec) {
        return spec.trim().equalsIgnoreCase("balanced");
    }

    /**
     * The weight of every class of {@code classes} (in that order) by {@code spec}.
     *
     * @param trainingCounts the training rows' count of each label (labels without rows may be absent)
     * @throws IllegalArgumentException for a bad pair or weight, or a label that is not a class
     */
    public static Map<String, Double> of(String spec, List<String> classes, Map<String, Long> trainingCounts) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (isBalanced(spec)) {
            long n = 0;
            for (long count : trainingCounts.values()) {
                n += count;
            }
            for (String c : classes) {
                long count = trainingCounts.getOrDefault(c, 0L);
                weights.put(c, count == 0 ? 1.0 : (double) n / (classes.size() * count));
            }
            return weights;
        }
        Map<String, Double> explicit = explicit(spec);
        for (String label : explicit.keySet()) {
            require(classes.contains(label), "no class \"" + label + "\" in the target"
                    + org.backprop.io.csv.ClosestName.among(label, classes).map(c -> " (did you mean \"" + c + "\"?)")
                    .orElse("") + "; classes: " + String.join(", ", classes));
        }
        classes.forEach(c -> weights.put(c, explicit.getOrDefault(c, 1.0)));
        return weights;
    }

    private static Map<String, Double> explicit(String spec) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.lastIndexOf('=');
            require(eq > 0, "expected 'balanced' or LABEL=WEIGHT pairs separated by commas, got '" + pair + "'");
            String label = pair.substring(0, eq).trim();
            double w;
            try {
                w = Double.parseDouble(pair.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of \"" + label + "\" is not a number: '"
                        + pair.substring(eq + 1) + "'", e);
            }
            require(w >= 0 && Double.isFinite(w), "weight of \"" + label + "\" must be a finite number ≥ 0, got "
                    + w);
            require(weights.put(label, w) == null, "class \"" + label + "\" given twice");
        }
        return weights;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
