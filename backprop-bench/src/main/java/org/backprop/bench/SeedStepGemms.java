package org.backprop.bench;

import java.util.Locale;
import java.util.SplittableRandom;

import org.backprop.kernel.FloatCopy;
import org.backprop.kernel.FloatCopyProducts;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;

/**
 * The eight matrix products of one seed-workload training step (batch 500, 100→128→256→1), each
 * timed alone (mean of 400 calls after 50 warm-up calls, third of three passes), and their sum: how
 * much of a step is GEMM. A quick complement to the JMH {@code GemmBenchmark}. {@code float32}
 * rounds the operands in every call (the double-array methods); {@code float32-copies} times the
 * products on operands rounded once beforehand, as a float32 training step runs them.
 *
 * <pre>
 * backprop-bench/bench-java SeedStepGemms [threads] [float64|float32|float32-copies]
 * </pre>
 */
public final class SeedStepGemms {
    /** The mode that times the float32 products on float copies, as a training step runs them. */
    private static final String COPIES = "float32-copies";

    private SeedStepGemms() {
    }

    private interface Product {
        void run(Gemm g);
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Kernels.defaultThreads();
        String mode = args.length > 1 ? args[1] : "float64";
        boolean onCopies = COPIES.equals(mode);
        Precision precision = Precision.parse(onCopies ? "float32" : mode);
        SplittableRandom r = new SplittableRandom(1);
        double[] x = random(r, 500 * 100);
        double[] w1 = random(r, 100 * 128);
        double[] a1 = random(r, 500 * 128);
        double[] w2 = random(r, 128 * 256);
        double[] a2 = random(r, 500 * 256);
        double[] w3 = random(r, 256);
        double[] d3 = random(r, 500);
        double[] d2 = random(r, 500 * 256);
        double[] d1 = random(r, 500 * 128);
        double[] c = new double[500 * 256];
        String[] names = {"N1 = X·W1        500×128, k 100", "N2 = A1·W2       500×256, k 128",
            "N3 = A2·W3       500×1,   k 256", "dW3 = A2ᵀ·dP3   256×1,   k 500", "dA2 = dP3·W3ᵀ   500×256, k 1",
            "dW2 = A1ᵀ·dP2   128×256, k 500", "dA1 = dP2·W2ᵀ   500×128, k 256", "dW1 = Xᵀ·dP1    100×128, k 500"};
        long[] multiplyAdds = {500L * 128 * 100, 500L * 256 * 128, 500L * 256, 256L * 500, 500L * 256,
            128L * 256 * 500, 500L * 128 * 256, 100L * 128 * 500};
        Product[] products = {
            g -> g.mult(500, 128, 100, x, 0, w1, 0, c, 0, false),
            g -> g.mult(500, 256, 128, a1, 0, w2, 0, c, 0, false),
            g -> g.mult(500, 1, 256, a2, 0, w3, 0, c, 0, false),
            g -> g.multTransA(256, 1, 500, a2, 0, d3, 0, c, 0, false),
            g -> g.multTransB(500, 256, 1, d3, 0, w3, 0, c, 0, false),
            g -> g.multTransA(128, 256, 500, a1, 0, d2, 0, c, 0, false),
            g -> g.multTransB(500, 128, 256, d2, 0, w2, 0, c, 0, false),
            g -> g.multTransA(100, 128, 500, x, 0, d1, 0, c, 0, false)};
        try (Gemm gemm = Kernels.create(threads, precision)) {
            if (onCopies) {
                products = onFloatCopies(gemm.fusedPasses().floatCopies(), products, x, w1, a1, w2, d2, d1, c);
            }
            System.out.println(Machine.describe());
            System.out.println("kernel:    " + gemm.describe() + (onCopies
                    ? " (operands rounded once before timing, as the training step rounds them once per pass;"
                    + " matrix-vector shapes in double)" : ""));
            double[] micros = new double[products.length];
            for (int pass = 0; pass < 3; pass++) {
                for (int i = 0; i < products.length; i++) {
                    micros[i] = time(products[i], gemm);
                }
            }
            double total = 0;
            for (int i = 0; i < products.length; i++) {
                total += micros[i];
                System.out.println(String.format(Locale.ROOT, "%-34s %8.1f us %7.1f GFLOP/s", names[i], micros[i],
                        2.0 * multiplyAdds[i] / micros[i] / 1e3));
            }
            System.out.println(String.format(Locale.ROOT, "all eight products of one step: %.1f us", total));
        }
    }

    /**
     * The products as a float32 training step runs them: on float copies of the operands (rounded
     * here once, outside the timing), the result widened to double; matrix–vector shapes as given.
     */
    private static Product[] onFloatCopies(FloatCopyProducts f, Product[] asGiven, double[] x, double[] w1, double[] a1,
                                           double[] w2, double[] d2, double[] d1, double[] c) {
        FloatCopy cx = copy(f, x);
        FloatCopy cw1 = copy(f, w1);
        FloatCopy ca1 = copy(f, a1);
        FloatCopy cw2 = copy(f, w2);
        FloatCopy cd2 = copy(f, d2);
        FloatCopy cd1 = copy(f, d1);
        return new Product[] {
            g -> f.mult(500, 128, 100, cx, cw1, c, 0),
            g -> f.mult(500, 256, 128, ca1, cw2, c, 0),
            asGiven[2], asGiven[3], asGiven[4],
            g -> f.multTransA(128, 256, 500, ca1, cd2, c, 0),
            g -> f.multTransB(500, 128, 256, cd2, cw2, c, 0),
            g -> f.multTransA(100, 128, 500, cx, cd1, c, 0)};
    }

    private static FloatCopy copy(FloatCopyProducts f, double[] values) {
        FloatCopy copy = new FloatCopy();
        f.narrow(values, 0, values.length, copy);
        return copy;
    }

    private static double time(Product product, Gemm gemm) {
        for (int i = 0; i < 50; i++) {
            product.run(gemm);
        }
        int calls = 400;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            product.run(gemm);
        }
        return (System.nanoTime() - start) / 1e3 / calls;
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = r.nextDouble(-0.5, 0.5);
        }
        return values;
    }
}
