package org.backprop.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.backprop.kernel.FloatGemm;
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
 * (batch 32) and a large square product (our own peak). Shapes are {@code form:MxNxK} for C (m×n)
 * with depth k ({@link GemmShape}); GFLOP/s = 2·m·n·k / time. {@code dtype=float32} times the float
 * kernels ({@link FloatGemm}) on float arrays, as {@code --dtype float32} training multiplies (its
 * matrix–vector shapes stay in double there). Run:
 * {@code java -jar backprop-bench/target/benchmarks.jar GemmBenchmark -p dtype=float64}.
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

    @Param({"float64", "float32"})
    public String dtype;

    private GemmShape s;
    private Gemm doubles;
    private FloatGemm floats;
    private double[] a;
    private double[] b;
    private double[] c;
    private float[] fa;
    private float[] fb;
    private float[] fc;

    @Setup(Level.Trial)
    public void setUp() {
        s = GemmShape.parse(shape);
        boolean scalar = "scalar".equals(kernel);
        if ("float32".equals(dtype)) {
            fa = random(s.aSize(), 1);
            fb = random(s.bSize(), 2);
            fc = new float[s.cSize()];
            floats = scalar ? Kernels.scalarFloat(threads) : Kernels.createFloat(threads);
        } else {
            a = widen(random(s.aSize(), 1));
            b = widen(random(s.bSize(), 2));
            c = new double[s.cSize()];
            doubles = scalar ? Kernels.scalar(threads) : Kernels.create(threads);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (floats != null) {
            floats.close();
        }
        if (doubles != null) {
            doubles.close();
        }
    }

    @Benchmark
    public Object gemm() {
        return floats != null ? floatProduct() : doubleProduct();
    }

    private double[] doubleProduct() {
        switch (s.form()) {
            case "mult" -> doubles.mult(s.m(), s.n(), s.k(), a, 0, b, 0, c, 0, false);
            case "multTransA" -> doubles.multTransA(s.m(), s.n(), s.k(), a, 0, b, 0, c, 0, false);
            case "multTransB" -> doubles.multTransB(s.m(), s.n(), s.k(), a, 0, b, 0, c, 0, false);
            default -> throw new IllegalArgumentException("unknown form " + s.form());
        }
        return c;
    }

    private float[] floatProduct() {
        switch (s.form()) {
            case "mult" -> floats.mult(s.m(), s.n(), s.k(), fa, 0, fb, 0, fc, 0, false);
            case "multTransA" -> floats.multTransA(s.m(), s.n(), s.k(), fa, 0, fb, 0, fc, 0, false);
            case "multTransB" -> floats.multTransB(s.m(), s.n(), s.k(), fa, 0, fb, 0, fc, 0, false);
            default -> throw new IllegalArgumentException("unknown form " + s.form());
        }
        return fc;
    }

    /** Uniform in [−1, 1), rounded to float (the double arrays widen the same values). */
    private static float[] random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        return x;
    }

    private static double[] widen(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
