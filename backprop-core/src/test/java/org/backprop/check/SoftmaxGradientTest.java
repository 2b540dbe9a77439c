package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.op.Softmax;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class SoftmaxGradientTest {

    @Test
    void rowWiseSoftmaxPassesTheGradientCheck() {
        RandomSource r = TestData.random(31);
        GradientCheckReport report = GradientCheck.operation(new Softmax(), TestData.uniform(5, 4, -3, 3, r), r,
                GradientCheckOptions.defaults());
        assertTrue(report.passed(), report.toString());
        assertEquals(20, report.checked());
    }

    @Test
    void rowsSumToOneAndHugeLogitsStayFinite() {
        Matrix p = Softmax.of(Matrix.of(new double[][] {{1000, 1000, -1000}, {0, Math.log(3), 0}}));
        assertTrue(p.allFinite(), p.toString());
        assertEquals(0.5, p.get(0, 0), 1e-15);
        assertEquals(0.5, p.get(0, 1), 1e-15);
        assertEquals(0.0, p.get(0, 2));
        assertEquals(0.2, p.get(1, 0), 1e-15);
        assertEquals(0.6, p.get(1, 1), 1e-15);
        assertEquals(1000 + Math.log(2), Softmax.logSumExp(Matrix.row(1000, 1000, -1000), 0), 1e-12);
    }

    @Test
    void shiftingARowLeavesItsSoftmaxUnchanged() {
        Matrix a = Softmax.of(Matrix.row(1, 2, 3));
        Matrix b = Softmax.of(Matrix.row(501, 502, 503));
        for (int j = 0; j < 3; j++) {
            assertEquals(a.get(0, j), b.get(0, j), 1e-15);
        }
    }
}
