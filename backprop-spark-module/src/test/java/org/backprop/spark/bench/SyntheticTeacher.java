package org.backprop.spark.bench;

import java.io.Serializable;
import java.util.Random;

/**
 * The synthetic classification set of {@link MllibComparison}: row {@code id} has {@value #FEATURES} standard
 * normal features x and a class in 0…{@value #CLASSES}−1 drawn as the argmax of a fixed random teacher's logits
 * f(x) = tanh(x·A)·B (A: {@value #FEATURES}×{@value #HIDDEN}, B: {@value #HIDDEN}×{@value #CLASSES}, both seeded)
 * plus independent Gumbel noise per class. The argmax of logits plus Gumbel noise is a draw from softmax(f(x)), so
 * the class is sampled from the teacher's softmax, and no classifier can beat the teacher's noiseless argmax: its
 * accuracy on a set of rows ({@link #bayesCorrect}) is the set's Bayes limit, and the mean of max softmax(f(x))
 * ({@link #bayesProbability}) its expectation. Each row comes from its own seed, so the data do not depend on the
 * partitioning.
 */
final class SyntheticTeacher implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int FEATURES = 50;
    static final int HIDDEN = 20;
    static final int CLASSES = 10;

    private final long seed;
    private final double[] a = new double[FEATURES * HIDDEN];
    private final double[] b = new double[HIDDEN * CLASSES];

    /** The teacher of {@code seed}: A ~ N(0, 1.5²/50), B ~ N(0, 1.5²), drawn from {@code new Random(seed)}. */
    SyntheticTeacher(long seed) {
        this.seed = seed;
        Random teacher = new Random(seed);
        for (int i = 0; i < a.length; i++) {
            a[i] = teacher.nextGaussian() / Math.sqrt(FEATURES) * 1.5;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = teacher.nextGaussian() * 1.5;
        }
    }

    /** Row {@code id}'s features ({@value #FEATURES}) followed by its class (as a double): length 51. */
    double[] row(long id) {
        Random r = new Random(id * 0x9E3779B97F4A7C15L + seed);
        double[] row = new double[FEATURES + 1];
        for (int j = 0; j < FEATURES; j++) {
            row[j] = r.nextGaussian();
        }
        double[] h = hidden(row);
        int label = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            double gumbel = -Math.log(-Math.log(r.nextDouble() * (1 - 1e-12) + 1e-12));
            double logit = logit(h, c, gumbel);
            if (logit > best) {
                best = logit;
                label = c;
            }
        }
        row[FEATURES] = label;
        return row;
    }

    /** The teacher's noiseless logits f(x) of the first {@value #FEATURES} values of {@code x}. */
    double[] logits(double[] x) {
        double[] h = hidden(x);
        double[] logits = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            logits[c] = logit(h, c, 0);
        }
        return logits;
    }

    /** 1 if the teacher's noiseless argmax is {@code label}, else 0: the Bayes classifier's hit on one row. */
    double bayesCorrect(double[] x, int label) {
        return argmax(logits(x)) == label ? 1 : 0;
    }

    /** max softmax(f(x)): the probability that the Bayes classifier is right on a row with features x. */
    double bayesProbability(double[] x) {
        double[] logits = logits(x);
        double max = logits[argmax(logits)];
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        return 1 / sum;
    }

    private double[] hidden(double[] x) {
        double[] h = new double[HIDDEN];
        for (int u = 0; u < HIDDEN; u++) {
            double s = 0;
            for (int j = 0; j < FEATURES; j++) {
                s += x[j] * a[j * HIDDEN + u];
            }
            h[u] = Math.tanh(s);
        }
        return h;
    }

    /** {@code start} plus the teacher's logit of class c, added term by term in that order. */
    private double logit(double[] h, int c, double start) {
        double s = start;
        for (int u = 0; u < HIDDEN; u++) {
            s += h[u] * b[u * CLASSES + c];
        }
        return s;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
