package org.backprop.metrics;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.OptionalDouble;

/**
 * The area under the ROC curve of unweighted rows, counted exactly: rows are added a threshold (one
 * distinct score) at a time, from the highest score down, as the number of positive and negative rows
 * at that score; the trapezoidal area (ties count one half) is kept as the integer
 * {@code 2·area = Σ Δfp·(2·tp_before + Δtp)}, and {@link #value()} divides it by {@code 2·TP·FP}
 * once, correctly rounded. {@link RocAuc#ofClassScores} counts through this class.
 *
 * <p>Ranked in parts: a tally of the rows ranked below all of this tally's rows (e.g. the next Spark
 * partition of rows sorted by score, descending) is {@link #append appended} exactly (its area grows
 * by 2·its FP·this TP), so the parts of a sorted set give the bits of the whole set as long as no
 * score's rows are split between two parts. Counts are longs; more than about 2³⁰ rows of each class
 * fail with an {@link ArithmeticException} rather than lose a bit.
 */
public final class RocArea implements Serializable {
    private static final long serialVersionUID = 1L;
    /** 2⁵³: integers up to it are doubles exactly. */
    private static final long EXACT_DOUBLE = 1L << 53;

    private long positives;
    private long negatives;
    private long twiceArea;

    /** An empty tally. */
    public RocArea() {
    }

    /**
     * Adds the rows of the next threshold: {@code positives} positive and {@code negatives} negative
     * rows sharing one score, lower than every score added before.
     */
    public void addThreshold(long positives, long negatives) {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("roc area: negative counts " + positives + ", " + negatives);
        }
        long heights = Math.addExact(Math.multiplyExact(2, this.positives), positives);
        twiceArea = Math.addExact(twiceArea, Math.multiplyExact(negatives, heights));
        this.positives = Math.addExact(this.positives, positives);
        this.negatives = Math.addExact(this.negatives, negatives);
    }

    /** Appends {@code lower} (unchanged), whose rows all score below this tally's rows. */
    public void append(RocArea lower) {
        long shift = Math.multiplyExact(Math.multiplyExact(2, positives), lower.negatives);
        twiceArea = Math.addExact(Math.addExact(twiceArea, lower.twiceArea), shift);
        positives = Math.addExact(positives, lower.positives);
        negatives = Math.addExact(negatives, lower.negatives);
    }

    /** The positive rows added. */
    public long positives() {
        return positives;
    }

    /** The negative rows added. */
    public long negatives() {
        return negatives;
    }

    /** The ROC AUC {@code 2·area / (2·TP·FP)}, correctly rounded; empty without a positive or a negative row. */
    public OptionalDouble value() {
        if (positives == 0 || negatives == 0) {
            return OptionalDouble.empty();
        }
        long pairs = Math.multiplyExact(positives, negatives);
        if (twiceArea <= EXACT_DOUBLE && pairs <= EXACT_DOUBLE / 2) {
            return OptionalDouble.of(twiceArea / 2.0 / pairs); // exact operands, one rounding
        }
        return OptionalDouble.of(ratio(BigInteger.valueOf(twiceArea), BigInteger.valueOf(pairs).shiftLeft(1)));
    }

    /** {@code num / den} (num ≥ 0, den &gt; 0) rounded to the nearest double, ties to even. */
    static double ratio(BigInteger num, BigInteger den) {
        if (num.signum() == 0) {
            return 0.0;
        }
        // Scale so that the integer quotient has at least 63 bits; a non-zero remainder sets its lowest
        // bit (sticky), far below the 54 bits the rounding looks at.
        int shift = 64 - (num.bitLength() - den.bitLength());
        BigInteger[] qr = shift >= 0 ? num.shiftLeft(shift).divideAndRemainder(den)
                : num.divideAndRemainder(den.shiftLeft(-shift));
        BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].setBit(0);
        return Math.scalb(q.doubleValue(), -shift);
    }
}
