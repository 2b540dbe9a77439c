package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.loss.MeanSquaredError;
import org.backprop.loss.Reduction;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LossGradientTest {

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void mseValueAndGradientAgree(Reduction reduction) {
        RandomSource r = TestData.random(5);
        GradientCheckReport report = GradientCheck.loss(new MeanSquaredError(reduction),
                TestData.uniform(6, 2, -2, 2, r), TestData.uniform(6, 2, -2, 2, r), GradientCheckOptions.defaults());
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
}
