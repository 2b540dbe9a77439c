package org.backprop.metrics;

/**
 * The sums behind accuracy, the {@link ClassReport} and the {@link ConfusionMatrix} of a
 * classification, added a chunk of rows at a time in row order (e.g. predictions computed in
 * batches), so that no per-row array of all rows is needed: {@link #accuracy()} equals
 * {@link Accuracy#of(int[], int[], double[])} and {@link #report()} {@link ClassReport#of(int[], int[],
 * int, double[])} of all rows bit for bit (the same sums in the same order; the report sums through
 * this class).
 */
public final class ClassTally {
    private final int classes;
    private final double[] truePositive;
    private final double[] predictedMass;
    private final double[] actualMass;
    private final long[][] counts;
    private double correct;
    private double total;

    /** An empty tally of labels in [0, classes). */
    public ClassTally(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("class tally: classes must be at least 1, got " + classes);
        }
        this.classes = classes;
        this.truePositive = new double[classes];
        this.predictedMass = new double[classes];
        this.actualMass = new double[classes];
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
            total += w;
            predictedMass[predicted[i]] += w;
            actualMass[actual[i]] += w;
            if (predicted[i] == actual[i]) {
                correct += w;
                truePositive[actual[i]] += w;
            }
            counts[actual[i]][predicted[i]]++;
        }
    }

    /** The (weighted) share of rows predicted right. */
    public double accuracy() {
        return correct / total;
    }

    /** Precision, recall, F1 and support of each class. */
    public ClassReport report() {
        return ClassReport.ofMasses(truePositive.clone(), predictedMass.clone(), actualMass.clone());
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
