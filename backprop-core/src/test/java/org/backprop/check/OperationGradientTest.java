package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.backprop.kernel.NaiveGemm;
import org.backprop.op.Activation;
import org.backprop.op.Activations;
import org.backprop.op.BiasAdd;
import org.backprop.op.ReLU;
import org.backprop.op.WeightMultiply;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OperationGradientTest {
    private static final GradientCheckOptions OPTIONS = GradientCheckOptions.defaults();

    static Stream<String> activations() {
        return Activations.names().stream();
    }

    @ParameterizedTest
    @MethodSource("activations")
    void everyActivationPassesTheGradientCheck(String name) {
        RandomSource r = TestData.random(1);
        Activation act = Activations.byName(name);
        GradientCheckReport report = GradientCheck.operation(act, TestData.awayFromZero(7, 5, 3.0, r), r, OPTIONS);
        assertTrue(report.passed(), name + ": " + report);
        assertEquals(35, report.checked());
    }

    @Test
    void weightMultiplyPassesForInputAndWeights() {
        RandomSource r = TestData.random(2);
        Matrix w = TestData.uniform(4, 3, -1, 1, r);
        WeightMultiply op = new WeightMultiply(w, Matrix.zeros(4, 3), new NaiveGemm());
        GradientCheckReport report = GradientCheck.operation(op, TestData.uniform(6, 4, -1, 1, r), r, OPTIONS);
        assertTrue(report.passed(), report.toString());
        assertEquals(6 * 4 + 4 * 3, report.checked());
    }

    @Test
    void biasAddPassesForInputAndBias() {
        RandomSource r = TestData.random(3);
        BiasAdd op = new BiasAdd(TestData.uniform(1, 5, -1, 1, r), Matrix.zeros(1, 5));
        GradientCheckReport report = GradientCheck.operation(op, TestData.uniform(3, 5, -1, 1, r), r, OPTIONS);
        assertTrue(report.passed(), report.toString());
    }

    @Test
    void reluMaskIsInputPositiveNotAlwaysTrue() {
        // the book's ReLU backward used a mask that was always true; ours must zero negative inputs
        ReLU relu = new ReLU();
        relu.forward(Matrix.row(-2, 0, 3));
        Matrix g = relu.backward(Matrix.row(5, 5, 5));
        assertTrue(g.valueEquals(Matrix.row(0, 0, 5)), g.toString());
    }

    @Test
    void backwardRefusesAGradientOfTheWrongShape() {
        WeightMultiply op = new WeightMultiply(Matrix.zeros(4, 3), Matrix.zeros(4, 3), new NaiveGemm());
        op.forward(Matrix.zeros(2, 4));
        ShapeException e = assertThrows(ShapeException.class, () -> op.backward(Matrix.zeros(2, 4)));
        assertTrue(e.getMessage().contains("2×4") && e.getMessage().contains("2×3"), e.getMessage());
    }

    @Test
    void forwardRefusesAMismatchedInputNamingBothShapes() {
        WeightMultiply op = new WeightMultiply(Matrix.zeros(4, 3), Matrix.zeros(4, 3), new NaiveGemm());
        ShapeException e = assertThrows(ShapeException.class, () -> op.forward(Matrix.zeros(2, 5)));
        assertTrue(e.getMessage().contains("2×5") && e.getMessage().contains("4×3"), e.getMessage());
    }

    @Test
    void aBrokenGradientIsCaught() {
        // the checker itself must be able to fail: a deliberately wrong derivative
        Activation wrong = new Activation() {
            @Override
            protected double value(double x) {
                return x * x;
            }

            @Override
            protected double derivative(double x, double y) {
                return x; // should be 2x
            }

            @Override
            public String id() {
                return "wrong";
            }

            @Override
            public Activation fresh() {
                return this;
            }
        };
        RandomSource r = TestData.random(4);
        GradientCheckReport report = GradientCheck.operation(wrong, TestData.awayFromZero(3, 3, 1, r), r, OPTIONS);
        assertTrue(!report.passed(), report.toString());
        assertTrue(report.worstError() > 0.3, report.toString());
    }
}
