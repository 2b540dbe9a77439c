package org.backprop.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalDouble;

/**
 * Area under the ROC curve of a binary classifier: the probability that a random positive row
 * scores above a random negative one (ties count one half), computed as the trapezoidal area under
 * the curve of (false positive rate, true positive rate) over every distinct score threshold, as
 * scikit-learn's {@code roc_auc_score(y_true, y_score, sample_weight=w)}. Arguments true labels
 * first (0 = negative, 1 = positive), then scores (any monotone score: the positive class's
 * probability or logit).
 *
 * <p>Undefined when only one class is present (no pair to rank): {@link #of} then returns
 * {@link OptionalDouble#empty()} where scikit-learn raises an error.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** The ROC AUC of {@code scores} for the labels {@code actual} (0 or 1), or empty with one class only. */
    public static OptionalDouble of(int[] actual, double[] scores) {
        return of(actual, scores, null);
    }

    /** As {@link #of(int[], double[])} weighting row i by {@code weights[i]} (null = all 1). */
    public static OptionalDouble of(int[] actual, double[] scores, double[] weights) {
        if (actual.length != scores.length) {
            throw new IllegalArgumentException("roc_auc: " + actual.length + " true labels but " + scores.length
                    + " scores");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("roc_auc: no labels");
        }
        MetricInputs.requireWeights("roc_auc", weights, actual.length);
        Integer[] order = new Integer[actual.length];
        for (int i = 0; i < order.length; i++) {
            if (actual[i] != 0 && actual[i] != 1) {
                throw new IllegalArgumentException("roc_auc: label " + actual[i] + " at row " + i
                        + " is not 0 or 1 (ROC AUC is for binary targets)");
            }
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("roc_auc: score at row " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double tp = 0;
        double fp = 0;
        double area = 0;
        for (int k = 0; k < order.length; ) {
            double previousTp = tp;
            double previousFp = fp;
            double score = scores[order[k]];
            for (; k < order.length && scores[order[k]] == score; k++) {
                double w = MetricInputs.weight(weights, order[k]);
                if (actual[order[k]] == 1) {
                    tp += w;
                } else {
                    fp += w;
                }
            }
            area += (fp - previousFp) * (tp + previousTp) / 2;
        }
        return tp == 0 || fp == 0 ? OptionalDouble.empty() : OptionalDouble.of(area / (tp * fp));
    }
}
