package org.backprop.spark.score;

import org.apache.spark.ml.linalg.Vectors;
import org.backprop.io.model.Model;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * The columns a classification model appends, in Spark MLlib's order and types: {@code rawPrediction}
 * (a Vector of log-probabilities: the logits minus their log-sum-exp, so element 1 ranks rows as the
 * probability of class 1 does, which {@code BinaryClassificationEvaluator} relies on),
 * {@code probability} (a Vector, the network's softmax, as {@code backprop predict} computes it) and
 * {@code prediction} (the double index of the most probable class, the first one on ties).
 */
public final class ClassScores implements ScoreColumns {
    private static final long serialVersionUID = 1L;

    @Override
    public Object[][] score(Model model, Matrix x) {
        NeuralNetwork network = model.network();
        Matrix logits = network.predict(x);
        Matrix p = network.loss().probabilities(logits);
        Object[][] values = new Object[x.rows()][];
        for (int i = 0; i < values.length; i++) {
            double[] probability = new double[p.cols()];
            double[] raw = new double[p.cols()];
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < probability.length; j++) {
                probability[j] = p.get(i, j);
                best = probability[j] > probability[best] ? j : best;
                max = Math.max(max, logits.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < raw.length; j++) {
                sum += Math.exp(logits.get(i, j) - max);
            }
            double logSum = max + Math.log(sum);
            for (int j = 0; j < raw.length; j++) {
                raw[j] = logits.get(i, j) - logSum;
            }
            values[i] = new Object[] {Vectors.dense(raw), Vectors.dense(probability), (double) best};
        }
        return values;
    }
}
