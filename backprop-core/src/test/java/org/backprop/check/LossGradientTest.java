package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.backprop.loss.BinaryCrossEntropyWithLogits;
import org.backprop.loss.Huber;
import org.backprop.loss.Loss;
import org.backprop.loss.Losses;
import org.backprop.loss.MeanAbsoluteError;
import org.backprop.loss.MeanSquaredError;
import org.backprop.loss.Reduction;
import org.backprop.loss.SoftmaxCrossEntropy;
import org.backprop.op.Softmax;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class LossGradientTest {
    private static final GradientCheckOptions OPTIONS = GradientCheckOptions.defaults();

    static Stream<String> losses() {
        return Losses.names().stream();
    }

    @ParameterizedTest
    @MethodSource("losses")
    void everyLossValueAndGradientAgree(String name) {
        RandomSource r = TestData.random(21);
        Matrix target = LossTargets.forLoss(name, 6, 3, r);
        GradientCheckReport report = GradientCheck.loss(Losses.byName(name), TestData.uniform(6, 3, -3, 3, r),
                target, OPTIONS);
        assertTrue(report.passed(), name + ": " + report);
        assertEquals(18, report.checked());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void everyLossHasItsRegisteredNameAndAFreshTwin(String name) {
        Loss loss = Losses.byName(name.toUpperCase(java.util.Locale.ROOT));
        assertEquals(name, loss.id());
        assertEquals(name, loss.fresh().id());
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void mseValueAndGradientAgree(Reduction reduction) {
        RandomSource r = TestData.random(5);
        GradientCheckReport report = GradientCheck.loss(new MeanSquaredError(reduction),
                TestData.uniform(6, 2, -2, 2, r), TestData.uniform(6, 2, -2, 2, r), OPTIONS);
        assertTrue(report.passed(), report.toString());
    }

    @Test
    void mseMeanConventionIsTheMeanAndTwoOverN() {
        MeanSquaredError mse = new MeanSquaredError(Reduction.MEAN);
        double value = mse.forward(Matrix.column(1, 2, 3, 4), Matrix.column(0, 0, 0, 0));
        assertEquals((1 + 4 + 9 + 16) / 4.0, value);
        assertArrayEquals(new double[] {0.5, 1.0, 1.5, 2.0}, mse.backward().toArray());
    }

    @Test
    void mseSumConventionIsTheSumAndTwo() {
        MeanSquaredError mse = new MeanSquaredError(Reduction.SUM);
        assertEquals(30.0, mse.forward(Matrix.column(1, 2, 3, 4), Matrix.column(0, 0, 0, 0)));
        assertArrayEquals(new double[] {2, 4, 6, 8}, mse.backward().toArray());
    }

    @Test
    void maeMeanAndSumWithSubgradientZeroAtZero() {
        Matrix p = Matrix.column(1, -2, 3, 3);
        Matrix y = Matrix.column(0, 0, 3, 0);
        MeanAbsoluteError mean = new MeanAbsoluteError();
        assertEquals(1.5, mean.forward(p, y));
        assertArrayEquals(new double[] {0.25, -0.25, 0, 0.25}, mean.backward().toArray());
        MeanAbsoluteError sum = new MeanAbsoluteError(Reduction.SUM);
        assertEquals(6.0, sum.forward(p, y));
        assertArrayEquals(new double[] {1, -1, 0, 1}, sum.backward().toArray());
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        Huber huber = new Huber();
        // residuals 0.5, −2, 3: ½·0.25, 1·(2 − ½), 1·(3 − ½)
        assertEquals((0.125 + 1.5 + 2.5) / 3, huber.forward(Matrix.column(0.5, -2, 3), Matrix.column(0, 0, 0)), 1e-15);
        assertArrayEquals(new double[] {0.5 / 3, -1.0 / 3, 1.0 / 3}, huber.backward().toArray(), 1e-15);
        Huber wide = new Huber(2.0);
        // residuals 1, 3: ½·1, 2·(3 − 1)
        assertEquals((0.5 + 4.0) / 2, wide.forward(Matrix.column(1, 3), Matrix.column(0, 0)), 1e-15);
        assertArrayEquals(new double[] {0.5, 1.0}, wide.backward().toArray(), 1e-15);
    }

    @Test
    void bceOnLogitsValueAndGradientByHand() {
        BinaryCrossEntropyWithLogits bce = new BinaryCrossEntropyWithLogits();
        double value = bce.forward(Matrix.column(0, 2), Matrix.column(1, 0));
        assertEquals((Math.log(2) + 2 + Math.log1p(Math.exp(-2))) / 2, value, 1e-15);
        double s2 = 1 / (1 + Math.exp(-2));
        assertArrayEquals(new double[] {(0.5 - 1) / 2, s2 / 2}, bce.backward().toArray(), 1e-15);
    }

    @Test
    void softmaxCrossEntropyValueAndGradientByHand() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Matrix z = Matrix.of(new double[][] {{0, 0, 0}, {0, Math.log(2), Math.log(7)}});
        Matrix y = Matrix.of(new double[][] {{1, 0, 0}, {0, 0, 1}});
        assertEquals((Math.log(3) - Math.log(0.7)) / 2, ce.forward(z, y), 1e-15);
        assertArrayEquals(new double[] {(1.0 / 3 - 1) / 2, 1.0 / 6, 1.0 / 6, 0.05, 0.1, (0.7 - 1) / 2},
                ce.backward().toArray(), 1e-15);
    }

    @Test
    void softmaxCrossEntropyWithProbabilityTargetsIsGradientChecked() {
        RandomSource r = TestData.random(22);
        Matrix target = Softmax.of(TestData.uniform(5, 4, -2, 2, r));
        GradientCheckReport report = GradientCheck.loss(new SoftmaxCrossEntropy(), TestData.uniform(5, 4, -3, 3, r),
                target, OPTIONS);
        assertTrue(report.passed(), report.toString());
    }

    @Test
    void logitsOfPlusMinusAThousandGiveFiniteValuesAndGradients() {
        Matrix z = Matrix.of(new double[][] {{1000, -1000, 0}, {-1000, -1000, 1000}});
        Matrix y = Matrix.of(new double[][] {{0, 1, 0}, {0, 0, 1}});
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        assertEquals(2000.0 / 2, ce.forward(z, y), 1e-12);
        assertArrayEquals(new double[] {0.5, -0.5, 0, 0, 0, 0}, ce.backward().toArray(), 1e-15);

        BinaryCrossEntropyWithLogits bce = new BinaryCrossEntropyWithLogits();
        double value = bce.forward(Matrix.column(1000, -1000, 1000), Matrix.column(0, 0, 1));
        assertEquals(1000.0 / 3, value, 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 0, 0}, bce.backward().toArray(), 1e-15);
        // large but differentiable: the check still passes at ±30
        GradientCheckReport report = GradientCheck.loss(new SoftmaxCrossEntropy(),
                Matrix.of(new double[][] {{30, -30, 0}, {-30, 29, 30}}), Matrix.of(new double[][] {{0, 1, 0},
                        {0.2, 0.3, 0.5}}), OPTIONS);
        assertTrue(report.passed(), report.toString());
    }

    /**
     * Regression: the book's softmax cross-entropy used the binary form
     * −Σ[y log p + (1 − y) log(1 − p)] of the softmax p as its value but (p − y)/n as its gradient.
     * Such a pair must fail the check; ours (above) passes it.
     */
    @Test
    void aValueThatDoesNotMatchItsGradientIsCaught() {
        Loss bookStyle = new Loss() {
            @Override
            public String id() {
                return "book_softmax_ce";
            }

            @Override
            protected double value(Matrix z, Matrix y) {
                Matrix p = Softmax.of(z);
                double sum = 0;
                for (int k = 0; k < p.size(); k++) {
                    sum -= y.getFlat(k) * Math.log(p.getFlat(k)) + (1 - y.getFlat(k)) * Math.log(1 - p.getFlat(k));
                }
                return sum / z.rows();
            }

            @Override
            protected void gradient(Matrix z, Matrix y, Matrix out) {
                Softmax.softmaxRows(z, out);
                for (int k = 0; k < out.size(); k++) {
                    out.setFlat(k, (out.getFlat(k) - y.getFlat(k)) / z.rows());
                }
            }

            @Override
            public Loss fresh() {
                return this;
            }
        };
        RandomSource r = TestData.random(23);
        Matrix z = TestData.uniform(4, 3, -2, 2, r);
        Matrix y = LossTargets.forLoss("softmax_ce", 4, 3, r);
        GradientCheckReport book = GradientCheck.loss(bookStyle, z, y, OPTIONS);
        assertFalse(book.passed(), book.toString());
        assertTrue(GradientCheck.loss(new SoftmaxCrossEntropy(), z, y, OPTIONS).passed());
    }
}
