package org.backprop.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewActivationValuesTest {

    private static double[] forward(Activation a, double... x) {
        return a.forward(Matrix.row(x)).toArray();
    }

    private static double[] slopes(Activation a, double... x) {
        a.forward(Matrix.row(x));
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1.0);
        return a.backward(Matrix.row(ones)).toArray();
    }

    @Test
    void leakyReluDefaultAndConfiguredSlope() {
        assertArrayEquals(new double[] {-0.02, 0, 3}, forward(new LeakyReLU(), -2, 0, 3));
        assertArrayEquals(new double[] {0.01, 0.01, 1}, slopes(new LeakyReLU(), -2, 0, 3));
        Activation custom = new LeakyReLU(0.2).fresh();
        assertArrayEquals(new double[] {-0.4, 3}, forward(custom, -2, 3));
        assertEquals(0.2, ((LeakyReLU) custom).slope());
    }

    @Test
    void eluValuesAndSlopes() {
        double e2 = Math.exp(-2);
        assertArrayEquals(new double[] {e2 - 1, 0, 3}, forward(new ELU(), -2, 0, 3));
        assertArrayEquals(new double[] {e2, 1, 1}, slopes(new ELU(), -2, 0, 3));
        assertArrayEquals(new double[] {0.5 * (e2 - 1)}, forward(new ELU(0.5), -2));
        assertEquals(-1.0, forward(new ELU(), -1000)[0], "ELU saturates at −α");
    }

    /** Exact GELU x·Φ(x) and its derivative, 20-digit references from mpmath. */
    @ParameterizedTest
    @CsvSource({
        "-10, -7.619853024160526066e-23, -7.6184000964648140857e-22",
        "-3,  -0.00404969409489028358,   -0.011945647204183927",
        "-1,  -0.15865525393145705141,   -0.083315470587686298383",
        "-0.5, -0.15426876936299344818,  0.13250487534383715747",
        "0,   0.0,                       0.5",
        "0.5, 0.34573123063700655182,    0.86749512465616284253",
        "1,   0.84134474606854294859,    1.0833154705876862984",
        "3,   2.9959503059051097164,     1.011945647204183927",
    })
    void geluMatchesTheExactErfForm(double x, double value, double slope) {
        assertEquals(value, forward(new GELU(), x)[0], 1e-14 * Math.max(Math.abs(value), 1e-300) + 1e-300);
        assertEquals(slope, slopes(new GELU(), x)[0], 1e-14 * Math.abs(slope));
    }

    @Test
    void softplusIsStableAtBothEnds() {
        assertArrayEquals(new double[] {Math.log(2), 1000, Math.exp(-1000 + 0.0)}, forward(new Softplus(), 0, 1000, -1000));
        assertEquals(Math.log1p(Math.exp(-30)), forward(new Softplus(), -30)[0], 0.0, "no loss of precision at −30");
        assertEquals(Math.log1p(Math.E), forward(new Softplus(), 1)[0], 1e-15);
        assertArrayEquals(new double[] {0.5, 1, 0}, slopes(new Softplus(), 0, 1000, -1000));
    }

    @Test
    void allAreRegisteredByName() {
        for (String name : new String[] {"leaky_relu", "elu", "gelu", "softplus"}) {
            assertEquals(name, Activations.byName(name).id());
            assertTrue(Activations.names().contains(name));
        }
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-15);
    }
}
