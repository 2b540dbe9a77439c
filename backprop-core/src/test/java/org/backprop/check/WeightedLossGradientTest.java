package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.backprop.loss.Huber;
import org.backprop.loss.Loss;
import org.backprop.loss.Losses;
import org.backprop.loss.MeanSquaredError;
import org.backprop.loss.Reduction;
import org.backprop.loss.RowWeights;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row weights in every registered loss: the gradient matches the weighted value, all-ones weights
 * give the unweighted loss, an integer weight equals repeating the row (the weighted-mean
 * convention Σwℓ/Σw), and a zero weight removes the row.
 */
class WeightedLossGradientTest {
    private static final GradientCheckOptions OPTIONS = GradientCheckOptions.defaults();

    static Stream<Loss> losses() {
        return Stream.concat(Losses.names().stream().map(Losses::byName),
                Stream.of(new MeanSquaredError(Reduction.SUM), new Huber(0.5)));
    }

    private static Matrix weights(RandomSource r, int n) {
        Matrix w = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            w.set(i, 0, r.uniform(0.1, 3));
        }
        return w;
    }

    private static Matrix targets(Loss loss, int n, int k, RandomSource r) {
        return LossTargets.forLoss(loss.id(), n, k, r);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void weightedGradientMatchesWeightedValue(Loss loss) {
        RandomSource r = TestData.random(31);
        Matrix p = TestData.uniform(6, 3, -3, 3, r);
        Matrix y = targets(loss, 6, 3, r);
        GradientCheckReport report = GradientCheck.loss(loss, p, y, weights(r, 6), OPTIONS);
        assertTrue(report.passed(), loss + ": " + report);
        assertEquals(18, report.checked());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void unitWeightsGiveTheUnweightedLoss(Loss loss) {
        RandomSource r = TestData.random(32);
        Matrix p = TestData.uniform(5, 3, -3, 3, r);
        Matrix y = targets(loss, 5, 3, r);
        Matrix ones = Matrix.column(1, 1, 1, 1, 1);
        double plain = loss.forward(p, y);
        double[] plainGrad = loss.backward().toArray();
        assertEquals(plain, loss.forward(p, y, ones), 1e-14 * Math.abs(plain));
        assertArrayEquals(plainGrad, loss.backward().toArray(), 1e-15);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void anIntegerWeightCountsAsRepeatedRowsAndZeroDropsARow(Loss loss) {
        RandomSource r = TestData.random(33);
        Matrix p = TestData.uniform(3, 2, -3, 3, r);
        Matrix y = targets(loss, 3, 2, r);
        // weights (2, 1, 0) against rows (0, 0, 1) unweighted
        int[] repeated = {0, 0, 1};
        double expected = loss.forward(p.selectRows(repeated), y.selectRows(repeated));
        double[] repeatedGrad = loss.backward().toArray();
        double weighted = loss.forward(p, y, Matrix.column(2, 1, 0));
        assertEquals(expected, weighted, 1e-14 * Math.abs(expected));
        double[] g = loss.backward().toArray();
        for (int j = 0; j < 2; j++) {
            assertEquals(repeatedGrad[j] + repeatedGrad[2 + j], g[j], 1e-15, "row 0 gets both copies' gradients");
            assertEquals(repeatedGrad[4 + j], g[2 + j], 1e-15);
            assertEquals(0.0, g[4 + j], 0.0, "a row of weight 0 has no gradient");
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    void weightsSummingToZeroGiveZeroLossAndGradient(Loss loss) {
        RandomSource r = TestData.random(34);
        Matrix p = TestData.uniform(2, 2, -3, 3, r);
        double value = loss.forward(p, targets(loss, 2, 2, r), Matrix.column(0, 0));
        assertEquals(0.0, value, "a weighted mean over no weight is defined as 0: no information");
        assertArrayEquals(new double[4], loss.backward().toArray(), 0.0);
    }

    @Test
    void weightColumnOfTheWrongShapeIsRefusedNamingTheLoss() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new MeanSquaredError().forward(Matrix.column(1, 2), Matrix.column(1, 2), Matrix.column(1, 2, 3)));
        assertTrue(e.getMessage().contains("mse"), e.getMessage());
    }

    @Test
    void rowWeightsCheckNamesTheBadRow() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> RowWeights.check("training weights", Matrix.column(1, -2), 2));
        assertTrue(negative.getMessage().contains("row 1"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RowWeights.check("w", Matrix.column(1, Double.NaN), 2));
        assertThrows(IllegalArgumentException.class, () -> RowWeights.check("w", Matrix.column(0, 0), 2));
        assertEquals(3.0, RowWeights.sum(RowWeights.check("w", Matrix.column(1, 2), 2)));
    }
}
