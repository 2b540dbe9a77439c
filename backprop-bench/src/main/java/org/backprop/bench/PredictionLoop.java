package org.backprop.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.backprop.kernel.Precision;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Predictor;
import org.backprop.tensor.Matrix;
import org.backprop.train.AllocationMeter;

/**
 * Prediction measured as a whole loop, the same way its peer {@code peers/torch_predict.py}
 * measures PyTorch, so that {@code compare-prediction.sh} can put them side by side: for each
 * network (seed, tabular), dtype and thread count,
 * <ul>
 *   <li>one row: {@value #ROW_CALLS} calls after {@value #ROW_WARMUP} warm-up calls (C2 has compiled the path by then), each timed
 *       on its own; p50 and p99 in µs, and bytes allocated per call by all threads;</li>
 *   <li>batches of 1,000 and 100,000 rows: rows per second, median of {@value #BATCH_REPS} timed
 *       repetitions (each of at least 0.1 s of work) after warm-up.</li>
 * </ul>
 * Output lines: {@code one-row NET DTYPE THREADS p50 US p99 US bytes B} and
 * {@code batch ROWS NET DTYPE THREADS rows/s R}.
 *
 * <pre>
 * backprop-bench/bench-java PredictionLoop [--threads 1,2] [--dtypes float64,float32]
 * </pre>
 */
public final class PredictionLoop {
    private static final int ROW_WARMUP = 300_000;
    private static final int ROW_CALLS = 50_000;
    private static final int BATCH_REPS = 7;

    private PredictionLoop() {
    }

    public static void main(String[] args) {
        int[] threadCounts;
        String[] dtypes;
        try {
            Args parsed = new Args(args, Set.of("--threads", "--dtypes"));
            threadCounts = Arrays.stream(parsed.string("--threads", "1,2").split(","))
                    .mapToInt(Integer::parseInt).toArray();
            dtypes = parsed.string("--dtypes", "float64,float32").split(",");
            for (String dtype : dtypes) {
                Precision.parse(dtype);
            }
        } catch (Args.UsageException | IllegalArgumentException e) {
            System.err.println("PredictionLoop: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(Machine.describe());
        for (PredictionNetworks network : PredictionNetworks.values()) {
            for (String dtype : dtypes) {
                for (int threads : threadCounts) {
                    measure(network, dtype, threads);
                }
            }
        }
    }

    private static void measure(PredictionNetworks network, String dtype, int threads) {
        String what = network.name().toLowerCase(Locale.ROOT) + " " + dtype + " " + threads;
        try (NeuralNetwork net = network.build(Precision.parse(dtype), threads);
             Predictor predictor = Predictor.of(net, threads, Predictor.DEFAULT_CHUNK_ROWS)) {
            double[] row = network.rows(1).toArray();
            double[] out = new double[1];
            for (int i = 0; i < ROW_WARMUP; i++) {
                predictor.predictRow(row, out);
            }
            long[] nanos = new long[ROW_CALLS];
            AllocationMeter meter = AllocationMeter.allLiveThreads();
            long before = meter == null ? 0 : meter.sample();
            for (int i = 0; i < ROW_CALLS; i++) {
                long t0 = System.nanoTime();
                predictor.predictRow(row, out);
                nanos[i] = System.nanoTime() - t0;
            }
            long bytes = meter == null ? -1 : meter.sample() - before - meter.overheadPerSample();
            Arrays.sort(nanos);
            System.out.println(String.format(Locale.ROOT, "one-row %s p50 %.2f us p99 %.2f us bytes %.1f", what,
                    nanos[ROW_CALLS / 2] / 1e3, nanos[(int) (ROW_CALLS * 0.99)] / 1e3,
                    meter == null ? Double.NaN : (double) bytes / ROW_CALLS));
            for (int rows : new int[] {1_000, 100_000}) {
                Matrix x = network.rows(rows);
                Matrix y = Matrix.zeros(rows, 1);
                int inner = Math.max(1, 100_000 / rows);
                double[] rates = new double[BATCH_REPS];
                for (int rep = -2; rep < BATCH_REPS; rep++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < inner; i++) {
                        predictor.predict(x, y);
                    }
                    long elapsed = System.nanoTime() - t0;
                    if (rep >= 0) {
                        rates[rep] = (double) rows * inner / (elapsed / 1e9);
                    }
                }
                Arrays.sort(rates);
                System.out.println(String.format(Locale.ROOT, "batch %d %s rows/s %.0f", rows, what,
                        rates[BATCH_REPS / 2]));
            }
        }
    }
}
