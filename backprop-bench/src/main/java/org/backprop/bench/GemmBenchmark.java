package org.backprop.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per GEMM call for the seed training step (batch 500, layers 100-128-256-1), a tiny network
 * (batch 32) and a large square product. Shapes are {@code form:MxNxK} for C (m×n) with depth k;
 * GFLOP/s = 2·m·n·k / time. Run: {@code java -jar backprop-bench/target/benchmarks.jar GemmBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class GemmBenchmark {

    @Param({"mult:500x128x100", "mult:500x256x128", "mult:500x1x256",
            "multTransA:100x128x500", "multTransA:128x256x500", "multTransA:256x1x500",
            "multTransB:500x128x256", "multTransB:500x256x1",
            "mult:32x64x10", "mult:1024x1024x1024"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    @Param({"vector", "scalar"})
    public String kernel;

    private Gemm gemm;
    private String form;
    private int m;
    private int n;
    private int k;
    private double[] a;
    private double[] b;
    private double[] c;

    @Setup(Level.Trial)
    public void setUp() {
        GemmShape s = GemmShape.parse(shape);
        form = s.form();
        m = s.m();
        n = s.n();
        k = s.k();
        a = random(s.aSize(), 1);
        b = random(s.bSize(), 2);
        c = new double[s.cSize()];
        gemm = "scalar".equals(kernel) ? Kernels.scalar(threads) : Kernels.create(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gemm.close();
    }

    @Benchmark
    public double[] gemm() {
        switch (form) {
            case "mult" -> gemm.mult(m, n, k, a, 0, b, 0, c, 0, false);
            case "multTransA" -> gemm.multTransA(m, n, k, a, 0, b, 0, c, 0, false);
            case "multTransB" -> gemm.multTransB(m, n, k, a, 0, b, 0, c, 0, false);
            default -> throw new IllegalArgumentException("unknown form " + form);
        }
        return c;
    }

    private static double[] random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        return x;
    }
}
