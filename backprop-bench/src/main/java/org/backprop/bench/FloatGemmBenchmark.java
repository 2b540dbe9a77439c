package org.backprop.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.backprop.kernel.FloatGemm;
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
 * Time per call of the float kernels ({@link FloatGemm}, what {@code --dtype float32} multiplies
 * with) on float arrays: the seed step's five products that run in float and a large square
 * product, our own float32 peak to set against NumPy's. Shapes as in {@link GemmBenchmark}; the
 * matrix–vector shapes stay in double in training and are left out. Run:
 * {@code java -jar backprop-bench/target/benchmarks.jar FloatGemmBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class FloatGemmBenchmark {

    @Param({"mult:500x128x100", "mult:500x256x128", "multTransA:100x128x500", "multTransA:128x256x500",
            "multTransB:500x128x256", "mult:1024x1024x1024"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    @Param({"vector", "scalar"})
    public String kernel;

    private FloatGemm gemm;
    private GemmShape s;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup(Level.Trial)
    public void setUp() {
        s = GemmShape.parse(shape);
        a = random(s.aSize(), 1);
        b = random(s.bSize(), 2);
        c = new float[s.cSize()];
        gemm = "scalar".equals(kernel) ? Kernels.scalarFloat(threads) : Kernels.createFloat(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gemm.close();
    }

    @Benchmark
    public float[] gemm() {
        switch (s.form()) {
            case "mult" -> gemm.mult(s.m(), s.n(), s.k(), a, 0, b, 0, c, 0, false);
            case "multTransA" -> gemm.multTransA(s.m(), s.n(), s.k(), a, 0, b, 0, c, 0, false);
            case "multTransB" -> gemm.multTransB(s.m(), s.n(), s.k(), a, 0, b, 0, c, 0, false);
            default -> throw new IllegalArgumentException("unknown form " + s.form());
        }
        return c;
    }

    private static float[] random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        return x;
    }
}
