package org.backprop.io.preprocess;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exact sum of finite doubles, rounded once to the nearest double at the end: the result does
 * not depend on the order of the terms nor on how they are split into partial sums that are then
 * {@linkplain #merge merged}, so a sum over one machine's rows and one over P Spark partitions are
 * the same double. Each term is split into three 32-bit digits of a fixed-point number spanning the
 * whole double range (2<sup>-1074</sup> … 2<sup>1024</sup>); digits are carried every 2<sup>30</sup>
 * terms, so any count of terms fits.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Bit position 0 is 2^-1074; a double's top bit is below 2^1024, plus room for 64 carry bits. */
    private static final int DIGITS = (1074 + 1024 + 64) / 32 + 1;
    private static final int CARRY_EVERY = 1 << 30;
    private static final BigDecimal UNIT = new BigDecimal(Double.MIN_VALUE);
    private final long[] digits = new long[DIGITS];
    private int sinceCarry;

    /** Adds {@code x}, which must be finite. */
    public void add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("cannot sum " + x);
        }
        if (x == 0) {
            return;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        int position;
        if (biased == 0) {
            position = 0;
        } else {
            mantissa |= 1L << 52;
            position = biased - 1;
        }
        int digit = position >>> 5;
        int shift = position & 31;
        long low = (mantissa << shift) & 0xFFFFFFFFL;
        long middle = (mantissa >>> (32 - shift)) & 0xFFFFFFFFL;
        long high = shift == 0 ? 0 : mantissa >>> (64 - shift);
        if (shift == 0) {
            middle = mantissa >>> 32;
        }
        if (x < 0) {
            digits[digit] -= low;
            digits[digit + 1] -= middle;
            digits[digit + 2] -= high;
        } else {
            digits[digit] += low;
            digits[digit + 1] += middle;
            digits[digit + 2] += high;
        }
        if (++sinceCarry == CARRY_EVERY) {
            carry();
        }
    }

    /** Adds the terms of {@code other} into this sum; returns this. */
    public ExactSum merge(ExactSum other) {
        carry();
        other.carry();
        for (int i = 0; i < DIGITS; i++) {
            digits[i] += other.digits[i];
        }
        carry();
        return this;
    }

    /** The sum rounded to the nearest double (ties to even); infinite if it overflows. */
    public double value() {
        carry();
        BigInteger total = BigInteger.ZERO;
        for (int i = DIGITS - 1; i >= 0; i--) {
            total = total.shiftLeft(32).add(BigInteger.valueOf(digits[i]));
        }
        return new BigDecimal(total).multiply(UNIT).doubleValue();
    }

    /** Moves each digit's overflow into the next one, leaving digits in [0, 2^32) (the top one signed). */
    private void carry() {
        for (int i = 0; i < DIGITS - 1; i++) {
            long carry = digits[i] >> 32;
            digits[i] -= carry << 32;
            digits[i + 1] += carry;
        }
        sinceCarry = 0;
    }
}
