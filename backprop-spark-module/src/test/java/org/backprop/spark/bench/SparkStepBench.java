package org.backprop.spark.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.ParamKind;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.spark.FakeSparkHome;
import org.backprop.network.NetworkSpec;
import org.backprop.spark.train.BarrierTimes;
import org.backprop.spark.train.FitResult;
import org.backprop.spark.train.SparkTrainConfig;
import org.backprop.spark.train.SparkTrainer;
import org.backprop.tensor.Matrix;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.backprop.train.TrainingListener;

/**
 * Benchmark (not a test): ms per synchronous step of the seed network 100→128→256→1 at global
 * batches 500, 5,000 and 50,000, with P = 1, 2, 4 partitions on an embedded {@code local[2]} session,
 * against the single-machine {@link Trainer} in the same JVM. Prints {@code RESULT,} lines. Run with
 * {@code backprop-spark-module/bench.sh} (arguments: master, rows, comma-separated batches, comma-separated P).
 * Each configuration runs two ways a fit can run its steps (sixth argument MODES, default
 * {@code jobs,barrier}), alternated {@code rounds} times (fifth argument, default 2) so that both see
 * the same machine: one Spark job per step ({@code mode=jobs}), barrier stages ({@code mode=barrier}:
 * the steps up to the epoch's end in one job, the tasks exchanging their gradient shares the default
 * way: over direct sockets between executor JVMs, with {@code allGather} in one JVM), or barrier
 * stages forced to one exchange ({@code mode=gather}: {@code allGather}; {@code mode=sockets}: sockets;
 * the Spark local property {@link SparkTrainer#BARRIER_EXCHANGE_PROPERTY}); it checks that both give
 * the same parameters bit for bit and prints the ratio of their medians. It also prints the floor of any
 * one-job-per-step design on the same session ({@link JobFloor}): an empty job over P cached
 * partitions, and one that ships |θ| doubles to each task and |θ| doubles back. For barrier stages it
 * prints where partition 0's steps spent their time ({@link BarrierTimes}); the SUMMARY line's
 * {@code barrier_overhead_ms} is a barrier step minus its compute, the step's fixed cost. A batch
 * {@code min} is one row per partition (the compute next to nothing; default batches
 * {@code min,500,5000,50000}).
 */
public final class SparkStepBench {
    private static final int FEATURES = 100;
    private static final NetworkSpec SEED_NET = NeuralNetwork.builder(FEATURES).dense(128, "relu").dense(256, "relu")
            .dense(1, "linear").spec();
    /** |θ| of the seed network. */
    private static final int PARAMETERS = 100 * 128 + 128 + 128 * 256 + 256 + 256 + 1;

    private SparkStepBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        String master = args.length > 0 ? args[0] : "local[2]";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        String[] batches = (args.length > 2 ? args[2] : "min,500,5000,50000").split(",");
        int[] partitions = ints(args.length > 3 ? args[3] : "1,2,4");
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String[] modes = (args.length > 5 ? args[5] : "jobs,barrier").split(",");
        if (modes.length != 2 || !Arrays.asList("jobs", "gather", "sockets", "barrier").containsAll(Arrays.asList(modes))) {
            throw new IllegalArgumentException("MODES is two of jobs, gather, sockets, barrier, e.g. jobs,barrier: "
                    + args[5]);
        }
        SparkSession.Builder builder = SparkSession.builder().master(master).appName("backprop-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        if (master.startsWith("local-cluster")) {
            // real executor JVMs: a Spark home of links to the class path's jars (SPARK_HOME, set by bench.sh)
            builder.config("spark.executor.extraClassPath",
                    FakeSparkHome.build(java.nio.file.Path.of(System.getenv("SPARK_HOME"))));
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        StepJobListener jobs = new StepJobListener();
        spark.sparkContext().addSparkListener(jobs);
        Dataset<Row> data = dataset(spark, rows);
        Map<Integer, Double> localMillis = new HashMap<>();
        for (String token : batches) {
            for (int p : partitions) {
                // "min": one row per partition, so a step's compute is next to nothing: its fixed cost
                int batch = token.equals("min") ? p : Integer.parseInt(token);
                int steps = stepsFor(batch);
                double local = localMillis.computeIfAbsent(batch, b -> {
                    double ms = localMillisPerStep(rows, b, steps);
                    System.out.printf(Locale.ROOT, "RESULT,batch=%d,trainer=local,ms_per_step=%.2f,steps=%d%n", b,
                            ms, steps);
                    return ms;
                });
                double[][] medians = new double[2][rounds];
                double[][] overheads = new double[2][rounds];
                double[][] exchanges = new double[2][rounds];
                double[] computes = new double[rounds];
                double[] reference = null;
                boolean identical = true;
                long barrierSteps = 0;
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < 2; k++) {
                        int m = (k + r) % 2;
                        String mode = modes[m];
                        boolean barrier = !mode.equals("jobs");
                        spark.sparkContext().setLocalProperty(SparkTrainer.BARRIER_EXCHANGE_PROPERTY,
                                mode.equals("gather") ? "allGather" : mode.equals("sockets") ? "sockets" : null);
                        jobs.reset();
                        FitResult fit = SparkTrainer.fit(data, SEED_NET, sgd(batch), SparkTrainConfig.builder()
                                .features(names()).label("y").partitions(p).globalBatchSize(batch).epochs(1000)
                                .stopAfterSteps(steps).standardize(false).barrierStages(barrier).build());
                        double ms = medianAfterWarmup(fit.stepMillis());
                        medians[m][r] = ms;
                        identical &= reference == null || Arrays.equals(reference, fit.parameters());
                        reference = reference == null ? fit.parameters() : reference;
                        barrierSteps = m == 1 ? fit.barrierSteps() : barrierSteps;
                        System.out.printf(Locale.ROOT, "RESULT,batch=%d,trainer=spark,master=%s,P=%d,mode=%s,round=%d,"
                                        + "ms_per_step=%.2f,ratio_to_local=%.2f,steps=%d,barrier_steps=%d%n", batch,
                                master, p, mode, r, ms, ms / local, steps, fit.barrierSteps());
                        if (!barrier) {
                            // the steps' jobs (the last 3/4 of them, as medianAfterWarmup): where a step's time goes
                            double[] j = jobs.medians(steps - steps / 4);
                            System.out.printf(Locale.ROOT, "RESULT,batch=%d,P=%d,breakdown_ms:job=%.1f,"
                                            + "driver_outside_job=%.1f,slowest_task=%.1f(deserialize=%.1f,run=%.1f,"
                                            + "result_serialize=%.1f),scheduling_and_transfer=%.1f%n", batch, p, j[0],
                                    ms - j[0], j[4], j[1], j[2], j[3], j[0] - j[4]);
                        } else {
                            // partition 0's own timestamps inside the barrier stages (BarrierTimes), ms per step
                            BarrierTimes t = fit.barrierTimes();
                            overheads[m][r] = t.steps() == 0 ? Double.NaN : t.overheadPerStep();
                            exchanges[m][r] = t.steps() == 0 ? Double.NaN : t.exchangePerStep();
                            computes[r] = t.steps() == 0 ? Double.NaN : t.compute() / t.steps();
                            System.out.printf(Locale.ROOT, "RESULT,batch=%d,P=%d,mode=%s,barrier_breakdown_ms:%s%n",
                                    batch, p, mode, t.perStep());
                        }
                    }
                }
                spark.sparkContext().setLocalProperty(SparkTrainer.BARRIER_EXCHANGE_PROPERTY, null);
                double[] floor = JobFloor.measure(spark, p, PARAMETERS, steps);
                StringBuilder costs = new StringBuilder();
                for (int m = 0; m < 2; m++) {
                    costs.append(String.format(Locale.ROOT, modes[m].equals("jobs") ? ",%s_overhead_ms=%.2f"
                                    : ",%s_overhead_ms=%.2f,%s_exchange_ms=%.2f", modes[m],
                            modes[m].equals("jobs") ? median(medians[m]) - median(computes) : median(overheads[m]),
                            modes[m], median(exchanges[m])));
                }
                System.out.printf(Locale.ROOT, "SUMMARY,batch=%d,master=%s,P=%d,local_ms=%.2f,%s_ms=%.2f,%s_ms=%.2f,"
                                + "%s_over_%s=%.2f%s,empty_job_ms=%.2f,barrier_steps=%d/%d,identical_parameters=%b%n",
                        batch, master, p, local, modes[0], median(medians[0]), modes[1], median(medians[1]), modes[0],
                        modes[1], median(medians[0]) / median(medians[1]), costs, floor[0], barrierSteps, steps,
                        identical);
                System.out.printf(Locale.ROOT, "RESULT,batch=%d,P=%d,job_floor_ms:empty=%.2f,with_parameters_and_"
                        + "gradients=%.2f%n", batch, p, floor[0], floor[1]);
            }
        }
        spark.stop();
    }

    /** Enough steps for a median, few enough that batch 50,000 (≈ 14 GFLOP a step) stays short. */
    private static int stepsFor(int batch) {
        return batch <= 500 ? 30 : batch <= 5000 ? 10 : 4;
    }

    /** Plain SGD; a smaller rate for the few-row batches that measure the fixed cost (0.25 diverges there). */
    private static Sgd sgd(int batch) {
        return new Sgd(LearningRates.of(batch < 100 ? 0.01 : 0.25).with(ParamKind.BIAS, 5e-4));
    }

    private static double localMillisPerStep(int rows, int batch, int steps) {
        RandomSource r = new SeedStreams(0).stream("data");
        Matrix x = Matrix.zeros(rows, FEATURES);
        Matrix y = Matrix.zeros(rows, 1);
        for (int k = 0; k < x.size(); k++) {
            x.setFlat(k, r.nextDouble());
        }
        for (int k = 0; k < rows; k++) {
            y.setFlat(k, r.nextDouble());
        }
        int perEpoch = (rows + batch - 1) / batch;
        int epochs = (steps + perEpoch - 1) / perEpoch;
        List<Double> millis = new ArrayList<>();
        try (NeuralNetwork net = NeuralNetwork.builder(SEED_NET).threads(1).build()) {
            long[] last = {System.nanoTime()};
            new Trainer(net, sgd(batch), TrainerConfig.defaults(0).withEpochs(epochs).withBatchSize(batch)
                    .withEvaluateEvery(1_000_000)).listener(new TrainingListener() {
                        @Override
                        public void onBatchEnd(int epoch, int b, double loss) {
                            long now = System.nanoTime();
                            millis.add((now - last[0]) / 1e6);
                            last[0] = now;
                        }
                    }).fit(x, y);
        }
        return medianAfterWarmup(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double medianAfterWarmup(double[] millis) {
        double[] tail = Arrays.copyOfRange(millis, Math.min(millis.length - 1, millis.length / 4), millis.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }

    private static Dataset<Row> dataset(SparkSession spark, int rows) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            columns.add(functions.rand(j).as("f" + j));
        }
        columns.add(functions.rand(FEATURES).as("y"));
        Dataset<Row> data = spark.range(0, rows, 1, 2).select(columns.toArray(new Column[0]))
                .persist(StorageLevel.MEMORY_AND_DISK());
        data.count();
        return data;
    }

    private static String[] names() {
        String[] names = new String[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            names[j] = "f" + j;
        }
        return names;
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
