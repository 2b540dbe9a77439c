package org.backprop.bench;

import java.util.Locale;
import java.util.Set;

import org.backprop.kernel.Kernels;
import org.backprop.seed.SeedWorkload;

/**
 * Fallback stand-in for {@code backprop demo} for compare-peers.sh on a build whose demo command
 * is missing or lacks {@code --dtype}: accepts {@code --epochs N --threads N --dtype float64} and
 * prints what the demo prints (the loss every 50 epochs, the final MSE, then
 * {@code total S s, G GFLOP/s}). The library's seed workload is double precision only here, so
 * {@code --dtype float32} prints "float32 not available" and exits with status 3; a usage error
 * exits with 2.
 *
 * <pre>
 * BACKPROP_CMD=backprop-bench/seed-shim backprop-bench/compare-peers.sh
 * </pre>
 */
public final class SeedDemoShim {
    /** Exit status for a dtype this build cannot run. */
    static final int UNAVAILABLE = 3;
    private static final Set<String> OPTIONS = Set.of("--epochs", "--threads", "--dtype", "--seed");

    private SeedDemoShim() {
    }

    public static void main(String[] args) {
        int epochs;
        int threads;
        long seed;
        String dtype;
        try {
            Args a = new Args(args, OPTIONS);
            epochs = a.positiveInt("--epochs", 1000);
            threads = a.positiveInt("--threads", Kernels.defaultThreads());
            seed = a.longValue("--seed", 0);
            dtype = a.string("--dtype", "float64");
        } catch (Args.UsageException e) {
            System.err.println("seed-shim: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (dtype.equals("float32")) {
            System.out.println("seed-shim: float32 not available (SeedWorkload is float64 only in this build)");
            System.exit(UNAVAILABLE);
        }
        if (!dtype.equals("float64")) {
            System.err.println("seed-shim: --dtype must be float64 or float32, got " + dtype);
            System.exit(2);
        }
        System.out.println("seed-shim (SeedWorkload, stand-in for backprop demo): " + epochs + " epochs, " + threads
                + " thread(s), kernel: " + Machine.kernel());
        SeedWorkload.Result r = SeedWorkload.run(new SeedWorkload.Options(epochs, threads, seed), System.out);
        System.out.println(String.format(Locale.ROOT, "final training MSE %.6g", r.finalLoss()));
        System.out.println(String.format(Locale.ROOT, "total %.2f s, %.1f GFLOP/s", r.seconds(), r.gflops()));
    }
}
