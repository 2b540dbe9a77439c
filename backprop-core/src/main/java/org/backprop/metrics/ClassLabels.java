package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/** Class labels (0-based ints) from score, probability or one-hot rows, and back. */
public final class ClassLabels {
    private ClassLabels() {
    }

    /**
     * The column of each row's largest value (n×k → n labels), the first one on ties: the predicted
     * class of logits or probabilities, the class of one-hot targets.
     */
    public static int[] argmax(Matrix scores) {
        int[] labels = new int[scores.rows()];
        for (int i = 0; i < scores.rows(); i++) {
            int best = 0;
            for (int j = 1; j < scores.cols(); j++) {
                if (scores.get(i, j) > scores.get(i, best)) {
                    best = j;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    /** Labels 0/1 from one column of probabilities (n×1): 1 where p ≥ {@code threshold}. */
    public static int[] threshold(Matrix probabilities, double threshold) {
        if (probabilities.cols() != 1) {
            throw new IllegalArgumentException("threshold: expected one column of probabilities, got "
                    + probabilities.shape());
        }
        int[] labels = new int[probabilities.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = probabilities.get(i, 0) >= threshold ? 1 : 0;
        }
        return labels;
    }

    /** One-hot rows (n×classes) for labels in [0, classes). */
    public static Matrix oneHot(int[] labels, int classes) {
        Matrix m = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("oneHot: label " + labels[i] + " at row " + i
                        + " is outside [0, " + classes + ")");
            }
            m.set(i, labels[i], 1.0);
        }
        return m;
    }
}
