package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/** Accuracy: the fraction of rows whose predicted class equals the true class, in [0, 1]. */
public final class Accuracy {
    private Accuracy() {
    }

    /** The fraction of positions where {@code predicted[i] == actual[i]} (equal, non-zero lengths). */
    public static double of(int[] predicted, int[] actual) {
        MetricInputs.requirePaired("accuracy", predicted, actual);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    /**
     * Accuracy of score rows (logits or probabilities, n×k) against one-hot or probability target
     * rows (n×k), comparing their {@link ClassLabels#argmax}.
     */
    public static double ofRows(Matrix scores, Matrix targets) {
        MetricInputs.requirePaired("accuracy", scores, targets);
        return of(ClassLabels.argmax(scores), ClassLabels.argmax(targets));
    }
}
