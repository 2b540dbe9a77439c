package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumericEncoderTest {

    @Test
    void theDescriptionShowsAMedianWithoutBinaryNoiseButStoresEveryBit() {
        double median = NumericEncoder.median(0.0123, 0.0125, 30);
        assertEquals(0.012400000000000001, median, 0.0, "the midpoint as computed");
        NumericEncoder e = new NumericEncoder("brainwt", median, true, 27);
        assertEquals("numeric, median 0.0124, 27 missing (imputed, indicator brainwt:missing)", e.describe());
        assertEquals(0.012400000000000001, e.toJson().get("median").getAsDouble(), 0.0);
    }

    @Test
    void shortMediansAreShownAsJavaWritesThem() {
        assertEquals("1967.0", NumericEncoder.shown(1967.0));
        assertEquals("0.333333333", NumericEncoder.shown(0.333333333));
        assertEquals("-2.5", NumericEncoder.shown(-2.5));
        assertEquals("1.0E-7", NumericEncoder.shown(1e-7));
        assertEquals("0.333333333333", NumericEncoder.shown(1.0 / 3));
        assertEquals("123456.789012", NumericEncoder.shown(123456.78901234567));
        assertEquals("1234.56", NumericEncoder.shown(1234.5600000000002));
        assertEquals("1.0000000000000002E11", NumericEncoder.shown(100000000000.00002), "E notation as is");
    }
}
