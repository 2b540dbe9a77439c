package org.backprop.metrics;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Per-class precision, recall, F1 and support, and their unweighted mean over classes (macro
 * average), as scikit-learn's {@code precision_recall_fscore_support(y_true, y_pred, labels=range(k),
 * zero_division=0)} and {@code f1_score(…, average='macro')}. For class c: precision = TP/(TP + FP),
 * recall = TP/(TP + FN), F1 = 2·P·R/(P + R); a ratio with a zero denominator is 0 (scikit-learn's
 * {@code zero_division=0}). With sample weights each row counts its weight. Immutable.
 */
public final class ClassReport {
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final double[] support;

    private ClassReport(double[] precision, double[] recall, double[] f1, double[] support) {
        this.precision = precision;
        this.recall = recall;
        this.f1 = f1;
        this.support = support;
    }

    /** The report of {@code predicted} against {@code actual} (labels in [0, classes)), true labels first. */
    public static ClassReport of(int[] actual, int[] predicted, int classes) {
        return of(actual, predicted, classes, null);
    }

    /** As {@link #of(int[], int[], int)} weighting row i by {@code weights[i]} (null = all 1). */
    public static ClassReport of(int[] actual, int[] predicted, int classes, double[] weights) {
        MetricInputs.requirePaired("class_report", actual, predicted);
        MetricInputs.requireWeights("class_report", weights, actual.length);
        ConfusionMatrix.of(actual, predicted, classes); // checks the label ranges
        ClassTally tally = new ClassTally(classes);
        tally.add(actual, predicted, weights, 0);
        return tally.report();
    }

    /**
     * The report of classes whose rows weigh {@code actualMass[c]}, of which rows predicted as c weigh
     * {@code predictedMass[c]} and rows predicted right {@code truePositive[c]} (see {@link ClassTally}).
     */
    static ClassReport ofMasses(double[] truePositive, double[] predictedMass, double[] actualMass) {
        int classes = actualMass.length;
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double[] f1 = new double[classes];
        for (int c = 0; c < classes; c++) {
            precision[c] = ratio(truePositive[c], predictedMass[c]);
            recall[c] = ratio(truePositive[c], actualMass[c]);
            f1[c] = ratio(2 * precision[c] * recall[c], precision[c] + recall[c]);
        }
        return new ClassReport(precision, recall, f1, actualMass);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }

    /** Number of classes k. */
    public int classes() {
        return precision.length;
    }

    /** TP/(TP + FP) of class c (0 if nothing was predicted as c). */
    public double precision(int c) {
        return precision[c];
    }

    /** TP/(TP + FN) of class c (0 if no row is of class c). */
    public double recall(int c) {
        return recall[c];
    }

    /** The harmonic mean of precision and recall of class c (0 if both are 0). */
    public double f1(int c) {
        return f1[c];
    }

    /** The number (or total weight) of rows whose true class is c. */
    public double support(int c) {
        return support[c];
    }

    /**
     * A table as scikit-learn's {@code classification_report}: one line per class (by index) with
     * its precision, recall, F1 and support, then the macro F1, e.g.
     * <pre>
     * class  precision  recall      f1  support
     *     0     0.9434  0.9615  0.9524       52
     *     1     0.9583  0.9388  0.9485       49
     * macro F1 0.9504
     * </pre>
     */
    @Override
    public String toString() {
        return toString(indexNames(classes()));
    }

    /**
     * As {@link #toString()} with the classes named by {@code labels} (one per class, in index order).
     *
     * @throws IllegalArgumentException unless there is one label per class
     */
    public String toString(List<String> labels) {
        requireLabels(labels, classes());
        int width = "class".length();
        for (String label : labels) {
            width = Math.max(width, label.length());
        }
        String line = "%" + width + "s  %9s  %6s  %6s  %7s";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, line, "class", "precision", "recall", "f1",
                "support"));
        for (int c = 0; c < classes(); c++) {
            sb.append('\n').append(String.format(Locale.ROOT, line, labels.get(c), number(precision[c]),
                    number(recall[c]), number(f1[c]), String.format(Locale.ROOT, "%.6g", support[c])
                            .replaceAll("\\.?0+$", "")));
        }
        return sb.append('\n').append("macro F1 ").append(number(macroF1())).toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** "0", "1", …: the names of {@code classes} classes without labels. */
    static List<String> indexNames(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }

    /** Refuses {@code labels} unless it names each of {@code classes} classes. */
    static void requireLabels(List<String> labels, int classes) {
        if (labels.size() != classes) {
            throw new IllegalArgumentException(labels.size() + " labels for " + classes + " classes");
        }
    }

    /** The unweighted mean of the per-class F1 scores. */
    public double macroF1() {
        double sum = 0;
        for (double v : f1) {
            sum += v;
        }
        return sum / f1.length;
    }
}
