package org.backprop.cli;

import java.io.Serializable;

import org.backprop.metrics.ClassLabels;
import org.backprop.metrics.ClassTally;
import org.backprop.metrics.ExactSum;
import org.backprop.metrics.LogLossSum;
import org.backprop.metrics.RSquared;
import org.backprop.metrics.RegressionTally;
import org.backprop.tensor.Matrix;

/**
 * The sums behind one split's metrics ({@code backprop train}'s metrics report and --metrics-json),
 * added a batch of rows at a time and {@link #merge merged} across parts of the rows, e.g. one tally
 * per Spark partition computed on the executors. Every sum is exact ({@link ExactSum}, integer
 * counts), so the metrics do not depend on how the rows were split or in which order the parts are
 * merged. Only ROC AUC is not in here: it needs the rows ranked by score ({@link #rocScore}), see
 * {@link org.backprop.metrics.RocArea}.
 *
 * <p>Regression: the squared and absolute errors in the target's units (and weighted ones), and R²'s
 * total sum of squares around the split's target mean, which must be known before the first row is
 * added ({@link RSquared#mean} of the exact sum of the targets: a first pass). Classification: the
 * class tallies (accuracy, per-class report, confusion matrix) and log-loss sums, weighted and not.
 */
public final class SplitTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int classes;
    private final boolean weighted;
    private final double targetMean;
    private final RegressionTally errors;
    private final RegressionTally weightedErrors;
    private final ExactSum squaredDeviations;
    private final ClassTally tally;
    private final ClassTally weightedTally;
    private final LogLossSum logLoss;
    private final LogLossSum weightedLogLoss;

    private SplitTally(int classes, boolean weighted, double targetMean) {
        this.classes = classes;
        this.weighted = weighted;
        this.targetMean = targetMean;
        boolean regression = classes == 0;
        errors = regression ? new RegressionTally() : null;
        weightedErrors = regression && weighted ? new RegressionTally() : null;
        squaredDeviations = regression ? new ExactSum() : null;
        tally = regression ? null : new ClassTally(classes);
        weightedTally = !regression && weighted ? new ClassTally(classes) : null;
        logLoss = regression ? null : new LogLossSum();
        weightedLogLoss = !regression && weighted ? new LogLossSum() : null;
    }

    /**
     * An empty regression tally; {@code targetMean} is the mean of the split's true values (R²'s ȳ,
     * {@link RSquared#mean}); {@code weighted}: the rows come with weights (adds weighted_mse/mae).
     */
    public static SplitTally regression(double targetMean, boolean weighted) {
        return new SplitTally(0, weighted, targetMean);
    }

    /** An empty classification tally of {@code classes} ≥ 1 classes; {@code weighted} as in {@link #regression}. */
    public static SplitTally classification(int classes, boolean weighted) {
        if (classes < 1) {
            throw new IllegalArgumentException("split tally: classes must be at least 1, got " + classes);
        }
        return new SplitTally(classes, weighted, Double.NaN);
    }

    /** True if the metrics include ROC AUC: two classes, ranked by {@link #rocScore}. */
    public static boolean ranksRows(int classes) {
        return classes == 2;
    }

    /** The score ROC AUC ranks row {@code i} by: the second class's probability. */
    public static double rocScore(Matrix probabilities, int i) {
        return probabilities.get(i, 1);
    }

    /**
     * Adds regression rows: {@code actual} the true values and {@code predicted} the predictions
     * (both n×1, target units), {@code weights} the n rows' weights (null exactly when not weighted).
     */
    public void addRegression(Matrix actual, Matrix predicted, double[] weights) {
        requireWeights(weights, actual.rows());
        if (classes != 0) {
            throw new IllegalStateException("split tally: regression rows added to a classification tally");
        }
        errors.add(actual, predicted, null, 0);
        if (weighted) {
            weightedErrors.add(actual, predicted, weights, 0);
        }
        for (int i = 0; i < actual.rows(); i++) {
            RSquared.addSquaredDeviation(squaredDeviations, actual.get(i, 0), targetMean);
        }
    }

    /**
     * Adds classified rows: {@code actual} the true classes (in [0, classes)), {@code probabilities} the
     * predicted probabilities (n×m, the model's m ≤ classes classes first), {@code weights} as in
     * {@link #addRegression}. A row whose true class is m or above, one the model does not know (see
     * {@link UnknownClasses}), counts in the class tallies, never predicted right, but not in log loss,
     * which cannot score it.
     */
    public void addClassification(int[] actual, Matrix probabilities, double[] weights) {
        requireWeights(weights, actual.length);
        if (classes == 0) {
            throw new IllegalStateException("split tally: classified rows added to a regression tally");
        }
        int[] predicted = ClassLabels.argmax(probabilities);
        tally.add(actual, predicted, null, 0);
        if (weighted) {
            weightedTally.add(actual, predicted, weights, 0);
        }
        int[] scored = knownClassRows(actual, probabilities.cols());
        if (scored != null && scored.length == 0) {
            return; // every row of a class the model does not know: nothing for log loss to score
        }
        if (scored != null) {
            actual = pick(actual, scored);
            probabilities = probabilities.selectRows(scored);
            weights = weights == null ? null : pick(weights, scored);
        }
        Matrix oneHot = ClassLabels.oneHot(actual, probabilities.cols());
        logLoss.add(oneHot, probabilities, null, 0);
        if (weighted) {
            weightedLogLoss.add(oneHot, probabilities, weights, 0);
        }
    }

    /** The positions of the rows whose true class is one of the model's {@code modelClasses}, or null if all are. */
    private static int[] knownClassRows(int[] actual, int modelClasses) {
        int[] known = java.util.stream.IntStream.range(0, actual.length).filter(i -> actual[i] < modelClasses)
                .toArray();
        return known.length == actual.length ? null : known;
    }

    private static int[] pick(int[] values, int[] positions) {
        return java.util.Arrays.stream(positions).map(i -> values[i]).toArray();
    }

    private static double[] pick(double[] values, int[] positions) {
        return java.util.Arrays.stream(positions).mapToDouble(i -> values[i]).toArray();
    }

    private void requireWeights(double[] weights, int rows) {
        if (weighted != (weights != null) || weights != null && weights.length != rows) {
            throw new IllegalArgumentException("split tally: " + (weighted ? "a weighted" : "an unweighted")
                    + " tally got " + (weights == null ? "no weights" : weights.length + " weights") + " for " + rows
                    + " rows");
        }
    }

    /** Adds the sums of {@code other} (unchanged), a tally of the same kind, mean and weighting. */
    public void merge(SplitTally other) {
        if (other.classes != classes || other.weighted != weighted
                || Double.compare(other.targetMean, targetMean) != 0) {
            throw new IllegalArgumentException("split tally: cannot merge different tallies");
        }
        if (classes == 0) {
            errors.merge(other.errors);
            squaredDeviations.add(other.squaredDeviations);
            if (weighted) {
                weightedErrors.merge(other.weightedErrors);
            }
        } else {
            tally.merge(other.tally);
            logLoss.merge(other.logLoss);
            if (weighted) {
                weightedTally.merge(other.weightedTally);
                weightedLogLoss.merge(other.weightedLogLoss);
            }
        }
    }

    /** The number of rows added. */
    public long rows() {
        return classes == 0 ? errors.elements() : tally.rows();
    }

    int classes() {
        return classes;
    }

    boolean weighted() {
        return weighted;
    }

    RegressionTally errors() {
        return errors;
    }

    RegressionTally weightedErrors() {
        return weightedErrors;
    }

    /** R²'s SS_tot, Σ(y − ȳ)², rounded once. */
    double totalSumOfSquares() {
        return squaredDeviations.doubleValue();
    }

    ClassTally tally() {
        return tally;
    }

    ClassTally weightedTally() {
        return weightedTally;
    }

    LogLossSum logLoss() {
        return logLoss;
    }

    LogLossSum weightedLogLoss() {
        return weightedLogLoss;
    }
}
