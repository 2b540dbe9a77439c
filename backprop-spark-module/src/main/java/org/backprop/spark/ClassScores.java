package org.backprop.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.linalg.Vectors;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * The columns a classification model appends: the most probable class label (the first one on
 * ties, as {@code backprop predict}) and the class probabilities as a Spark ML {@code Vector} in
 * class order.
 */
final class ClassScores implements ScoreColumns {
    private static final long serialVersionUID = 1L;
    private final ArrayList<String> classes;
    private final boolean integral;

    /** @param integral labels are integers: predict them as {@code Long}, else as {@code String} */
    ClassScores(List<String> classes, boolean integral) {
        this.classes = new ArrayList<>(classes);
        this.integral = integral;
    }

    @Override
    public Object[][] score(NeuralNetwork network, Matrix x) {
        Matrix p = network.predictProbabilities(x);
        Object[][] values = new Object[x.rows()][];
        for (int i = 0; i < values.length; i++) {
            double[] row = new double[p.cols()];
            int best = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = p.get(i, j);
                best = row[j] > row[best] ? j : best;
            }
            String label = classes.get(best);
            values[i] = new Object[] {integral ? (Object) Long.parseLong(label) : label, Vectors.dense(row)};
        }
        return values;
    }
}
