package org.backprop.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.seed.SeedWorkload;

/**
 * Whole-workload benchmark of the seed workload ({@link SeedWorkload}): runs it {@code --rounds}
 * times in this JVM (later rounds are warm) and prints, per round and as a summary, seconds per
 * epoch (median), total seconds, GFLOP/s, the final loss and the steady-state heap allocation per
 * training step summed over all threads; per round also when epochs 0 and 100 ended (round 1 of a
 * fresh JVM shows the JIT warm-up); with {@code --warm-up-profile yes} also when epochs 0, 1, 2, 5, 10,
 * 20, 50, ... ended.
 *
 * <pre>
 * backprop-bench/bench-java SeedWorkloadBenchmark [--rounds 2] [--epochs 1000] [--threads N] [--dtype float64|float32]
 *                                                 [--seed 0] [--alloc-from-epoch E] [--print-loss yes] [--warm-up-profile yes]
 * </pre>
 *
 * Not JMH: one round is one complete training run, as a user runs it.
 */
public final class SeedWorkloadBenchmark {
    private static final Set<String> OPTIONS =
            Set.of("--rounds", "--epochs", "--threads", "--seed", "--dtype", "--alloc-from-epoch", "--print-loss",
                    "--warm-up-profile");

    private SeedWorkloadBenchmark() {
    }

    /** One round's measurements. */
    /** The epoch whose end the warm-up line reports besides the first. */
    private static final int WARM_UP_EPOCHS = 100;

    record Round(double seconds, double gflops, double finalLoss, double epochSeconds, double bytesPerStep,
                 long steps, int threads, long meterOverhead, boolean threadSetChanged) {
    }

    public static void main(String[] args) {
        Args a;
        int rounds;
        int epochs;
        int threads;
        long seed;
        int allocFrom;
        boolean printLoss;
        boolean warmUpProfile;
        Precision precision;
        try {
            a = new Args(args, OPTIONS);
            rounds = a.positiveInt("--rounds", 2);
            epochs = a.positiveInt("--epochs", 1000);
            threads = a.positiveInt("--threads", Kernels.defaultThreads());
            seed = a.longValue("--seed", 0);
            allocFrom = a.positiveInt("--alloc-from-epoch", Math.max(1, epochs / 2));
            printLoss = "yes".equals(a.string("--print-loss", "no"));
            warmUpProfile = "yes".equals(a.string("--warm-up-profile", "no"));
            precision = Precision.parse(a.string("--dtype", "float64"));
        } catch (Args.UsageException | IllegalArgumentException e) {
            System.err.println("SeedWorkloadBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (allocFrom >= epochs) {
            System.err.println("SeedWorkloadBenchmark: --alloc-from-epoch must be below --epochs (" + epochs + ")");
            System.exit(2);
        }

        System.out.println("== backprop SeedWorkloadBenchmark");
        System.out.println("command:   " + Machine.commandLine(SeedWorkloadBenchmark.class.getName(), args));
        System.out.println(Machine.describe());
        System.out.println(String.format(Locale.ROOT,
                "workload:  seed mlp-backprop, %d epochs x %d steps (batch %d), %.4f TFLOP per round, "
                        + "%d kernel thread(s), seed %d, %d round(s) in one JVM",
                epochs, SeedWorkload.ROWS / SeedWorkload.BATCH, SeedWorkload.BATCH,
                SeedWorkload.flops(epochs) / 1e12, threads, seed, rounds));
        System.out.println(String.format(Locale.ROOT,
                "allocation: bytes per step summed over all live threads, steps of epochs %d..%d", allocFrom,
                epochs - 1));

        List<Round> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            StepObserver observer = new StepObserver(epochs, allocFrom);
            SeedWorkload.Result result = SeedWorkload.run(new SeedWorkload.Options(epochs, threads, seed, precision),
                    line -> {
                        if (printLoss) {
                            System.out.println("  " + line);
                        }
                    }, observer);
            Round round = new Round(result.seconds(), result.gflops(), result.finalLoss(),
                    observer.medianEpochSeconds(), observer.bytesPerStep(), observer.measuredSteps(),
                    observer.measuredThreads(), observer.meterOverhead(), observer.threadSetChanged());
            results.add(round);
            System.out.println(String.format(Locale.ROOT, "round %d:   %s", r, format(round)));
            System.out.println(String.format(Locale.ROOT,
                    "           warm-up: epoch 0 ended %.3f s and epoch %d %.3f s after training began",
                    observer.secondsToEpochEnd(0, result.seconds()), WARM_UP_EPOCHS,
                    observer.secondsToEpochEnd(WARM_UP_EPOCHS, result.seconds())));
            if (warmUpProfile) {
                System.out.println("           " + warmUpProfile(observer, result.seconds(), epochs));
            }
        }
        Round last = results.get(results.size() - 1);
        double[] seconds = results.stream().mapToDouble(Round::seconds).toArray();
        double[] perEpoch = results.stream().mapToDouble(Round::epochSeconds).toArray();
        Arrays.sort(seconds);
        Arrays.sort(perEpoch);
        System.out.println("== summary");
        System.out.println(String.format(Locale.ROOT, "seconds per epoch (median, best round): %.3f ms",
                perEpoch[0] * 1e3));
        System.out.println(String.format(Locale.ROOT, "total seconds (best round):             %.3f s",
                seconds[0]));
        System.out.println(String.format(Locale.ROOT, "GFLOP/s (best round):                   %.1f",
                SeedWorkload.flops(epochs) / seconds[0] / 1e9));
        System.out.println(String.format(Locale.ROOT, "final loss:                             %.6g%s",
                last.finalLoss(), sameLoss(results) ? " (identical in every round)" : " (DIFFERS between rounds!)"));
        System.out.println(String.format(Locale.ROOT, "allocation per step (last round):       %s",
                bytes(last)));
    }

    /** Seconds from the start of training to the end of epochs 0, 1, 2, 5, 10, 20, 50, ... (while below epochs). */
    private static String warmUpProfile(StepObserver observer, double totalSeconds, int epochs) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch ends (s): 0:%.3f",
                observer.secondsToEpochEnd(0, totalSeconds)));
        for (int decade = 1; decade < epochs; decade *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                int epoch = decade * step;
                if (epoch < epochs) {
                    line.append(String.format(Locale.ROOT, " %d:%.3f", epoch, observer.secondsToEpochEnd(epoch, totalSeconds)));
                }
            }
        }
        return line.toString();
    }

    private static boolean sameLoss(List<Round> rounds) {
        return rounds.stream().allMatch(r -> Double.compare(r.finalLoss(), rounds.get(0).finalLoss()) == 0);
    }

    private static String format(Round r) {
        return String.format(Locale.ROOT, "%.3f s total, %.3f ms/epoch (median), %.1f GFLOP/s, final loss %.6g, %s",
                r.seconds(), r.epochSeconds() * 1e3, r.gflops(), r.finalLoss(), bytes(r));
    }

    private static String bytes(Round r) {
        if (r.steps() == 0) {
            return "allocation not measured (no ThreadMXBean allocation support)";
        }
        return String.format(Locale.ROOT, "%.0f B/step over %d steps, %d threads (meter overhead %d B/sample "
                        + "subtracted)%s", r.bytesPerStep(), r.steps(), r.threads(), r.meterOverhead(),
                r.threadSetChanged() ? "; WARNING: the thread set changed during the window" : "");
    }
}
