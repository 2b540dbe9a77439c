package org.backprop.metrics;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigInteger;

/**
 * A sum of doubles kept without rounding error, so that its value does not depend on the order of
 * the terms: {@link #doubleValue()} is the exact sum rounded once to the nearest double (ties to
 * even), whatever the order of {@link #add(double)} calls and however the terms were split into
 * partial sums merged with {@link #add(ExactSum)} (e.g. one per Spark partition). The metrics and
 * io's feature and target scalers sum through it, so a distributed evaluation or fit gives the bits
 * of a local one.
 *
 * <p>Every finite double is an integer multiple of 2⁻¹⁰⁷⁴, so the sum is held as one fixed-point
 * integer over the whole exponent range, in {@value #CHUNKS} chunks of 32 bits kept in longs (a
 * "small superaccumulator", R. M. Neal, "Fast exact summation using small and large
 * superaccumulators", 2015): an add splits the term's 53-bit significand over three chunks, with no
 * loop and no branch on the data; the 32 spare bits of each long absorb 2³⁰ adds before the carries
 * are propagated. {@link #addProduct} adds a·b exactly (its rounded product and, through
 * {@link Math#fma}, the rounding error). {@link #doubleValue()} assembles the integer and rounds it.
 *
 * <p>Non-finite terms (±∞, NaN) are summed apart, as a double (where the order does not matter):
 * they make the value ±∞ or NaN as in naive summation; a finite sum beyond the double range rounds
 * to ±∞. Not thread-safe. Serialized, it keeps only its non-zero chunks.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 2L;
    /** 32-bit chunks covering bit positions 0 … 2047+53 of the integer (units of 2⁻¹⁰⁷⁴), and carries. */
    private static final int CHUNKS = 67;
    private static final long LOW32 = 0xFFFF_FFFFL;
    private static final long SIGNIFICAND = (1L << 52) - 1;
    /** Adds between carry propagations: each add puts less than 2³² into a chunk. */
    private static final int ADDS_PER_CARRY = 1 << 30;

    private transient long[] chunks = new long[CHUNKS];
    private transient int adds;
    /** The sum of the non-finite terms (0 if none). */
    private double special;

    /** An empty sum (value 0). */
    public ExactSum() {
    }

    /** Adds {@code x}. */
    public void add(double x) {
        if (!Double.isFinite(x)) {
            special += x;
            return;
        }
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) & 0x7ff;
        long m = bits & SIGNIFICAND;
        if (exponent == 0) {
            exponent = 1; // subnormal (or zero): no hidden bit, the smallest exponent
        } else {
            m |= 1L << 52;
        }
        int position = exponent - 1; // x = ±m·2^(position − 1074)
        int chunk = position >>> 5;
        int shift = position & 31;
        long sign = bits >> 63; // 0 or -1: (v ^ sign) - sign is v or -v, without a branch
        long[] c = chunks;
        c[chunk] += (((m << shift) & LOW32) ^ sign) - sign;
        c[chunk + 1] += (((m >>> (32 - shift)) & LOW32) ^ sign) - sign;
        c[chunk + 2] += (((m >>> 1) >>> (63 - shift)) ^ sign) - sign;
        if (++adds == ADDS_PER_CARRY) {
            carry();
        }
    }

    /** Adds the exact product {@code a·b} (its rounded value and its rounding error). */
    public void addProduct(double a, double b) {
        double p = a * b;
        add(p);
        if (Double.isFinite(p)) {
            double error = Math.fma(a, b, -p);
            if (error != 0) { // 0 when the product is exact, e.g. a weight of 1
                add(error);
            }
        }
    }

    /** Adds every term of {@code other} (unchanged): the sum of both sets of terms. */
    public void add(ExactSum other) {
        if ((long) adds + other.adds >= ADDS_PER_CARRY) {
            carry();
            other = other.copy();
            other.carry();
        }
        for (int i = 0; i < CHUNKS; i++) {
            chunks[i] += other.chunks[i];
        }
        adds += other.adds;
        special += other.special;
    }

    private ExactSum copy() {
        ExactSum c = new ExactSum();
        c.chunks = chunks.clone();
        c.adds = adds;
        c.special = special;
        return c;
    }

    /** Moves each chunk's bits above 32 into the next chunk (the value is unchanged). */
    void carry() {
        for (int i = 0; i < CHUNKS - 1; i++) {
            long c = chunks[i] >> 32;
            chunks[i] -= c << 32;
            chunks[i + 1] += c;
        }
        adds = 1; // the chunks now hold at most one add's worth beyond 32 bits
    }

    /** The exact sum rounded to the nearest double (ties to even); 0.0 for no terms. */
    public double doubleValue() {
        if (special != 0 || Double.isNaN(special)) {
            return special;
        }
        int from = firstNonZero();
        int to = endOfNonZero(from);
        BigInteger sum = BigInteger.ZERO;
        for (int i = to - 1; i >= from; i--) {
            sum = sum.shiftLeft(32).add(BigInteger.valueOf(chunks[i]));
        }
        return round(sum, 32 * from - 1074);
    }

    /** {@code n·2^e} rounded to the nearest double, ties to even. */
    static double round(BigInteger n, int e) {
        if (n.signum() == 0) {
            return 0.0;
        }
        BigInteger magnitude = n.abs();
        int length = magnitude.bitLength();
        // the unit in the last place of the result: 53 bits below the top, not below 2⁻¹⁰⁷⁴
        int ulp = Math.max(length + e - 53, -1074);
        double value;
        if (ulp <= e) {
            value = Math.scalb(magnitude.doubleValue(), e); // at most 53 significant bits: exact
        } else {
            int drop = ulp - e;
            BigInteger kept = magnitude.shiftRight(drop);
            BigInteger rest = magnitude.subtract(kept.shiftLeft(drop));
            int half = rest.compareTo(BigInteger.ONE.shiftLeft(drop - 1));
            if (half > 0 || half == 0 && kept.testBit(0)) {
                kept = kept.add(BigInteger.ONE);
            }
            value = ulp > 1023 ? Double.POSITIVE_INFINITY : Math.scalb((double) kept.longValueExact(), ulp);
        }
        return n.signum() < 0 ? -value : value;
    }

    /** The lowest non-zero chunk (CHUNKS if none). */
    private int firstNonZero() {
        int from = 0;
        while (from < CHUNKS && chunks[from] == 0) {
            from++;
        }
        return from;
    }

    /** One past the highest non-zero chunk at or above {@code from} ({@code from} if none). */
    private int endOfNonZero(int from) {
        int to = CHUNKS;
        while (to > from && chunks[to - 1] == 0) {
            to--;
        }
        return to;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        int from = firstNonZero();
        int to = endOfNonZero(from);
        out.writeInt(adds);
        out.writeInt(from);
        out.writeInt(to - from);
        for (int i = from; i < to; i++) {
            out.writeLong(chunks[i]);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        chunks = new long[CHUNKS];
        adds = in.readInt();
        int from = in.readInt();
        int n = in.readInt();
        if (adds < 0 || from < 0 || n < 0 || from + n > CHUNKS) {
            throw new java.io.InvalidObjectException("exact sum: chunks " + from + "+" + n + " of " + CHUNKS);
        }
        for (int i = 0; i < n; i++) {
            chunks[from + i] = in.readLong();
        }
    }

    @Override
    public String toString() {
        return "ExactSum[" + doubleValue() + "]";
    }
}
