package org.backprop.seed;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

import org.backprop.init.FanInUniform;
import org.backprop.kernel.Precision;
import org.backprop.network.NetworkBuilder;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.ParamKind;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Sgd;
import org.backprop.random.NumpyRandom;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.backprop.train.EpochRecord;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.backprop.train.TrainingListener;

/**
 * The seed workload of the {@code mlp-backprop} notebook in the library's own API: X (5000×100) and
 * y (5000×1) uniform in [0, 1), drawn as NumPy's {@code np.random.seed(seed); rand(5000, 100);
 * rand(5000, 1)} draws them (so seed 0 gives the notebook replay's data), a 100→128→256→1 ReLU network (fan-in uniform weights, zero biases),
 * MSE with MEAN reduction, plain SGD with learning rate 0.25 for weights and 5e-4 for biases (the
 * notebook's rule of lr 1e-3 on summed weight gradients and mean bias gradients, expressed for a
 * mean loss whose gradient is 2(P − y)/n), batches of 500 reshuffled every epoch, 1000 epochs, and
 * the training loss printed every 50 epochs.
 *
 * <p>With {@link Streams#NOTEBOOK} the network is initialized and the rows are shuffled from the
 * same NumPy stream as the data, in the notebook's order, and the printed losses are the notebook's
 * own (golden file {@code mlp_backprop_seed0.txt}, from {@code mlp_backprop_golden.py}) to about
 * 1e-13 relative: the library's training path computes what the notebook computes.
 */
public final class SeedWorkload {
    /** Rows of X. */
    public static final int ROWS = 5000;
    /** Columns of X. */
    public static final int FEATURES = 100;
    /** Rows per batch. */
    public static final int BATCH = 500;
    /** Loss printed every this many epochs. */
    public static final int PRINT_EVERY = 50;

    private SeedWorkload() {
    }

    /** Where the initial weights and the per-epoch shuffles draw their random numbers from. */
    public enum Streams {
        /**
         * The library's way: the root seed's named streams, "init" for the weights and "shuffle"
         * for the row orders (the data still come from NumPy's {@code rand}).
         */
        LIBRARY,
        /**
         * The notebook's way: everything from the one stream of {@code np.random.seed(seed)}, in the
         * notebook's order: X, y, then W1, W2, W3 drawn as out×in matrices
         * ({@link OutByInDrawOrder}), then one shuffle of {@code arange(5000)} per epoch.
         */
        NOTEBOOK
    }

    /**
     * Settings of one run.
     *
     * @param epochs    passes over the data (the notebook: 1000)
     * @param threads   kernel threads (results do not depend on it)
     * @param seed      root seed for data, initialization and shuffles
     * @param precision precision of the matrix products
     * @param streams   where initialization and shuffles draw from
     */
    public record Options(int epochs, int threads, long seed, Precision precision, Streams streams) {
        /** The library's streams ({@link Streams#LIBRARY}). */
        public Options(int epochs, int threads, long seed, Precision precision) {
            this(epochs, threads, seed, precision, Streams.LIBRARY);
        }

        /** 1000 epochs, all processors, seed 0, float64, the library's streams. */
        public static Options defaults() {
            return new Options(1000, Runtime.getRuntime().availableProcessors(), 0, Precision.FLOAT64);
        }

        /** The notebook's run: 1000 epochs, seed 0, float64, {@link Streams#NOTEBOOK}, on {@code threads}. */
        public static Options notebook(int threads) {
            return new Options(1000, threads, 0, Precision.FLOAT64, Streams.NOTEBOOK);
        }
    }

    /**
     * What a run produced.
     *
     * @param history   per-epoch records (full training loss every 50 epochs and at the end)
     * @param seconds   wall time of training (data generation excluded)
     * @param gflops    achieved GFLOP/s over the counted floating-point operations
     * @param finalLoss the training MSE after the last epoch
     */
    public record Result(History history, double seconds, double gflops, double finalLoss) {
    }

    /**
     * Runs the workload, printing {@code Epoch  N Loss:  value} lines to {@code out} after epochs
     * 0, 50, 100, … as the notebook does (the value as Python prints it, {@link PythonFloat}).
     */
    public static Result run(Options options, PrintStream out) {
        return run(options, out::println);
    }

    /** Runs the workload, passing each {@code Epoch  N Loss:  value} line to {@code lines}. */
    public static Result run(Options options, Consumer<String> lines) {
        return run(options, lines, new TrainingListener() {
        });
    }

    /**
     * As {@link #run(Options, Consumer)}, also calling {@code observer} after every batch and epoch
     * (after the line printer). Benchmarks use it to time epochs and measure allocation per step.
     */
    public static Result run(Options options, Consumer<String> lines, TrainingListener observer) {
        NumpyRandom numpy = new NumpyRandom(options.seed());
        Matrix x = numpy.fill(Matrix.zeros(ROWS, FEATURES));
        Matrix y = numpy.fill(Matrix.zeros(ROWS, 1));
        NetworkBuilder builder = NeuralNetwork.builder(FEATURES).dense(128, "relu").dense(256, "relu")
                .dense(1, "linear").seed(options.seed()).threads(options.threads()).precision(options.precision());
        RandomSource shuffles;
        if (options.streams() == Streams.NOTEBOOK) {
            builder.initializer(new OutByInDrawOrder(new FanInUniform())).initRandom(numpy);
            shuffles = numpy;
        } else {
            shuffles = new SeedStreams(options.seed()).stream("shuffle");
        }
        try (NeuralNetwork net = builder.build()) {
            Sgd sgd = new Sgd(LearningRates.of(0.25).with(ParamKind.BIAS, 5e-4));
            TrainerConfig config = TrainerConfig.defaults(options.seed()).withEpochs(options.epochs())
                    .withBatchSize(BATCH).withShuffleRandom(shuffles).withEvaluateEvery(PRINT_EVERY);
            Trainer trainer = new Trainer(net, sgd, config).listener(printer(lines)).listener(observer);
            long start = System.nanoTime();
            History history = trainer.fit(x, y);
            double seconds = (System.nanoTime() - start) / 1e9;
            double gflops = flops(options.epochs()) / seconds / 1e9;
            return new Result(history, seconds, gflops, history.finalTrainLoss());
        }
    }

    /**
     * Floating-point operations of the workload: per step 2·n·(Σ in·out) for the forward products,
     * the same for the weight gradients, and 2·n·(Σ in·out of all but the first layer) for the input
     * gradients; plus a full forward every 50 epochs.
     */
    public static double flops(int epochs) {
        double forwardPerRow = 2.0 * (100 * 128 + 128 * 256 + 256 * 1);
        double inputGradPerRow = 2.0 * (128 * 256 + 256 * 1);
        double perEpoch = ROWS * (2 * forwardPerRow + inputGradPerRow);
        int evaluations = (epochs - 1) / PRINT_EVERY + 1 + ((epochs - 1) % PRINT_EVERY == 0 ? 0 : 1);
        return epochs * perEpoch + evaluations * ROWS * forwardPerRow;
    }

    private static TrainingListener printer(Consumer<String> out) {
        return new TrainingListener() {
            @Override
            public void onEpochEnd(EpochRecord r) {
                if (r.hasTrainLoss() && r.epoch() % PRINT_EVERY == 0) {
                    out.accept("Epoch  " + r.epoch() + " Loss:  " + PythonFloat.repr(r.trainLoss()));
                }
            }
        };
    }

    /** Runs the seed workload with the defaults and prints the total time and GFLOP/s. */
    public static void main(String[] args) {
        Result r = run(Options.defaults(), System.out);
        System.out.println(String.format(Locale.ROOT, "final training MSE %.6g; %.2f s, %.1f GFLOP/s",
                r.finalLoss(), r.seconds(), r.gflops()));
    }
}
