package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backprop.io.DoubleTable;
import org.junit.jupiter.api.Test;

class StandardScalerTest {

    @Test
    void populationMeanAndStdPerColumn() {
        // column 0: 1,2,3,4 -> mean 2.5, population variance 1.25; column 1: constant 7
        DoubleTable t = new DoubleTable(new double[] {1, 7, 2, 7, 3, 7, 4, 7}, 4, 2, List.of("a", "b"));
        StandardScaler s = StandardScaler.fit(t);
        assertArrayEquals(new double[] {2.5, 7}, s.mean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(1.25), 1}, s.scale(), 1e-15);
        double z = 1.5 / Math.sqrt(1.25);
        assertArrayEquals(new double[] {-z, 0, -z / 3, 0, z / 3, 0, z, 0}, s.transform(t).data(), 1e-14);
        assertEquals(List.of("a", "b"), s.transform(t).columnNames());
    }

    @Test
    void constantColumnGetsScaleOneAndExactMean() {
        StandardScaler s = StandardScaler.fit(new double[] {0.1, 0.1, 0.1}, 3, 1);
        assertArrayEquals(new double[] {0.1}, s.mean());
        assertArrayEquals(new double[] {1}, s.scale());
        assertArrayEquals(new double[] {0, 0, 0}, s.transform(new double[] {0.1, 0.1, 0.1}));
    }

    @Test
    void hugeValuesNeverOverflowWhenFitting() {
        // a naive sum of these is +Infinity
        double[] column = {1e308, 1.5e308, 1.7e308, Double.MAX_VALUE};
        StandardScaler s = StandardScaler.fit(column, 4, 1);
        double expectedMean = 1e308 / 4 + 1.5e308 / 4 + 1.7e308 / 4 + Double.MAX_VALUE / 4;
        assertEquals(expectedMean, s.mean()[0], expectedMean * 1e-15);
        double[] z = s.transform(column);
        double sumZ = 0;
        double sumZ2 = 0;
        for (double v : z) {
            assertTrue(Double.isFinite(v), "transform produced " + v);
            sumZ += v;
            sumZ2 += v * v;
        }
        assertEquals(0, sumZ, 1e-12);
        assertEquals(4, sumZ2, 1e-12, "standardized values have unit population variance");
    }

    @Test
    void oppositeHugeValuesStandardizeWithoutOverflowAndInvertExactly() {
        double a = 1.7e308;
        double[] column = {-a, a, a};
        StandardScaler s = StandardScaler.fit(column, 3, 1);
        // mean a/3, population std a*sqrt(8)/3; x - mean overflows for -a
        assertEquals(a / 3, s.mean()[0], a * 1e-15);
        assertEquals(a / 3 * Math.sqrt(8), s.scale()[0], a * 1e-15);
        double[] z = s.transform(column);
        assertArrayEquals(new double[] {-Math.sqrt(2), 1 / Math.sqrt(2), 1 / Math.sqrt(2)}, z, 1e-14);
        double[] back = s.inverseTransform(z);
        for (int i = 0; i < column.length; i++) {
            assertEquals(column[i], back[i], a * 1e-14);
        }
    }

    @Test
    void symmetricMaxValues() {
        double m = Double.MAX_VALUE;
        StandardScaler s = StandardScaler.fit(new double[] {m, -m, m, -m}, 4, 1);
        assertArrayEquals(new double[] {0}, s.mean());
        assertArrayEquals(new double[] {m}, s.scale());
        assertArrayEquals(new double[] {1, -1}, s.transform(new double[] {m, -m}));
    }

    @Test
    void resultBeyondDoubleRangeIsRefusedNotInfinity() {
        StandardScaler s = StandardScaler.of(new double[] {0}, new double[] {1e-10});
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> s.transform(new double[] {1e300}));
        assertTrue(e.getMessage().contains("row 0, column 0"), e.getMessage());
    }

    @Test
    void overflowNamesRowColumnAndValue() {
        StandardScaler s = StandardScaler.of(new double[] {0, 0}, new double[] {1, 1e-300});
        ScalingOverflowException e = assertThrows(ScalingOverflowException.class,
                () -> s.transform(new double[] {1, 1, 2, 1e10}));
        assertEquals(1, e.row());
        assertEquals(1, e.column());
        assertEquals(1e10, e.value());
    }

    @Test
    void subnormalScalesAreRefusedAndNeverFitted() {
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.of(new double[] {0}, new double[] {1e-310}));
        StandardScaler fitted = StandardScaler.fit(new double[] {0, Double.MIN_VALUE, 0, Double.MIN_VALUE}, 4, 1);
        assertArrayEquals(new double[] {1}, fitted.scale());
    }

    @Test
    void nonFiniteInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.fit(new double[] {1, Double.NaN}, 2, 1));
        StandardScaler s = StandardScaler.fit(new double[] {1, 2}, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> s.transform(new double[] {Double.POSITIVE_INFINITY}));
    }

    @Test
    void inverseTransformMapsPredictionsBack() {
        double[] y = {10, 20, 30, 40};
        StandardScaler s = StandardScaler.fit(y, 4, 1);
        assertArrayEquals(y, s.inverseTransform(s.transform(y)), 1e-12);
        assertArrayEquals(new double[] {25}, s.inverseTransform(new double[] {0}), 1e-12);
    }

    @Test
    void roundTripsThroughPlainArrays() {
        StandardScaler s = StandardScaler.fit(new double[] {1, 5, 2, 6, 4, 9}, 3, 2);
        Map<String, double[]> arrays = s.toArrays();
        StandardScaler back = StandardScaler.fromArrays(arrays);
        assertArrayEquals(s.mean(), back.mean());
        assertArrayEquals(s.scale(), back.scale());
        assertArrayEquals(s.transform(new double[] {3, 3}), back.transform(new double[] {3, 3}));
    }

    @Test
    void invalidStoredStatisticsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.of(new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.of(new double[] {0, 1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.fromArrays(Map.of("mean", new double[] {0})));
    }

    @Test
    void wrongWidthIsRefused() {
        StandardScaler s = StandardScaler.fit(new double[] {1, 2, 3, 4}, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> s.transform(new double[] {1, 2, 3}));
    }
}
