package org.backprop.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lowest time a one-row prediction of the seed network (100→128→256→1) can take on one core:
 * every one of its 46,209 parameters must be read once per row, so this reads an array of that many
 * doubles (361 KiB), or the 180 KiB the same weights take as floats, which live in L2 (not L1) on
 * this VM, with four independent vector accumulators and nothing else, each read timed on its own. Prints p50 and the minimum in µs
 * and the read bandwidth they mean, per round.
 *
 * <pre>
 * backprop-bench/bench-java WeightReadBound [--reads 20000] [--rounds 4]
 * </pre>
 */
public final class WeightReadBound {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Parameters of the seed network 100→128→256→1 (weights and biases). */
    static final int SEED_PARAMETERS = 100 * 128 + 128 + 128 * 256 + 256 + 256 + 1;

    private WeightReadBound() {
    }

    public static void main(String[] args) {
        int reads;
        int rounds;
        try {
            Args parsed = new Args(args, Set.of("--reads", "--rounds"));
            reads = parsed.positiveInt("--reads", 20_000);
            rounds = parsed.positiveInt("--rounds", 4);
        } catch (Args.UsageException e) {
            System.err.println("WeightReadBound: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(Machine.describe());
        double[] d = new double[SEED_PARAMETERS];
        // the float32 weights' bytes: as many doubles as half the floats (the bound is in bytes)
        double[] f = new double[(SEED_PARAMETERS + 1) / 2];
        for (int i = 0; i < d.length; i++) {
            d[i] = i * 1e-6;
        }
        System.arraycopy(d, 0, f, 0, f.length);
        long[] t = new long[reads];
        double sink = 0;
        for (int round = 1; round <= rounds; round++) {
            for (int r = 0; r < reads; r++) {
                long t0 = System.nanoTime();
                sink += sum(d);
                t[r] = System.nanoTime() - t0;
            }
            report(round, "float64", d.length * 8L, t);
            for (int r = 0; r < reads; r++) {
                long t0 = System.nanoTime();
                sink += sum(f);
                t[r] = System.nanoTime() - t0;
            }
            report(round, "float32", SEED_PARAMETERS * 4L, t);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void report(int round, String dtype, long bytes, long[] t) {
        long[] sorted = t.clone();
        Arrays.sort(sorted);
        long p50 = sorted[sorted.length / 2];
        long min = sorted[0];
        System.out.printf(Locale.ROOT, "round %d %s %d KiB: p50 %.2f us (%.1f GB/s), min %.2f us (%.1f GB/s)%n",
                round, dtype, bytes / 1024, p50 / 1e3, (double) bytes / p50, min / 1e3, (double) bytes / min);
    }

    static double sum(double[] a) {
        int n = DOUBLES.length();
        DoubleVector s0 = DoubleVector.zero(DOUBLES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i + 4 * n <= a.length; i += 4 * n) {
            s0 = s0.add(DoubleVector.fromArray(DOUBLES, a, i));
            s1 = s1.add(DoubleVector.fromArray(DOUBLES, a, i + n));
            s2 = s2.add(DoubleVector.fromArray(DOUBLES, a, i + 2 * n));
            s3 = s3.add(DoubleVector.fromArray(DOUBLES, a, i + 3 * n));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }
}
