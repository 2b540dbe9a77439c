package org.backprop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.backprop.kernel.FloatGemm;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;

/**
 * The tabular 20→64→32→1 network's A·B products (a 1,000-row prediction batch and a 32-row training
 * batch) and the seed's 500×128×100, on one thread, double and float, in the calling thread's CPU
 * time (comparable between runs on a machine shared with other work; see {@link SeedShapesCpuTime}).
 * Each shape: the median of 31 timed batches of calls (after as many warm-up batches); prints µs per
 * call and GFLOP/s. For an A/B of two builds run it alternately with each build's jar on the class
 * path in place of backprop-core's classes:
 *
 * <pre>
 * backprop-bench/bench-java TabularShapesCpuTime
 * java @jvm.options -cp backprop-bench/target/classes:OTHER/backprop-cli/target/backprop.jar \
 *     org.backprop.bench.TabularShapesCpuTime
 * </pre>
 */
public final class TabularShapesCpuTime {
    /** m, n, k of C = A·B: the tabular layers at 1,000 and 32 rows, then the seed's N1. */
    private static final int[][] SHAPES = {{1000, 64, 20}, {1000, 32, 64}, {32, 64, 20}, {32, 32, 64},
        {500, 128, 100}};
    private static final int BATCHES = 31;

    private TabularShapesCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(1);
        System.out.println(Machine.describe());
        try (Gemm doubles = Kernels.create(1); FloatGemm floats = Kernels.createFloat(1)) {
            System.out.println("kernels:   " + doubles.describe() + " | " + floats.describe() + "; thread CPU time");
            for (int[] s : SHAPES) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                double[] a = random.doubles(m * k, -1, 1).toArray();
                double[] b = random.doubles(k * n, -1, 1).toArray();
                double[] c = new double[m * n];
                float[] af = narrow(a);
                float[] bf = narrow(b);
                float[] cf = new float[m * n];
                int reps = Math.max(1, 20_000_000 / (m * n * k));
                double[] inDouble = new double[BATCHES];
                double[] inFloat = new double[BATCHES];
                for (int pass = 0; pass < 2; pass++) {       // the first pass warms up
                    for (int t = 0; t < BATCHES; t++) {
                        long t0 = cpu.getCurrentThreadCpuTime();
                        for (int i = 0; i < reps; i++) {
                            doubles.mult(m, n, k, a, 0, b, 0, c, 0, false);
                        }
                        long t1 = cpu.getCurrentThreadCpuTime();
                        for (int i = 0; i < reps; i++) {
                            floats.mult(m, n, k, af, 0, bf, 0, cf, 0, false);
                        }
                        long t2 = cpu.getCurrentThreadCpuTime();
                        inDouble[t] = (t1 - t0) / (double) reps;
                        inFloat[t] = (t2 - t1) / (double) reps;
                    }
                }
                Arrays.sort(inDouble);
                Arrays.sort(inFloat);
                double flop = 2.0 * m * n * k;
                double d = inDouble[BATCHES / 2];
                double f = inFloat[BATCHES / 2];
                System.out.printf("%d×%d×%d float64 %.1f µs (%.1f GFLOP/s) float32 %.1f µs (%.1f GFLOP/s)%n", m, n, k,
                        d / 1e3, flop / d, f / 1e3, flop / f);
            }
        }
    }

    private static float[] narrow(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
