package org.backprop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

import org.backprop.loss.SoftmaxCrossEntropy;
import org.backprop.metrics.ClassLabels;
import org.backprop.metrics.ClassTally;
import org.backprop.metrics.ExactSum;
import org.backprop.metrics.LogLossSum;
import org.backprop.metrics.RSquared;
import org.backprop.metrics.RegressionTally;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * What the exact sums ({@link ExactSum}) cost in {@code backprop train}'s final metrics pass, per
 * batch of {@value #ROWS} rows, in the calling thread's CPU time (comparable on a shared machine):
 * the forward pass that pass makes anyway (20 → 64 → 32 → k, one kernel thread), the metric tallies
 * as {@code SplitTally} adds them (weighted and unweighted: classification {@link ClassTally} +
 * {@link LogLossSum} with k = 10 classes; regression {@link RegressionTally} + R²'s squared
 * deviations), and the same arithmetic in plain double sums, the way the tallies summed before
 * (the reference). The three alternate within each round; prints µs per batch, the tallies' share of
 * the pass and their cost over the plain sums.
 *
 * <pre>
 * backprop-bench/bench-java MetricSumsCost [rounds]
 * </pre>
 */
public final class MetricSumsCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROWS = 4096;
    private static final int CLASSES = 10;
    private static final int BATCHES = 7;
    private static final int CALLS = 20;

    private MetricSumsCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SplittableRandom r = new SplittableRandom(1);
        Matrix x = Matrix.zeros(ROWS, 20);
        for (int k = 0; k < x.size(); k++) {
            x.setFlat(k, r.nextDouble(-1, 1));
        }
        int[] actual = new int[ROWS];
        double[] weights = new double[ROWS];
        Matrix y = Matrix.zeros(ROWS, 1);
        for (int i = 0; i < ROWS; i++) {
            actual[i] = r.nextInt(CLASSES);
            weights[i] = r.nextDouble(0, 2);
            y.set(i, 0, r.nextGaussian() * 10 + 100);
        }
        NeuralNetwork classifier = NeuralNetwork.builder(20).dense(64, "relu").dense(32, "relu")
                .dense(CLASSES, "linear").loss(new SoftmaxCrossEntropy()).seed(1).threads(1).build();
        NeuralNetwork regressor = NeuralNetwork.builder(20).dense(64, "relu").dense(32, "relu").dense(1, "linear")
                .seed(1).threads(1).build();
        Matrix probabilities = classifier.predictProbabilities(x);
        Matrix predicted = regressor.predict(x);
        System.out.println(Machine.describe());
        System.out.println("batch " + ROWS + " rows; classification " + CLASSES + " classes; thread CPU time, best of "
                + BATCHES + " × " + CALLS + " calls");
        for (int round = 1; round <= rounds; round++) {
            double forwardC = time(() -> classifier.predictProbabilities(x));
            double exactC = time(() -> exactClassification(actual, probabilities, weights));
            double plainC = time(() -> plainClassification(actual, probabilities, weights));
            double forwardR = time(() -> regressor.predict(x));
            double exactR = time(() -> exactRegression(y, predicted, weights));
            double plainR = time(() -> plainRegression(y, predicted, weights));
            System.out.println(String.format(Locale.ROOT, "round %d  classification: forward %8.1f us, exact tallies "
                            + "%7.1f us (%4.1f %% of the pass), plain sums %7.1f us (exact %+6.1f us = %4.1f %% of the pass)",
                    round, forwardC, exactC, 100 * exactC / (forwardC + exactC), plainC, exactC - plainC,
                    100 * (exactC - plainC) / (forwardC + plainC)));
            System.out.println(String.format(Locale.ROOT, "round %d  regression:     forward %8.1f us, exact tallies "
                            + "%7.1f us (%4.1f %% of the pass), plain sums %7.1f us (exact %+6.1f us = %4.1f %% of the pass)",
                    round, forwardR, exactR, 100 * exactR / (forwardR + exactR), plainR, exactR - plainR,
                    100 * (exactR - plainR) / (forwardR + plainR)));
        }
        System.out.println(String.format(Locale.ROOT, "(checksum %.3g)", sink));
    }

    private static double sink;

    /** What SplitTally adds for a weighted classification batch. */
    private static void exactClassification(int[] actual, Matrix probabilities, double[] weights) {
        ClassTally tally = new ClassTally(CLASSES);
        ClassTally weighted = new ClassTally(CLASSES);
        LogLossSum logLoss = new LogLossSum();
        LogLossSum weightedLogLoss = new LogLossSum();
        int[] predicted = ClassLabels.argmax(probabilities);
        Matrix oneHot = ClassLabels.oneHot(actual, CLASSES);
        tally.add(actual, predicted, null, 0);
        logLoss.add(oneHot, probabilities, null, 0);
        weighted.add(actual, predicted, weights, 0);
        weightedLogLoss.add(oneHot, probabilities, weights, 0);
        sink += tally.accuracy() + weighted.accuracy() + logLoss.value() + weightedLogLoss.value();
    }

    /** The same sums in plain doubles (row order), as the tallies summed before the exact sums. */
    private static void plainClassification(int[] actual, Matrix probabilities, double[] weights) {
        int[] predicted = ClassLabels.argmax(probabilities);
        Matrix oneHot = ClassLabels.oneHot(actual, CLASSES);
        double total = 0;
        for (double[] w : new double[][] {null, weights}) {
            double[] tp = new double[CLASSES];
            double[] predictedMass = new double[CLASSES];
            double[] actualMass = new double[CLASSES];
            long[][] counts = new long[CLASSES][CLASSES];
            double correct = 0;
            double rows = 0;
            double loss = 0;
            double lossWeight = 0;
            for (int i = 0; i < actual.length; i++) {
                double wi = w == null ? 1.0 : w[i];
                rows += wi;
                predictedMass[predicted[i]] += wi;
                actualMass[actual[i]] += wi;
                if (predicted[i] == actual[i]) {
                    correct += wi;
                    tp[actual[i]] += wi;
                }
                counts[actual[i]][predicted[i]]++;
                double row = 0;
                for (int j = 0; j < CLASSES; j++) {
                    double p = Math.min(Math.max(probabilities.get(i, j), 1e-15), 1 - 1e-15);
                    row -= oneHot.get(i, j) * Math.log(p);
                }
                loss += wi * row;
                lossWeight += wi;
            }
            total += correct / rows + loss / lossWeight + tp[0] + predictedMass[0] + actualMass[0] + counts[0][0];
        }
        sink += total;
    }

    /** What SplitTally adds for a weighted regression batch. */
    private static void exactRegression(Matrix y, Matrix predicted, double[] weights) {
        RegressionTally errors = new RegressionTally();
        RegressionTally weighted = new RegressionTally();
        ExactSum deviations = new ExactSum();
        errors.add(y, predicted, null, 0);
        weighted.add(y, predicted, weights, 0);
        for (int i = 0; i < y.rows(); i++) {
            RSquared.addSquaredDeviation(deviations, y.get(i, 0), 100);
        }
        sink += errors.mse() + weighted.mae() + deviations.doubleValue();
    }

    /** The same sums in plain doubles. */
    private static void plainRegression(Matrix y, Matrix predicted, double[] weights) {
        double total = 0;
        for (double[] w : new double[][] {null, weights}) {
            double squares = 0;
            double absolutes = 0;
            double rows = 0;
            for (int i = 0; i < y.rows(); i++) {
                double d = y.get(i, 0) - predicted.get(i, 0);
                double wi = w == null ? 1.0 : w[i];
                squares += wi * (d * d);
                absolutes += wi * Math.abs(d);
                rows += wi;
            }
            total += squares / rows + absolutes / rows;
        }
        double ss = 0;
        for (int i = 0; i < y.rows(); i++) {
            double d = y.get(i, 0) - 100;
            ss += d * d;
        }
        sink += total + ss;
    }

    private static double time(Runnable call) {
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        long best = Long.MAX_VALUE;
        for (int batch = 0; batch < BATCHES; batch++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < CALLS; i++) {
                call.run();
            }
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
        }
        return best / 1e3 / CALLS;
    }
}
