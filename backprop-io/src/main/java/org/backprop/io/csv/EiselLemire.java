package org.backprop.io.csv;

import java.math.BigInteger;

/**
 * The double nearest to {@code w × 10^q} for a decimal mantissa {@code w} of up to 19 digits, by the
 * Eisel-Lemire algorithm (D. Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice
 * and Experience 51(8), 2021; the form follows Go's {@code strconv.eiselLemire64}): one or two
 * 64×128-bit multiplications by a truncated power of ten. It returns the correctly rounded value,
 * the same bits as {@link Double#parseDouble}, or NaN when it cannot decide (a near-halfway case,
 * a subnormal or infinite result, an exponent outside [−348, 347]); the caller then parses the
 * text the slow way.
 *
 * <p>The 128-bit powers of ten are computed exactly with {@link BigInteger} when the class loads
 * (rounded down, normalized so that the top bit is set), not typed in.
 */
final class EiselLemire {
    static final int MIN_EXP10 = -348;
    static final int MAX_EXP10 = 347;
    /** High and low 64 bits of 10^q's truncated 128-bit mantissa, at index 2(q − MIN_EXP10) and +1. */
    private static final long[] POWERS = powers();

    private EiselLemire() {
    }

    /**
     * The double nearest to {@code mantissa × 10^exp10} with the sign of {@code negative}, or NaN if
     * undecided. {@code mantissa} is read as unsigned (up to 19 decimal digits, no truncation).
     */
    static double toDouble(long mantissa, long exp10, boolean negative) {
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (exp10 < MIN_EXP10 || exp10 > MAX_EXP10) {
            return Double.NaN;
        }
        int q = (int) exp10;
        int clz = Long.numberOfLeadingZeros(mantissa);
        long man = mantissa << clz;
        long retExp2 = ((217706L * q) >> 16) + 64 + 1023 - clz;
        int index = 2 * (q - MIN_EXP10);
        long powHi = POWERS[index];
        long powLo = POWERS[index + 1];
        long xHi = unsignedMultiplyHigh(man, powHi);
        long xLo = man * powHi;
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            long yHi = unsignedMultiplyHigh(man, powLo);
            long yLo = man * powLo;
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return Double.NaN;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long retMantissa = xHi >>> (msb + 9);
        retExp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (retMantissa & 3) == 1) {
            return Double.NaN;
        }
        retMantissa += retMantissa & 1;
        retMantissa >>>= 1;
        if ((retMantissa >>> 53) > 0) {
            retMantissa >>>= 1;
            retExp2 += 1;
        }
        if (retExp2 <= 0 || retExp2 >= 0x7FF) {
            return Double.NaN;
        }
        long bits = retExp2 << 52 | retMantissa & 0x000F_FFFF_FFFF_FFFFL;
        return Double.longBitsToDouble(negative ? bits | Long.MIN_VALUE : bits);
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is JDK 18+). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    private static long[] powers() {
        long[] table = new long[2 * (MAX_EXP10 - MIN_EXP10 + 1)];
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
            BigInteger m;
            if (q >= 0) {
                BigInteger v = BigInteger.TEN.pow(q);
                int shift = v.bitLength() - 128;
                m = shift >= 0 ? v.shiftRight(shift) : v.shiftLeft(-shift);
            } else {
                BigInteger d = BigInteger.TEN.pow(-q);
                m = BigInteger.ONE.shiftLeft(d.bitLength() + 127).divide(d);
            }
            int index = 2 * (q - MIN_EXP10);
            table[index] = m.shiftRight(64).longValue();
            table[index + 1] = m.and(mask64).longValue();
        }
        return table;
    }
}
