package org.backprop.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A share survives its message bit for bit in both forms (every double's bits, signed zero,
 * subnormals, infinities and NaN payloads included), and Base64 messages are pure ASCII, which
 * Java serialization writes on its fast path.
 */
class ShareMessagesTest {
    private static final double[] AWKWARD = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0x7ff0000000000123L), 1.0 / 3,
            -123456.789e-200};

    @Test
    void everyBitSurvivesBothForms() {
        GradientShare share = new GradientShare(3, 17, 4.25, 0.125, AWKWARD);
        for (ShareMessages.Form form : ShareMessages.Form.values()) {
            ShareMessages.Received back = ShareMessages.decode(ShareMessages.encode(share, 123_456_789L, form), form);
            assertEquals(123_456_789L, back.previousGatherNanos(), form.name());
            GradientShare s = back.share();
            assertEquals(3, s.partition());
            assertEquals(17, s.rows());
            assertEquals(4.25, s.mass());
            assertEquals(0.125, s.loss());
            assertEquals(AWKWARD.length, s.gradient().length);
            for (int k = 0; k < AWKWARD.length; k++) {
                assertEquals(Double.doubleToRawLongBits(AWKWARD[k]), Double.doubleToRawLongBits(s.gradient()[k]),
                        form + " value " + k);
            }
        }
    }

    @Test
    void anEmptyShareStaysEmpty() {
        for (ShareMessages.Form form : ShareMessages.Form.values()) {
            GradientShare s = ShareMessages.decode(ShareMessages.encode(GradientShare.empty(1), 0, form), form).share();
            assertEquals(1, s.partition());
            assertEquals(0, s.rows());
            assertNull(s.gradient());
        }
    }

    @Test
    void base64MessagesAreAsciiAndBytesMessagesAreOneCharacterPerByte() {
        double[] g = new double[1000];
        for (int k = 0; k < g.length; k++) {
            g[k] = Math.sin(k) * 1e-3;
        }
        GradientShare share = new GradientShare(0, 5, 5, 1.5, g);
        String text = ShareMessages.encode(share, 7, ShareMessages.Form.BASE64);
        assertTrue(text.chars().allMatch(c -> c > 0 && c < 0x80), "Base64 is ASCII without NUL");
        String bytes = ShareMessages.encode(share, 7, ShareMessages.Form.BYTES);
        assertEquals(32 + 8 * g.length, bytes.length());
        assertArrayEquals(g, ShareMessages.decode(text, ShareMessages.Form.BASE64).share().gradient());
    }
}
