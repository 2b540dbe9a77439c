package org.backprop.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.seed.SeedWorkload;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backprop demo}: the seed workload, printing the loss every 50 epochs, the time and GFLOP/s. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Train the seed workload: X 5000×100 and y 5000×1 uniform in [0, 1), a 100→128→256→1 "
                + "ReLU network, MSE, SGD (lr 0.25 weights, 5e-4 biases), batches of 500.",
                "Prints the training loss every 50 epochs, then the total seconds and GFLOP/s."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "1000", description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--threads", description = "Kernel threads (default: all cores). Results do not depend on it.")
    private Integer threads;

    @Option(names = "--seed", defaultValue = "0", description = "Root seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--dtype", defaultValue = "float64",
            description = "Precision of the matrix products: float64 or float32 (default: ${DEFAULT-VALUE}).")
    private String dtype;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new UserError(ExitCodes.USAGE, "--epochs must be at least 1, got " + epochs);
        }
        int t = threads == null ? Kernels.defaultThreads() : threads;
        if (t < 1) {
            throw new UserError(ExitCodes.USAGE, "--threads must be at least 1, got " + t);
        }
        Precision precision = parsePrecision();
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println("backprop demo: " + epochs + " epochs, " + precision.id() + ", " + t + " thread(s), kernel: "
                + Kernels.describeBest(t, precision));
        SeedWorkload.Options options = new SeedWorkload.Options(epochs, t, seed, precision);
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
