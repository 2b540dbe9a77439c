package org.backprop.metrics;

import java.util.function.DoubleBinaryOperator;

import org.backprop.tensor.Matrix;

/** The (weighted) mean of an element-wise term over the rows of two matrices of the same shape. */
final class RowMeans {
    private RowMeans() {
    }

    /**
     * Σᵢ wᵢ Σⱼ term(yᵢⱼ, Pᵢⱼ) / (d·Σᵢ wᵢ), with wᵢ = 1 when {@code weights} is null (then the
     * plain mean over all n·d elements); both sums are {@link ExactSum}s, so the value is that of
     * {@link RegressionTally} over the same rows in any chunks or order. Shapes and weights are checked by the caller.
     */
    static double weightedMean(Matrix actual, Matrix predicted, double[] weights, DoubleBinaryOperator term) {
        ExactSum sum = new ExactSum();
        ExactSum total = new ExactSum();
        for (int i = 0; i < actual.rows(); i++) {
            double row = 0;
            for (int j = 0; j < actual.cols(); j++) {
                row += term.applyAsDouble(actual.get(i, j), predicted.get(i, j));
            }
            double w = MetricInputs.weight(weights, i);
            sum.addProduct(w, row);
            total.add(w);
        }
        return sum.doubleValue() / (total.doubleValue() * actual.cols());
    }
}
