package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/**
 * Accuracy: the fraction of rows whose predicted class equals the true class, in [0, 1];
 * with sample weights, the weight of the correct rows over the total weight (scikit-learn's
 * {@code accuracy_score(y_true, y_pred, sample_weight=w)}); both sums are {@link ExactSum}s, so the
 * value does not depend on the order of the rows. Arguments in scikit-learn's order:
 * true labels first.
 */
public final class Accuracy {
    private Accuracy() {
    }

    /** The fraction of positions where {@code predicted[i] == actual[i]} (equal, non-zero lengths). */
    public static double of(int[] actual, int[] predicted) {
        return of(actual, predicted, null);
    }

    /** As {@link #of(int[], int[])} weighting row i by {@code weights[i]} (null = all 1). */
    public static double of(int[] actual, int[] predicted, double[] weights) {
        MetricInputs.requirePaired("accuracy", actual, predicted);
        MetricInputs.requireWeights("accuracy", weights, actual.length);
        ExactSum correct = new ExactSum();
        ExactSum total = new ExactSum();
        for (int i = 0; i < predicted.length; i++) {
            double w = MetricInputs.weight(weights, i);
            total.add(w);
            if (predicted[i] == actual[i]) {
                correct.add(w);
            }
        }
        return correct.doubleValue() / total.doubleValue();
    }

    /**
     * Accuracy of score rows (logits or probabilities, n×k) against one-hot or probability target
     * rows (n×k), comparing their {@link ClassLabels#argmax}.
     */
    public static double ofRows(Matrix targets, Matrix scores) {
        MetricInputs.requirePaired("accuracy", targets, scores);
        return of(ClassLabels.argmax(targets), ClassLabels.argmax(scores));
    }
}
