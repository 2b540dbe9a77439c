package org.backprop.io.csv;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictNumbers#parseOrNaN} through {@link EiselLemire} gives {@link Double#parseDouble}'s
 * bits on every kind of decimal: shortest and long renderings of random doubles over the whole
 * exponent range, 19-digit mantissas, halfway cases between neighbouring doubles, subnormals and
 * the edges of the range.
 */
class EiselLemireTest {

    private static void assertSameBits(String text) {
        byte[] b = text.getBytes(US_ASCII);
        double expected = Double.parseDouble(text);
        double actual = StrictNumbers.parseOrNaN(b, 0, b.length);
        if (Double.isInfinite(expected)) {
            assertTrue(Double.isNaN(actual), text);
        } else {
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), text);
        }
    }

    @Test
    void randomDoublesInEveryRenderingParseExactly() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 30_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            assertSameBits(Double.toString(v));
            assertSameBits(new BigDecimal(v).round(new java.math.MathContext(1 + random.nextInt(19))).toString());
            assertSameBits(String.format(java.util.Locale.ROOT, "%." + random.nextInt(20) + "f", random.nextGaussian()));
        }
    }

    @Test
    void nineteenDigitMantissasWithAnyExponentParseExactly() {
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
            for (int d = 0; d < 18; d++) {
                digits.append(random.nextInt(10));
            }
            int exponent = random.nextInt(-360, 360);
            assertSameBits(digits + "e" + exponent);
            assertSameBits("-0." + digits + "E" + exponent);
        }
    }

    @Test
    void halfwayCasesBetweenNeighbouringDoublesParseExactly() {
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < 20_000; i++) {
            double v = Math.abs(Double.longBitsToDouble(random.nextLong()));
            if (Double.isNaN(v) || Double.isInfinite(v) || v == Double.MAX_VALUE) {
                continue;
            }
            BigDecimal low = new BigDecimal(v);
            BigDecimal mid = low.add(new BigDecimal(Math.nextUp(v))).divide(BigDecimal.valueOf(2));
            assertSameBits(mid.toString());
            assertSameBits(mid.round(new java.math.MathContext(19)).toString());
            assertSameBits(mid.round(new java.math.MathContext(17)).toString());
        }
    }

    @Test
    void edgesOfTheRangeParseExactly() {
        String[] texts = {"4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2.2250738585072011e-308",
            "2.2250738585072012e-308", "2.2250738585072014E-308", "1.7976931348623157e308", "1.7976931348623158e308",
            "1.7976931348623159e308", "9007199254740993", "9007199254740992.5", "18446744073709551616",
            "18446744073709551615", "9999999999999999999", "0.0000000000000000001", "1e-348", "1e-349", "1e347",
            "1e308", "1e309", "7.2057594037927933e16", "1e23", "8.988465674311580536566680e307", "0e400", "-0.0"};
        for (String text : texts) {
            assertSameBits(text);
        }
    }
}
