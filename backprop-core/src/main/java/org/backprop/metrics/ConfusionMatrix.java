package org.backprop.metrics;

import java.util.List;

/**
 * A k×k table of counts: {@code count(t, p)} is the number of rows whose true class is t and
 * predicted class is p (rows = true class, columns = predicted class, as scikit-learn). Immutable.
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /**
     * Counts the pairs (actual[i], predicted[i]); labels must lie in [0, classes). Arguments in
     * scikit-learn's order ({@code confusion_matrix(y_true, y_pred)}).
     *
     * @throws IllegalArgumentException on a label out of range or arrays of different lengths
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        MetricInputs.requirePaired("confusion_matrix", actual, predicted);
        if (classes < 1) {
            throw new IllegalArgumentException("confusion_matrix: classes must be at least 1, got " + classes);
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            counts[checked(actual[i], classes, "true", i)][checked(predicted[i], classes, "predicted", i)]++;
        }
        return new ConfusionMatrix(counts);
    }

    private static int checked(int label, int classes, String which, int row) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("confusion_matrix: " + which + " label " + label + " at row " + row
                    + " is outside [0, " + classes + ")");
        }
        return label;
    }

    /** Number of classes k. */
    public int classes() {
        return counts.length;
    }

    /** Rows with true class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Total number of rows counted. */
    public long total() {
        long sum = 0;
        for (long[] row : counts) {
            for (long c : row) {
                sum += c;
            }
        }
        return sum;
    }

    /** The counts as a new {@code long[k][k]}, rows = true class. */
    public long[][] toArray() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /**
     * A right-aligned table with a header of predicted classes, e.g.
     * <pre>
     * true\pred   0   1
     *         0  50   2
     *         1   3  45
     * </pre>
     */
    @Override
    public String toString() {
        return toString(ClassReport.indexNames(counts.length));
    }

    /**
     * As {@link #toString()} with the classes named by {@code labels} (one per class, in class index
     * order, e.g. a label encoder's classes) instead of their indices.
     *
     * @throws IllegalArgumentException unless there is one label per class
     */
    public String toString(List<String> labels) {
        ClassReport.requireLabels(labels, counts.length);
        String corner = "true\\pred";
        int labelWidth = corner.length();
        int width = Long.toString(total()).length();
        for (String label : labels) {
            width = Math.max(width, label.length());
            labelWidth = Math.max(labelWidth, label.length());
        }
        StringBuilder sb = new StringBuilder(pad(corner, labelWidth));
        for (int p = 0; p < counts.length; p++) {
            sb.append(' ').append(pad(labels.get(p), width));
        }
        for (int t = 0; t < counts.length; t++) {
            sb.append('\n').append(pad(labels.get(t), labelWidth));
            for (int p = 0; p < counts.length; p++) {
                sb.append(' ').append(pad(Long.toString(counts[t][p]), width));
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
