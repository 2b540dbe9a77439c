package org.backprop.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.golden.GoldenFile;
import org.junit.jupiter.api.Test;

/**
 * {@link PythonFloat#repr} against Python's own {@code repr}: golden file
 * {@code golden/python_repr.txt}, written by {@code src/test/python/python_repr_golden.py} (zeros,
 * infinities and NaN, extremes, the fixed/exponent boundaries, powers of two and random values over
 * the whole range).
 */
class PythonFloatTest {

    @Test
    void everyGoldenValuePrintsAsPythonPrintsIt() {
        GoldenFile golden = GoldenFile.load("python_repr.txt");
        String[] keys = golden.keys();
        assertTrue(keys.length > 1000, "golden values: " + keys.length);
        for (String hexBits : keys) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(hexBits, 16));
            assertEquals(golden.strings(hexBits)[0], PythonFloat.repr(value), "bits " + hexBits);
        }
    }
}
