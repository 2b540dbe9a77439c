package org.backprop.bench;

import java.util.Arrays;
import java.util.Locale;

import org.backprop.kernel.Precision;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.optim.LearningRates;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.backprop.train.EpochRecord;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.backprop.train.TrainingListener;

/**
 * The other kind of workload: a small network on a small table, where per-step overhead matters
 * more than GEMM peak. 16 → 32 → 32 → 1 ReLU, MSE, Adam (lr 1e-3), batch 32, 10,000 rows, one
 * thread, float64 unless {@code --dtype float32}; prints the median microseconds per training step
 * over the epochs after warm-up. Its peer is {@code peers/torch_small.py} (the same network and loop
 * in PyTorch).
 *
 * <pre>
 * backprop-bench/bench-java SmallNetworkBenchmark [--epochs 20] [--dtype float64|float32]
 * </pre>
 */
public final class SmallNetworkBenchmark {
    private static final int ROWS = 10_000;
    private static final int FEATURES = 16;
    private static final int BATCH = 32;
    private static final int WARMUP_EPOCHS = 3;

    private SmallNetworkBenchmark() {
    }

    public static void main(String[] args) {
        int epochs = 20;
        Precision precision = Precision.FLOAT64;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--dtype" -> precision = Precision.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --epochs N, --dtype float64|float32");
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: SmallNetworkBenchmark [--epochs N] [--dtype float64|float32]");
        }
        SeedStreams streams = new SeedStreams(1);
        Matrix x = fill(Matrix.zeros(ROWS, FEATURES), streams);
        Matrix y = fill(Matrix.zeros(ROWS, 1), streams);
        int steps = (ROWS + BATCH - 1) / BATCH;
        long[] epochNanos = new long[epochs];
        try (NeuralNetwork net = NeuralNetwork.builder(FEATURES).dense(32, "relu").dense(32, "relu")
                .dense(1, "linear").seed(1).threads(1).precision(precision).build()) {
            TrainerConfig config = TrainerConfig.defaults(1).withEpochs(epochs).withBatchSize(BATCH)
                    .withEvaluateEvery(epochs);
            long[] start = {System.nanoTime()};
            new Trainer(net, new Adam(LearningRates.of(1e-3)), config).listener(new TrainingListener() {
                @Override
                public void onEpochEnd(EpochRecord record) {
                    long now = System.nanoTime();
                    epochNanos[record.epoch()] = now - start[0];
                    start[0] = now;
                }
            }).fit(x, y);
        }
        long[] measured = Arrays.copyOfRange(epochNanos, Math.min(WARMUP_EPOCHS, epochs - 1), epochs);
        Arrays.sort(measured);
        double median = measured[measured.length / 2] / 1e3 / steps;
        System.out.println(Machine.describe());
        System.out.println(String.format(Locale.ROOT,
                "small network 16-32-32-1, %s, batch %d, %d steps/epoch, Adam, 1 thread: %.1f us/step (median of %d"
                        + " epochs after %d warm-up)", precision.id(), BATCH, steps, median, measured.length, WARMUP_EPOCHS));
    }

    private static Matrix fill(Matrix m, SeedStreams streams) {
        var random = streams.stream("data-" + m.cols());
        for (int k = 0; k < m.size(); k++) {
            m.setFlat(k, random.uniform(-1, 1));
        }
        return m;
    }
}
