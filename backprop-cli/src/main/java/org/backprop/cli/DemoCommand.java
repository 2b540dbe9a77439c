package org.backprop.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.random.Mt19937;
import org.backprop.seed.SeedWorkload;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backprop demo}: the seed workload, printing the loss every 50 epochs, the time and GFLOP/s. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Train the seed workload: X 5000×100 and y 5000×1 uniform in [0, 1), a 100→128→256→1 "
                + "ReLU network, MSE, SGD (lr 0.25 weights, 5e-4 biases), batches of 500.",
                "Prints the training loss every 50 epochs as the seed notebook does, then the total seconds and GFLOP/s.",
                "With --replay-notebook the weights and shuffles come from NumPy's stream as in the notebook, and the "
                        + "printed losses are the notebook's own."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "1000", description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--threads", paramLabel = "N", description = KernelThreads.DESCRIPTION)
    private Integer threads;

    @Option(names = "--seed", defaultValue = "0", description = "Root seed, 0 to 2^32 - 1 (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--dtype", defaultValue = "float64",
            description = "Precision of the matrix products: float64 or float32 (default: ${DEFAULT-VALUE}).")
    private String dtype;

    @Option(names = "--replay-notebook",
            description = "Draw the initial weights and every epoch's shuffle from the same NumPy stream as the data, "
                    + "in the notebook's order (np.random.seed(SEED); X, y, W1, W2, W3, one shuffle per epoch): "
                    + "the lines are the mlp-backprop notebook's, to about 1e-13 relative. Float64 only.")
    private boolean replayNotebook;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new UserError(ExitCodes.USAGE, "--epochs must be at least 1, got " + epochs);
        }
        int t = KernelThreads.resolve(threads);
        if (seed < 0 || seed > Mt19937.MAX_SEED) {
            throw new UserError(ExitCodes.USAGE, "--seed must be between 0 and " + Mt19937.MAX_SEED
                    + " (the data are NumPy's np.random.seed(SEED) draws), got " + seed);
        }
        Precision precision = parsePrecision();
        if (replayNotebook && precision != Precision.FLOAT64) {
            throw new UserError(ExitCodes.USAGE, "--replay-notebook reproduces the notebook's float64 numbers; "
                    + "it cannot be combined with --dtype " + precision.id());
        }
        SeedWorkload.Streams streams = replayNotebook ? SeedWorkload.Streams.NOTEBOOK : SeedWorkload.Streams.LIBRARY;
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println("backprop demo: " + epochs + " epochs, " + precision.id() + ", " + t + " thread(s), kernel: "
                + Kernels.describeBest(t, precision) + (replayNotebook ? ", replaying the notebook's NumPy stream" : ""));
        SeedWorkload.Options options = new SeedWorkload.Options(epochs, t, seed, precision, streams);
        SeedWorkload.Result r = SeedWorkload.run(options, line -> {
            out.println(line);
            out.flush();
        });
        out.println(String.format(Locale.ROOT, "final training MSE %.6g", r.finalLoss()));
        out.println(String.format(Locale.ROOT, "total %.2f s, %.1f GFLOP/s", r.seconds(), r.gflops()));
        return ExitCodes.OK;
    }

    private Precision parsePrecision() {
        try {
            return Precision.parse(dtype);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--dtype: " + e.getMessage());
        }
    }
}
