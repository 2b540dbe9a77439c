package org.backprop.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErfTest {

    /** Reference values to 20 digits from mpmath at 30-digit precision. */
    @ParameterizedTest
    @CsvSource({
        "1e-10,   1.1283791670955125739e-10, 0.99999999988716208329",
        "0.1,     0.1124629160182848922,     0.8875370839817151078",
        "0.5,     0.52049987781304653768,    0.47950012218695346232",
        "0.84375, 0.76722566123234163346,    0.23277433876765836654",
        "1,       0.84270079294971486934,    0.15729920705028513066",
        "1.5,     0.96610514647531072707,    0.033894853524689272933",
        "1.9999,  0.99532019790702939146,    0.0046798020929706085356",
        "2,       0.99532226501895273416,    0.0046777349810472658379",
        "2.5,     0.99959304798255504106,    0.00040695201744495893956",
        "3,       0.99997790950300141456,    0.000022090496998585441373",
        "4,       0.99999998458274209972,    1.5417257900280018852e-8",
        "5.5,     0.99999999999999264215,    7.3578479179743980631e-15",
    })
    void matchesReferenceValues(double x, double erf, double erfc) {
        assertRelative(erf, Erf.erf(x), 1.5e-15, "erf(" + x + ")");
        assertRelative(erfc, Erf.erfc(x), 6e-15, "erfc(" + x + ")");
        assertEquals(-Erf.erf(x), Erf.erf(-x), 0.0, "erf is odd");
        assertRelative(2 - erfc, Erf.erfc(-x), 1e-15, "erfc(-" + x + ")");
    }

    @Test
    void farTailsKeepRelativeAccuracyAndLimits() {
        assertRelative(2.088487583762544757e-45, Erf.erfc(10), 1e-14, "erfc(10)");
        assertRelative(5.6631924088561428465e-296, Erf.erfc(26), 1e-13, "erfc(26)");
        assertEquals(0.0, Erf.erfc(40));
        assertEquals(1.0, Erf.erf(6.5));
        assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY));
        assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Erf.erf(0.0));
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)) && Double.isNaN(Erf.erfc(Double.NaN)));
    }

    @Test
    void switchingMethodsAtTheBoundariesJumpsByAFewUlpsAtMost() {
        // not exactly monotone there: the two methods each err by a few ulps
        for (double b : new double[] {1.0, 2.0}) {
            assertRelative(Erf.erf(b), Erf.erf(Math.nextDown(b)), 1e-15, "erf just below " + b);
            assertRelative(Erf.erfc(b), Erf.erfc(Math.nextDown(b)), 1e-14, "erfc just below " + b);
        }
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        double rel = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(rel <= tolerance, what + " = " + actual + ", expected " + expected + ", relative error " + rel);
    }
}
