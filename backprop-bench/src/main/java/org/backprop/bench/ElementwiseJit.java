package org.backprop.bench;

import java.util.Locale;

import org.backprop.kernel.BlockedColumnSums;
import org.backprop.kernel.Elementwise;
import org.backprop.kernel.Kernels;
import org.backprop.op.BiasAdd;
import org.backprop.tensor.Matrix;

/**
 * How fast the JIT leaves three element-wise loops of the seed step when each is the only hot code
 * of a fresh JVM: {@link Elementwise#add} on 256 elements, {@link BiasAdd#addRows} over a 500×256
 * matrix in bands of 16 rows, and {@link BlockedColumnSums} over the same matrix; nanoseconds per
 * element, after warm-up, in one line per loop. With the Vector API compiled as intended they take
 * 0.1–0.7 ns an element; on JDK 17 with {@code jvm.options}' JIT hints for the vector kernels
 * (thresholds at 1 %, compilation in the foreground) C2 can compile them before their vector
 * operations are resolved and leave them boxed for good, 5–7 ns an element
 * (backprop-bench/KERNELS.md, "JIT hints that box"). Run it with other option files to compare:
 *
 * <pre>
 * backprop-bench/bench-java ElementwiseJit add|addRows|columnSums
 * BENCH_OPTIONS_FILE=other.options backprop-bench/bench-java ElementwiseJit add
 * </pre>
 *
 * One loop per JVM: which loop runs first decides what the JIT sees, so each needs its own process.
 */
public final class ElementwiseJit {
    private static final int ROWS = 500;
    private static final int COLS = 256;
    private static final int BAND = BlockedColumnSums.BLOCK_ROWS;
    private static final int ROUNDS = 8;

    private ElementwiseJit() {
    }

    public static void main(String[] args) {
        String loop = args.length > 0 ? args[0] : "add";
        System.out.println(Machine.describe());
        Matrix n = Matrix.zeros(ROWS, COLS);
        Matrix b = Matrix.zeros(1, COLS);
        Matrix p = Matrix.zeros(ROWS, COLS);
        for (int i = 0; i < ROWS * COLS; i++) {
            n.data()[n.offset() + i] = Math.sin(i);
        }
        Elementwise elementwise = Kernels.elementwise();
        BlockedColumnSums sums = new BlockedColumnSums();
        double[] out = new double[COLS];
        double sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long elements;
            long start = System.nanoTime();
            switch (loop) {
                case "add" -> {
                    int calls = 200_000;
                    for (int c = 0; c < calls; c++) {
                        elementwise.add(p.data(), p.offset(), n.data(), n.offset(), p.data(), p.offset(), COLS);
                    }
                    elements = (long) calls * COLS;
                }
                case "addRows" -> {
                    int passes = 1_000;
                    for (int c = 0; c < passes; c++) {
                        for (int first = 0; first < ROWS; first += BAND) {
                            BiasAdd.addRows(n, b, p, first, Math.min(ROWS, first + BAND));
                        }
                    }
                    elements = (long) passes * ROWS * COLS;
                }
                case "columnSums" -> {
                    int passes = 1_000;
                    for (int c = 0; c < passes; c++) {
                        int blocks = sums.begin(ROWS, COLS);
                        for (int block = 0; block < blocks; block++) {
                            sums.sumBlock(n.data(), n.offset(), ROWS, block);
                        }
                        sums.finish(blocks, out, 0);
                    }
                    elements = (long) passes * ROWS * COLS;
                }
                default -> throw new IllegalArgumentException("loop must be add, addRows or columnSums, got " + loop);
            }
            double ns = (System.nanoTime() - start) / (double) elements;
            sink += p.data()[p.offset() + 3] + out[3];
            System.out.println(String.format(Locale.ROOT, "round %d %s %.3f ns/element", round + 1, loop, ns));
        }
        System.out.println("(sink " + sink + ")");
    }
}
