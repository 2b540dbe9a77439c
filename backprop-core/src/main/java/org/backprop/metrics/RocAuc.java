package org.backprop.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Area under the ROC curve of a binary classifier: the probability that a random positive row
 * scores above a random negative one (ties count one half), computed as the trapezoidal area under
 * the curve of (false positive rate, true positive rate) over every distinct score threshold, as
 * scikit-learn's {@code roc_auc_score(y_true, y_score, sample_weight=w)}. Arguments true labels
 * first (0 = negative, 1 = positive), then scores (any monotone score: the positive class's
 * probability or logit).
 *
 * <p>Without weights the area is counted exactly in integers ({@link RocArea}) and divided once,
 * correctly rounded, so rows ranked in parts (e.g. Spark partitions of rows sorted by score) give the
 * same bits as all rows at once.
 *
 * <p>Undefined when only one class is present (no pair to rank): {@link #of} then returns
 * {@link OptionalDouble#empty()} where scikit-learn raises an error.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** The ROC AUC of {@code scores} for the labels {@code actual} (0 or 1), or empty with one class only. */
    public static OptionalDouble of(int[] actual, double[] scores) {
        if (actual.length != scores.length) {
            throw new IllegalArgumentException("roc_auc: " + actual.length + " true labels but " + scores.length
                    + " scores");
        }
        int positives = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != 0 && actual[i] != 1) {
                throw new IllegalArgumentException("roc_auc: label " + actual[i] + " at row " + i
                        + " is not 0 or 1 (ROC AUC is for binary targets)");
            }
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("roc_auc: score at row " + i + " is NaN");
            }
            positives += actual[i];
        }
        double[] positive = new double[positives];
        double[] negative = new double[actual.length - positives];
        for (int i = 0, p = 0, q = 0; i < actual.length; i++) {
            if (actual[i] == 1) {
                positive[p++] = scores[i];
            } else {
                negative[q++] = scores[i];
            }
        }
        return ofClassScores(positive, negative);
    }

    /**
     * The ROC AUC of the scores of the positive rows against those of the negative rows, or empty when
     * either is empty: what {@link #of(int[], double[])} gives for the same rows, without an index per
     * row (8 bytes a row, e.g. for scores gathered a batch at a time). Sorts both arrays in place.
     *
     * @throws IllegalArgumentException if a score is NaN
     */
    public static OptionalDouble ofClassScores(double[] positive, double[] negative) {
        if (positive.length + negative.length == 0) {
            throw new IllegalArgumentException("roc_auc: no labels");
        }
        for (double[] scores : List.of(positive, negative)) {
            for (double s : scores) {
                if (Double.isNaN(s)) {
                    throw new IllegalArgumentException("roc_auc: a score is NaN");
                }
            }
        }
        Arrays.sort(positive);
        Arrays.sort(negative);
        // Distinct scores from the highest down (equal scores, 0.0 and -0.0 too, form one threshold),
        // counting each threshold's positive and negative rows.
        RocArea area = new RocArea();
        for (int i = positive.length - 1, j = negative.length - 1; i >= 0 || j >= 0; ) {
            double score = i < 0 ? negative[j] : j < 0 ? positive[i]
                    : Double.compare(positive[i], negative[j]) >= 0 ? positive[i] : negative[j];
            long tp = 0;
            long fp = 0;
            for (; i >= 0 && positive[i] == score; i--) {
                tp++;
            }
            for (; j >= 0 && negative[j] == score; j--) {
                fp++;
            }
            area.addThreshold(tp, fp);
        }
        return area.value();
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
