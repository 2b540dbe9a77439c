package org.backprop.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.layer.Layer;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * A network's fused plan against the plain loop (each layer's operations forward, then each layer's
 * backward in reverse), both in one JVM and alternated (this machine's speed moves too much between
 * processes to compare runs), on the seed network (100→128 ReLU→256 ReLU→1 linear, batch 500):
 * one forward, loss and backward pass, in float64 and float32. The two give the same bits
 * ({@code DensePlanTest}). Each case: 2 warm-up passes, then 6 timed passes of 200 calls per
 * variant; prints the median µs per call.
 *
 * <pre>
 * backprop-bench/bench-java FusedPassBenchmark [threads]
 * </pre>
 */
public final class FusedPassBenchmark {
    private static final int ROWS = 500;
    private static final int CALLS = 200;
    private static final int WARM_UP_PASSES = 2;
    private static final int PASSES = 6;

    private FusedPassBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Kernels.defaultThreads();
        System.out.println(Machine.describe());
        System.out.println(String.format(Locale.ROOT,
                "seed network, batch %d, %d thread(s); median µs per step (forward, loss, backward) of %d passes",
                ROWS, threads, PASSES));
        SplittableRandom r = new SplittableRandom(3);
        Matrix x = random(r, ROWS, 100);
        Matrix y = random(r, ROWS, 1);
        for (Precision precision : Precision.values()) {
            try (NeuralNetwork net = NeuralNetwork.builder(100).dense(128, "relu").dense(256, "relu")
                    .dense(1, "linear").seed(1).threads(threads).precision(precision).build()) {
                compare(precision + ": plain loop / plan", () -> plainStep(net, x, y), () -> {
                    net.forwardLoss(x, y);
                    net.backward();
                });
            }
        }
    }

    /** The plain loop: each layer's forward, the loss, each layer's backward in reverse order. */
    private static void plainStep(NeuralNetwork net, Matrix x, Matrix y) {
        Matrix out = x;
        for (Layer layer : net.layers()) {
            out = layer.forward(out, true);
        }
        net.loss().forward(out, y);
        Matrix grad = net.loss().backward();
        for (int i = net.layers().size() - 1; i >= 0; i--) {
            grad = net.layers().get(i).backward(grad, i > 0);
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
}
