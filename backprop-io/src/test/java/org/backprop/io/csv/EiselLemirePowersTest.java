package org.backprop.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The generated table of {@link EiselLemirePowers} (by {@code backprop-io/src/main/python/eisel_lemire_powers.py})
 * equals the definition computed here with {@link BigInteger}: for every q, 10^q scaled by a power of two
 * into [2^127, 2^128) and rounded down, as high and low 64 bits.
 */
class EiselLemirePowersTest {

    @Test
    void everyEntryIsTheTruncated128BitPowerOfTen() {
        long[] table = EiselLemirePowers.table();
        assertEquals(2 * (EiselLemirePowers.MAX_EXP10 - EiselLemirePowers.MIN_EXP10 + 1), table.length);
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = EiselLemirePowers.MIN_EXP10; q <= EiselLemirePowers.MAX_EXP10; q++) {
            BigInteger m;
            if (q >= 0) {
                BigInteger v = BigInteger.TEN.pow(q);
                int shift = v.bitLength() - 128;
                m = shift >= 0 ? v.shiftRight(shift) : v.shiftLeft(-shift);
            } else {
                BigInteger d = BigInteger.TEN.pow(-q);
                m = BigInteger.ONE.shiftLeft(d.bitLength() + 127).divide(d);
            }
            assertEquals(128, m.bitLength(), "1e" + q);
            int index = 2 * (q - EiselLemirePowers.MIN_EXP10);
            assertEquals(m.shiftRight(64).longValue(), table[index], "high bits of 1e" + q);
            assertEquals(m.and(mask64).longValue(), table[index + 1], "low bits of 1e" + q);
        }
    }
}
