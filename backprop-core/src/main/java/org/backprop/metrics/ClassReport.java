package org.backprop.metrics;

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

    /** The unweighted mean of the per-class F1 scores. */
    public double macroF1() {
        double sum = 0;
        for (double v : f1) {
            sum += v;
        }
        return sum / f1.length;
    }
}
