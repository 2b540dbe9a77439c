package org.backprop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

import org.backprop.kernel.FloatGemm;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;

/**
 * The seed step's five large products (and 1024³) on one thread, in double ({@link Kernels#create})
 * and in float ({@link Kernels#createFloat}), timed in the calling thread's CPU time rather than
 * wall time: on a machine shared with other work a thread's CPU time still counts only the cycles
 * it ran, so the figure stays comparable between runs and with
 * {@code backprop-bench/peers/numpy_shapes_cpu.py} (the same shapes through NumPy/OpenBLAS,
 * {@code time.thread_time}), run alternately with it. Each case: a warm-up, then the best of 5
 * timed batches of calls; prints µs per call and GFLOP/s per round.
 *
 * <pre>
 * backprop-bench/bench-java SeedShapesCpuTime [rounds]
 * OPENBLAS_NUM_THREADS=1 /usr/bin/python3 backprop-bench/peers/numpy_shapes_cpu.py [rounds]
 * </pre>
 */
public final class SeedShapesCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Product forms: A·B, Aᵀ·B, A·Bᵀ. */
    private static final String[] FORMS = {"mult", "mult", "multTransA", "multTransB", "multTransA", "mult"};
    /** m, n, k of C = (A or Aᵀ)·(B or Bᵀ), C m×n, depth k: N1, N2, dW2, dA1, dW1, 1024³. */
    private static final int[][] SHAPES = {{500, 128, 100}, {500, 256, 128}, {128, 256, 500}, {500, 128, 256},
        {100, 128, 500}, {1024, 1024, 1024}};
    private static final int BATCHES = 5;

    private SeedShapesCpuTime() {
    }

    /**
     * Operands of every shape here (up to 1024×1024): a and b uniform in [-0.5, 0.5) from seed 1, af and
     * bf their float roundings, c and cf the outputs.
     */
    record Operands(double[] a, double[] b, double[] c, float[] af, float[] bf, float[] cf) {
        static Operands random() {
            SplittableRandom r = new SplittableRandom(1);
            int size = 1024 * 1024;
            Operands x = new Operands(new double[size], new double[size], new double[size], new float[size],
                    new float[size], new float[size]);
            for (int i = 0; i < size; i++) {
                x.a[i] = r.nextDouble() - 0.5;
                x.b[i] = r.nextDouble() - 0.5;
                x.af[i] = (float) x.a[i];
                x.bf[i] = (float) x.b[i];
            }
            return x;
        }
    }

    private interface Call {
        void run();
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Operands x = Operands.random();
        double[] a = x.a();
        double[] b = x.b();
        double[] c = x.c();
        float[] af = x.af();
        float[] bf = x.bf();
        float[] cf = x.cf();
        try (Gemm d = Kernels.create(1); FloatGemm f = Kernels.createFloat(1)) {
            System.out.println(Machine.describe());
            System.out.println("kernels:   " + d.describe() + " | " + f.describe() + "; thread CPU time");
            for (int round = 1; round <= rounds; round++) {
                for (int s = 0; s < SHAPES.length; s++) {
                    int m = SHAPES[s][0];
                    int n = SHAPES[s][1];
                    int k = SHAPES[s][2];
                    String form = FORMS[s];
                    double us64 = time(() -> product(d, form, m, n, k, a, b, c), m, n, k);
                    double us32 = time(() -> product(f, form, m, n, k, af, bf, cf), m, n, k);
                    double flop = 2.0 * m * n * k;
                    System.out.println(String.format(Locale.ROOT,
                            "round %d  %-10s %4d×%4d k %4d   float64 %9.1f us %6.1f GFLOP/s   float32 %9.1f us %6.1f GFLOP/s",
                            round, form, m, n, k, us64, flop / us64 / 1e3, us32, flop / us32 / 1e3));
                }
            }
        }
    }

    private static double time(Call call, int m, int n, int k) {
        int calls = (int) Math.max(5, 1e8 / (m * (double) n * k));
        for (int i = 0; i < calls / 2 + 5; i++) {
            call.run();
        }
        long best = Long.MAX_VALUE;
        for (int batch = 0; batch < BATCHES; batch++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
        }
        return best / 1e3 / calls;
    }

    private static void product(Gemm g, String form, int m, int n, int k, double[] a, double[] b, double[] c) {
        switch (form) {
            case "mult" -> g.mult(m, n, k, a, 0, b, 0, c, 0, false);
            case "multTransA" -> g.multTransA(m, n, k, a, 0, b, 0, c, 0, false);
            default -> g.multTransB(m, n, k, a, 0, b, 0, c, 0, false);
        }
    }

    private static void product(FloatGemm g, String form, int m, int n, int k, float[] a, float[] b, float[] c) {
        switch (form) {
            case "mult" -> g.mult(m, n, k, a, 0, b, 0, c, 0, false);
            case "multTransA" -> g.multTransA(m, n, k, a, 0, b, 0, c, 0, false);
            default -> g.multTransB(m, n, k, a, 0, b, 0, c, 0, false);
        }
    }
}
