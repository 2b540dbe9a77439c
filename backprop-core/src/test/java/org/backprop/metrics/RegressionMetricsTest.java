package org.backprop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;
import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
    // residuals P − y: 1, −2, 0, 1
    private static final Matrix P = Matrix.column(3, 0, 5, 8);
    private static final Matrix Y = Matrix.column(2, 2, 5, 7);

    @Test
    void mseRmseMaeByHand() {
        assertEquals(6.0 / 4, Mse.of(Y, P));
        assertEquals(Math.sqrt(1.5), Rmse.of(Y, P));
        assertEquals(4.0 / 4, Mae.of(Y, P));
    }

    @Test
    void rSquaredByHand() {
        // ȳ = 4, SS_tot = 4 + 4 + 1 + 9 = 18, SS_res = 6
        assertEquals(1 - 6.0 / 18, RSquared.of(Y, P).getAsDouble(), 1e-15);
        assertEquals(1.0, RSquared.of(Y, Y).getAsDouble());
        assertEquals(0.0, RSquared.of(Y, Matrix.column(4, 4, 4, 4)).getAsDouble(), 1e-15, "the mean's fit is 0");
        assertNull(RSquared.undefinedReason(Y));
    }

    @Test
    void rSquaredOfAConstantTargetIsUndefinedAndSaysWhy() {
        Matrix constant = Matrix.column(3, 3, 3);
        assertEquals(OptionalDouble.empty(), RSquared.of(constant, Matrix.column(1, 2, 3)));
        String why = RSquared.undefinedReason(constant);
        assertTrue(why.contains("constant") && why.contains("3×1"), why);
    }

    @Test
    void mismatchedShapesNameBoth() {
        ShapeException e = assertThrows(ShapeException.class, () -> Mse.of(Matrix.column(1, 2), P));
        assertTrue(e.getMessage().contains("4×1") && e.getMessage().contains("2×1"), e.getMessage());
    }
}
