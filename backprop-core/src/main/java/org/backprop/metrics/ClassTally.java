package org.backprop.metrics;

import java.io.Serializable;

/**
 * The sums behind accuracy, the {@link ClassReport} and the {@link ConfusionMatrix} of a
 * classification, added a chunk of rows at a time (e.g. predictions computed in batches) or a
 * partition at a time and {@link #merge merged}, so that no per-row array of all rows is needed. The
 * weights are summed as {@link ExactSum}s and the confusion counts are integers, so
 * {@link #accuracy()} equals {@link Accuracy#of(int[], int[], double[])} and {@link #report()}
 * {@link ClassReport#of(int[], int[], int, double[])} of all rows bit for bit (the report sums through
 * this class) whatever the chunks, partitions and their order.
 */
public final class ClassTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int classes;
    private final ExactSum[] truePositive;
    private final ExactSum[] predictedMass;
    private final ExactSum[] actualMass;
    private final long[][] counts;
    private final ExactSum correct = new ExactSum();
    private final ExactSum total = new ExactSum();

    /** An empty tally of labels in [0, classes). */
    public ClassTally(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("class tally: classes must be at least 1, got " + classes);
        }
        this.classes = classes;
        this.truePositive = sums(classes);
        this.predictedMass = sums(classes);
        this.actualMass = sums(classes);
        this.counts = new long[classes][classes];
    }

    /**
     * Adds the pairs (actual[i], predicted[i]) (labels in [0, classes)), row i weighted by
     * {@code weights[weightOffset + i]} (weights null: every row 1; the confusion matrix counts rows).
     *
     * @throws IllegalArgumentException on a label out of range or arrays of different lengths
     */
    public void add(int[] actual, int[] predicted, double[] weights, int weightOffset) {
        MetricInputs.requirePaired("class_tally", actual, predicted);
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("class tally: label pair (" + actual[i] + ", " + predicted[i]
                        + ") at row " + i + " is outside [0, " + classes + ")");
            }
            double w = weights == null ? 1.0 : weights[weightOffset + i];
            total.add(w);
            predictedMass[predicted[i]].add(w);
            actualMass[actual[i]].add(w);
            if (predicted[i] == actual[i]) {
                correct.add(w);
                truePositive[actual[i]].add(w);
            }
            counts[actual[i]][predicted[i]]++;
        }
    }

    /**
     * Adds the sums and counts of {@code other} (unchanged), a tally of the same number of classes:
     * as if its rows had been added to this one.
     */
    public void merge(ClassTally other) {
        if (other.classes != classes) {
            throw new IllegalArgumentException("class tally: cannot merge a tally of " + other.classes
                    + " classes into one of " + classes);
        }
        for (int c = 0; c < classes; c++) {
            truePositive[c].add(other.truePositive[c]);
            predictedMass[c].add(other.predictedMass[c]);
            actualMass[c].add(other.actualMass[c]);
            for (int p = 0; p < classes; p++) {
                counts[c][p] += other.counts[c][p];
            }
        }
        correct.add(other.correct);
        total.add(other.total);
    }

    /** The number of rows added. */
    public long rows() {
        return new ConfusionMatrix(counts).total();
    }

    /** The (weighted) share of rows predicted right. */
    public double accuracy() {
        return correct.doubleValue() / total.doubleValue();
    }

    /** Precision, recall, F1 and support of each class. */
    public ClassReport report() {
        return ClassReport.ofMasses(values(truePositive), values(predictedMass), values(actualMass));
    }

    private static ExactSum[] sums(int n) {
        ExactSum[] sums = new ExactSum[n];
        for (int i = 0; i < n; i++) {
            sums[i] = new ExactSum();
        }
        return sums;
    }

    private static double[] values(ExactSum[] sums) {
        double[] values = new double[sums.length];
        for (int i = 0; i < sums.length; i++) {
            values[i] = sums[i].doubleValue();
        }
        return values;
    }

    /** The confusion matrix of the rows added (counts, whatever the weights). */
    public ConfusionMatrix confusion() {
        long[][] copy = new long[classes][];
        for (int t = 0; t < classes; t++) {
            copy[t] = counts[t].clone();
        }
        return new ConfusionMatrix(copy);
    }
}
