package org.backprop.bench;

import java.util.Locale;
import java.util.Set;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * How much a vector stream's speed depends on where its data starts within a 64-byte cache line:
 * the same loops on one array, started at element offsets 0..15. A Java array's elements start
 * wherever the allocator (and later the garbage collector) put the array, at any multiple of 8
 * bytes, so a 64-byte vector load is split over two cache lines unless the start is aligned: one
 * offset in eight. Two loops, each timed at every offset, repeated per round:
 * <ul>
 *   <li>{@code row-combine}: a one-row product with the seed network's widest layer
 *       (coef · W, W 176×256 doubles, 352 KiB, in L2), four column vectors at a time, as
 *       {@code VectorGemm.combineRows} does;</li>
 *   <li>{@code add}: z = x + y over 128k doubles each (1 MiB, a 500×256 activation), as a band
 *       pass does, all three arrays at the same offset.</li>
 * </ul>
 * Prints µs per call at each offset.
 *
 * <pre>
 * backprop-bench/bench-java VectorAlignment [--rounds 3]
 * </pre>
 */
public final class VectorAlignment {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int COLS = 256;
    private static final int ROWS = 176;
    private static final int ADD = 500 * 256;

    private VectorAlignment() {
    }

    public static void main(String[] args) {
        int rounds;
        try {
            rounds = new Args(args, Set.of("--rounds")).positiveInt("--rounds", 3);
        } catch (Args.UsageException e) {
            System.err.println("VectorAlignment: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(Machine.describe());
        System.out.println("vector: " + S);
        double[] w = new double[ROWS * COLS + 16];
        double[] x = new double[ADD + 16];
        double[] y = new double[ADD + 16];
        double[] z = new double[ADD + 16];
        for (int i = 0; i < w.length; i++) {
            w[i] = i * 1e-6;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 1e-3;
            y[i] = -i * 2e-3;
        }
        double[] c = new double[COLS];
        double sink = 0;
        for (int round = 1; round <= rounds; round++) {
            StringBuilder combine = new StringBuilder("round " + round + " row-combine µs:");
            StringBuilder add = new StringBuilder("round " + round + " add µs:        ");
            for (int off = 0; off < 16; off++) {
                for (int i = 0; i < 2_000; i++) {
                    sink += combineRows(w, off, c);
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < 5_000; i++) {
                    sink += combineRows(w, off, c);
                }
                combine.append(String.format(Locale.ROOT, " %d:%.2f", off, (System.nanoTime() - t0) / 5_000 / 1e3));
                for (int i = 0; i < 200; i++) {
                    add(x, y, z, off);
                }
                t0 = System.nanoTime();
                for (int i = 0; i < 1_000; i++) {
                    add(x, y, z, off);
                }
                add.append(String.format(Locale.ROOT, " %d:%.1f", off, (System.nanoTime() - t0) / 1_000 / 1e3));
            }
            System.out.println(combine);
            System.out.println(add);
        }
        System.out.println("(sink " + (sink + z[7]) + ")");
    }

    private static double combineRows(double[] w, int off, double[] c) {
        int l = S.length();
        for (int t = 0; t + 4 * l <= COLS; t += 4 * l) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (int p = 0; p < ROWS; p++) {
                DoubleVector coef = DoubleVector.broadcast(S, 0.5 + p * 1e-3);
                int r = off + p * COLS + t;
                a0 = DoubleVector.fromArray(S, w, r).fma(coef, a0);
                a1 = DoubleVector.fromArray(S, w, r + l).fma(coef, a1);
                a2 = DoubleVector.fromArray(S, w, r + 2 * l).fma(coef, a2);
                a3 = DoubleVector.fromArray(S, w, r + 3 * l).fma(coef, a3);
            }
            a0.add(a1).add(a2).add(a3).intoArray(c, t);
        }
        return c[0];
    }

    private static void add(double[] x, double[] y, double[] z, int off) {
        int l = S.length();
        for (int k = off; k + l <= off + ADD; k += l) {
            DoubleVector.fromArray(S, x, k).add(DoubleVector.fromArray(S, y, k)).intoArray(z, k);
        }
    }
}
