package org.backprop.spark.cli;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import org.backprop.cli.SplitTally;
import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.spark.data.EncodedPart;
import org.backprop.spark.score.ModelBytes;
import org.backprop.tensor.Matrix;

/**
 * One Spark partition's share of a split's metrics, computed on its executor: the partition's
 * {@link SplitTally} (exact sums, counts) and, for a two-class model only, each row's ROC score and
 * class, which stay on the executors ({@link DistributedRocAuc} sorts them there). The driver receives
 * the tally alone: a few hundred bytes whatever the number of rows.
 *
 * @param tally     the partition's sums
 * @param scores    two classes: each row's {@link SplitTally#rocScore}, −0.0 made 0.0 (one threshold); else null
 * @param positive  two classes: whether each row is of the second class; else null
 * @param nanScores rows whose score is NaN (ROC AUC refuses them)
 */
record PartitionMetrics(SplitTally tally, double[] scores, boolean[] positive, long nanScores)
        implements Serializable {
    /** Rows per forward pass, as {@code backprop train}'s batched predictions. */
    static final int BATCH_ROWS = 4096;

    /**
     * The share of the partition's rows {@code parts}: the outputs of {@code bytes}' model computed
     * {@value #BATCH_ROWS} rows at a time, against the rows' true values or labels; with
     * {@code weighted}, each row weighs {@link EncodedPart#weight} with {@code classWeights}.
     * {@code targetMean}: a regression split's mean target ({@link SplitSummaries}); ignored otherwise.
     */
    static PartitionMetrics of(Iterator<EncodedPart> parts, ModelBytes bytes, Map<String, Double> classWeights,
                               boolean weighted, double targetMean) {
        try (Model model = bytes.load()) {
            boolean regression = model.task() == Task.REGRESSION;
            LabelEncoder encoder = regression ? null : model.labels();
            int k = regression ? 1 : encoder.classCount();
            boolean ranked = !regression && SplitTally.ranksRows(k);
            SplitTally tally = regression ? SplitTally.regression(targetMean, weighted)
                    : SplitTally.classification(k, weighted);
            double[] scores = new double[0];
            boolean[] positive = new boolean[0];
            int ranks = 0;
            long nan = 0;
            while (parts.hasNext()) {
                EncodedPart e = parts.next();
                if (ranked) {
                    scores = Arrays.copyOf(scores, ranks + e.rows());
                    positive = Arrays.copyOf(positive, ranks + e.rows());
                }
                for (int first = 0; first < e.rows(); first += BATCH_ROWS) {
                    int n = Math.min(BATCH_ROWS, e.rows() - first);
                    double[] x = Arrays.copyOfRange(e.x(), first * e.width(), (first + n) * e.width());
                    Matrix inputs = model.inputs(new DoubleTable(x, n, e.width(), model.features()));
                    double[] weights = null;
                    if (weighted) {
                        weights = new double[n];
                        for (int i = 0; i < n; i++) {
                            weights[i] = e.weight(first + i, classWeights);
                        }
                    }
                    if (regression) {
                        Matrix predicted = Matrix.column(model.targetScaler()
                                .inverseTransform(model.network().predict(inputs).toArray()));
                        tally.addRegression(Matrix.column(Arrays.copyOfRange(e.values(), first, first + n)),
                                predicted, weights);
                        continue;
                    }
                    Matrix probabilities = model.probabilities(inputs);
                    int[] actual = new int[n];
                    for (int i = 0; i < n; i++) {
                        actual[i] = encoder.encode(e.labels()[first + i]);
                    }
                    tally.addClassification(actual, probabilities, weights);
                    for (int i = 0; ranked && i < n; i++) {
                        double score = SplitTally.rocScore(probabilities, i) + 0.0;
                        nan += Double.isNaN(score) ? 1 : 0;
                        scores[ranks] = score;
                        positive[ranks++] = actual[i] == 1;
                    }
                }
            }
            return ranked ? new PartitionMetrics(tally, scores, positive, nan)
                    : new PartitionMetrics(tally, null, null, 0);
        }
    }
}
