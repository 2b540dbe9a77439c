package org.backprop.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.op.Activation;
import org.backprop.op.Activations;
import org.backprop.op.BiasActivation;
import org.backprop.op.BiasAdd;
import org.backprop.op.WeightMultiply;
import org.backprop.tensor.Matrix;

/**
 * The fused passes of {@link BiasActivation} against the same work done without fusion, both in one
 * JVM and alternated (this machine's speed moves too much between processes to compare runs), on
 * the seed shapes (batch 500, ReLU):
 * <ul>
 *   <li>float64 backward of the 256-wide and 128-wide layers: the activation's backward then the
 *       bias add's, against {@link BiasActivation#backward(Matrix)};</li>
 *   <li>float32 backward of the 128→256 layer including its X·W backward: without and with dL/dP
 *       rounded inside the fused pass ({@link BiasActivation#backward(Matrix, WeightMultiply)});</li>
 *   <li>float32 forward of the 100→128 layer and the next product: bias + activation after a widened
 *       product, against {@link BiasActivation#forwardFrom} (N widened and A rounded in the pass).</li>
 * </ul>
 * Each case: 2 warm-up passes, then 6 timed passes of 2000 calls per variant; prints the median µs
 * per call.
 *
 * <pre>
 * backprop-bench/bench-java FusedPassBenchmark [threads]
 * </pre>
 */
public final class FusedPassBenchmark {
    private static final int ROWS = 500;
    private static final int CALLS = 2000;
    private static final int WARM_UP_PASSES = 2;
    private static final int PASSES = 6;

    private FusedPassBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Kernels.defaultThreads();
        System.out.println(Machine.describe());
        System.out.println(String.format(Locale.ROOT, "batch %d, ReLU, %d thread(s); median µs per call of %d passes",
                ROWS, threads, PASSES));
        try (Gemm doubles = Kernels.create(threads); Gemm floats = Kernels.create(threads, Precision.FLOAT32)) {
            for (int cols : new int[] {256, 128}) {
                Layer l = new Layer(64, cols, doubles);
                l.biasActivation.forward(l.multiply.forward(l.x));
                compare("float64 backward, " + cols + " wide: activation then bias add / fused",
                        () -> l.bias.backward(l.activation.backward(l.gradA)),
                        () -> l.biasActivation.backward(l.gradA));
            }
            Layer b = new Layer(128, 256, floats);
            b.biasActivation.forward(b.multiply.forward(b.x));
            compare("float32 backward of 128→256 with X·W: dL/dP rounded by X·W / in the fused pass",
                    () -> b.multiply.backward(b.biasActivation.backward(b.gradA, null)),
                    () -> b.multiply.backward(b.biasActivation.backward(b.gradA, b.multiply)));
            Layer f = new Layer(100, 128, floats);
            WeightMultiply next = new WeightMultiply(random(new SplittableRandom(3), 128, 256),
                    Matrix.zeros(128, 256), floats);
            compare("float32 forward of 100→128 and the next product: separate conversions / in the fused pass",
                    () -> next.forward(f.biasActivation.forward(f.multiply.forward(f.x))),
                    () -> next.forward(f.biasActivation.forwardFrom(f.multiply, f.x, true, next)));
        }
    }

    private static void compare(String what, Runnable unfused, Runnable fused) {
        double[] a = new double[PASSES];
        double[] b = new double[PASSES];
        for (int pass = -WARM_UP_PASSES; pass < PASSES; pass++) {
            double ta = time(unfused);
            double tb = time(fused);
            if (pass >= 0) {
                a[pass] = ta;
                b[pass] = tb;
            }
        }
        System.out.println(String.format(Locale.ROOT, "%-90s %8.1f / %8.1f µs", what, median(a), median(b)));
    }

    private static double time(Runnable r) {
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            r.run();
        }
        return (System.nanoTime() - start) / 1e3 / CALLS;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static Matrix random(SplittableRandom r, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.data()[k] = r.nextDouble(-1, 1);
        }
        return m;
    }

    /** X·W, + B and ReLU of one layer on one kernel, with an input batch and an output gradient. */
    private static final class Layer {
        final Matrix x;
        final Matrix gradA;
        final WeightMultiply multiply;
        final BiasAdd bias;
        final Activation activation = Activations.byName("relu");
        final BiasActivation biasActivation;

        Layer(int in, int out, Gemm gemm) {
            SplittableRandom r = new SplittableRandom(in * 31L + out);
            x = random(r, ROWS, in);
            gradA = random(r, ROWS, out);
            multiply = new WeightMultiply(random(r, in, out), Matrix.zeros(in, out), gemm);
            bias = new BiasAdd(random(r, 1, out), Matrix.zeros(1, out));
            bias.parallelOn(gemm.team());
            activation.parallelOn(gemm.team());
            biasActivation = new BiasActivation(bias, activation, gemm.team());
        }
    }
}
