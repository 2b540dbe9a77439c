package org.backprop.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.backprop.spark.ml.BackpropClassifier;

/**
 * Benchmark (not a test): {@code BackpropClassifier} against Spark MLlib's {@code MultilayerPerceptronClassifier}
 * on the same session, data, split, features and hidden layers. MLlib trains with L-BFGS for a growing
 * {@code maxIter}, backprop with Adam for a growing number of epochs, for each (activation, global batch,
 * learning rate) series asked for; each point is a separate fit from scratch, timed on the wall clock and scored by the test
 * accuracy of {@code MulticlassClassificationEvaluator}. The fits run interleaved (an MLlib fit, then some
 * backprop fits, and so on), so a change of the machine's load falls on both; one untimed warm-up fit of each
 * (MLlib {@code maxIter} 2, backprop 1 epoch) runs first, so neither pays the JVM's warm-up in its points. The
 * report gives the load average at every point, MLlib's accuracy at its default {@code maxIter} (100) and at its
 * best point, the time each backprop series needs to reach them, and each one's accuracy within the other's
 * time; on the synthetic set also the test rows' Bayes limit ({@link SyntheticTeacher}). Run with
 * {@code backprop-bench/spark/mllib-comparison.sh}.
 *
 * <p>Arguments: {@code master data hidden partitions batches mllibIters backpropEpochs learningRates activations
 * report},
 * where data is {@code synthetic:ROWS} ({@link SyntheticTeacher}: 50 features, 10 classes) or
 * {@code csv:FILE:LABEL} (a CSV with a header; string columns are one-hot encoded and everything standardized,
 * once, on all rows, and both models get the same feature vectors); activations (backprop's hidden layers'),
 * batches and learningRates are comma-separated lists, every combination a series; a rate {@code default}
 * leaves {@code learningRate} unset (Adam's default, 0.001).
 */
public final class MllibComparison {
    private static final long SEED = 7;
    private static final String MLLIB = "MLlib MLP (L-BFGS, sigmoid)";
    private static final int MLLIB_DEFAULT_ITERS = 100;

    private MllibComparison() {
    }

    /** One fit: {@code series} names the model's settings besides {@code setting} (the iterations or epochs). */
    private record Point(String model, String series, String setting, int order, double seconds, double accuracy,
                         String load) {
        boolean mllib() {
            return model.equals(MLLIB);
        }
    }

    /** A fit to run and time. */
    private record Fit(String model, String series, String setting, Supplier<Transformer> run) {
    }

    public static void main(String[] args) throws IOException {
        String master = args[0];
        String data = args[1];
        int[] hidden = ints(args[2]);
        int partitions = Integer.parseInt(args[3]);
        int[] batches = ints(args[4]);
        int[] iterations = ints(args[5]);
        int[] epochs = ints(args[6]);
        String[] rates = args[7].split(",");
        String[] activations = args[8].split(",");
        Path report = Path.of(args[9]);
        SparkSession spark = SparkSession.builder().master(master).appName("backprop-vs-mllib")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        String load = loadAverage();
        Dataset<Row> all = data.startsWith("synthetic:") ? synthetic(spark, Integer.parseInt(data.substring(10)))
                : csv(spark, data.split(":")[1], data.split(":")[2]);
        Dataset<Row>[] split = all.randomSplit(new double[] {0.8, 0.2}, SEED);
        Dataset<Row> train = split[0].repartition(partitions).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> test = split[1].persist(StorageLevel.MEMORY_AND_DISK());
        long trainRows = train.count();
        long testRows = test.count();
        int features = ((org.apache.spark.ml.linalg.Vector) train.first().getAs("features")).size();
        int classes = (int) train.agg(org.apache.spark.sql.functions.max("label")).first().getDouble(0) + 1;
        String bayes = data.startsWith("synthetic:") ? bayesLimit(test, testRows) : null;
        double majority = test.groupBy("label").count().agg(org.apache.spark.sql.functions.max("count")).first()
                .getLong(0) / (double) testRows;
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
                .setLabelCol("label").setPredictionCol("prediction").setMetricName("accuracy");
        int[] layers = new int[hidden.length + 2];
        layers[0] = features;
        System.arraycopy(hidden, 0, layers, 1, hidden.length);
        layers[layers.length - 1] = classes;
        List<Fit> mllibFits = new ArrayList<>();
        for (int iters : iterations) {
            mllibFits.add(new Fit(MLLIB, "L-BFGS", "maxIter=" + iters, () -> mllib(layers, iters).fit(train)));
        }
        List<Fit> backpropFits = new ArrayList<>();
        for (String activation : activations) {
            for (int batch : batches) {
                for (String rate : rates) {
                    for (int e : epochs) {
                        backpropFits.add(new Fit("backprop (Adam)", series(activation, batch, rate), "epochs=" + e,
                                () -> backprop(hidden, activation, partitions, batch, rate, e).fit(train)));
                    }
                }
            }
        }
        System.out.println("warm-up fits (not reported)");
        mllib(layers, 2).fit(train).transform(test).count();
        backprop(hidden, activations[0], partitions, batches[0], rates[0], 1).fit(train).transform(test).count();
        List<Point> points = new ArrayList<>();
        for (Fit fit : interleaved(mllibFits, backpropFits)) {
            long t0 = System.nanoTime();
            Transformer model = fit.run().get();
            double seconds = (System.nanoTime() - t0) / 1e9; // scoring the test rows is not part of the time
            points.add(print(new Point(fit.model(), fit.series(), fit.setting(), points.size() + 1, seconds,
                    accuracy.evaluate(model.transform(test)), loadAverage())));
        }
        String loadAfter = loadAverage();
        spark.stop();
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, report(args, data, trainRows, testRows, features, classes, hidden, partitions,
                master, load, loadAfter, majority, bayes, points));
        System.out.println("report written to " + report);
    }

    private static MultilayerPerceptronClassifier mllib(int[] layers, int iters) {
        return new MultilayerPerceptronClassifier().setLayers(layers).setMaxIter(iters).setSeed(SEED)
                .setBlockSize(128);
    }

    private static BackpropClassifier backprop(int[] hidden, String activation, int partitions, int batch,
                                               String rate, int epochs) {
        BackpropClassifier classifier = new BackpropClassifier().setLabelCol("label").setLayers(hidden)
                .setActivation(activation).setOptimizer("adam").setEpochs(epochs).setBatchSize(batch)
                .setPartitions(partitions).setSeed(SEED);
        return rate.equals("default") ? classifier : classifier.setLearningRate(Double.parseDouble(rate));
    }

    private static String series(String activation, int batch, String rate) {
        return activation + ", batch " + batch + ", lr " + (rate.equals("default") ? "default (0.001)" : rate);
    }

    /**
     * MLlib's fits spread over backprop's: each MLlib fit is followed by its share of backprop's, so both
     * lists run in their own order over the whole run.
     */
    private static List<Fit> interleaved(List<Fit> mllib, List<Fit> backprop) {
        List<Fit> order = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < mllib.size(); i++) {
            order.add(mllib.get(i));
            int until = (int) Math.round((i + 1) * (double) backprop.size() / mllib.size());
            while (next < until) {
                order.add(backprop.get(next++));
            }
        }
        order.addAll(backprop.subList(next, backprop.size()));
        return order;
    }

    /** The synthetic test rows' Bayes limit: the teacher's noiseless argmax scored on them, and its expectation. */
    private static String bayesLimit(Dataset<Row> test, long testRows) {
        SyntheticTeacher teacher = new SyntheticTeacher(SEED);
        double[] sums = test.javaRDD().map(r -> {
            double[] x = ((org.apache.spark.ml.linalg.Vector) r.getAs("features")).toArray();
            return new double[] {teacher.bayesCorrect(x, (int) r.<Double>getAs("label").doubleValue()),
                teacher.bayesProbability(x)};
        }).reduce((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        return String.format(Locale.ROOT, "%.4f (the teacher's noiseless argmax on these test rows; its expectation, "
                + "the mean of max softmax(f(x)), is %.4f)", sums[0] / testRows, sums[1] / testRows);
    }

    private static Point print(Point p) {
        System.out.printf(Locale.ROOT, "RESULT,order=%d,model=%s,series=%s,%s,seconds=%.1f,test_accuracy=%.4f,load=%s%n",
                p.order(), p.model(), p.series(), p.setting(), p.seconds(), p.accuracy(), p.load());
        return p;
    }

    private static String report(String[] args, String data, long trainRows, long testRows, int features, int classes,
                                 int[] hidden, int partitions, String master, String load, String loadAfter,
                                 double majority, String bayes, List<Point> points) {
        StringBuilder sb = new StringBuilder();
        sb.append("# backprop-spark vs Spark MLlib MultilayerPerceptronClassifier\n\n");
        // the script's own arguments (it adds the report path)
        sb.append("Command: `backprop-bench/spark/mllib-comparison.sh '").append(args[0]).append("' ")
                .append(String.join(" ", Arrays.copyOfRange(args, 1, args.length - 1))).append("`\n\n");
        sb.append(String.format(Locale.ROOT, "Data: %s, %d training rows, %d test rows (80/20 randomSplit, seed %d), "
                        + "%d features, %d classes. Hidden layers %s for both. Master %s, P = %d partitions. "
                        + "Load average before/after: %s / %s (2 cores).%n%n",
                data, trainRows, testRows, SEED, features, classes, Arrays.toString(hidden), master, partitions,
                load, loadAfter));
        sb.append(String.format(Locale.ROOT, "Always predicting the test rows' most frequent class scores %.4f.",
                majority));
        if (bayes != null) {
            sb.append(" Bayes limit: ").append(bayes).append('.');
        }
        double near = points.stream().filter(Point::mllib).mapToDouble(Point::accuracy).max().orElse(0.5);
        sb.append(String.format(Locale.ROOT, " An accuracy near MLlib's best (%.2f) has a standard error of about %.4f "
                + "on these %d rows (binomial), so points closer than about twice that are a tie.%n%n", near,
                Math.sqrt(near * (1 - near) / testRows), testRows));
        sb.append("Fits ran interleaved in the order of the `#` column, after one untimed warm-up fit of each; "
                + "the load column is the 1-minute load average when the fit ended.\n\n");
        sb.append("| # | model | series | setting | wall s | test accuracy | load |\n|---:|---|---|---|---:|---:|---:|\n");
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing((Point p) -> !p.mllib()).thenComparing(Point::series)
                .thenComparingInt(p -> Integer.parseInt(p.setting().replaceAll("\\D", ""))));
        for (Point p : sorted) {
            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %.1f | %.4f | %s |%n", p.order(), p.model(),
                    p.series(), p.setting(), p.seconds(), p.accuracy(), p.load()));
        }
        List<Point> mllib = sorted.stream().filter(Point::mllib).toList();
        List<String> series = sorted.stream().filter(p -> !p.mllib()).map(Point::series).distinct().toList();
        Point best = mllib.stream().max(Comparator.comparingDouble(Point::accuracy)).orElseThrow();
        Point atDefault = mllib.stream().filter(p -> p.setting().equals("maxIter=" + MLLIB_DEFAULT_ITERS))
                .findFirst().orElse(null);
        sb.append('\n');
        List<Point> references = atDefault == null || atDefault == best ? List.of(best) : List.of(atDefault, best);
        for (Point reference : references) {
            sb.append(String.format(Locale.ROOT, "MLlib's accuracy at %s%s: %.4f in %.1f s.%n", reference.setting(),
                    reference == best ? " (its best)" : " (its default)", reference.accuracy(), reference.seconds()));
            for (String s : series) {
                Point reach = sorted.stream().filter(p -> p.series().equals(s))
                        .filter(p -> p.accuracy() >= reference.accuracy())
                        .min(Comparator.comparingDouble(Point::seconds)).orElse(null);
                sb.append(reach == null ? String.format("- backprop (%s) did not reach it in the epochs tried.%n", s)
                        : String.format(Locale.ROOT, "- backprop (%s) reaches it with %s (%.4f) in %.1f s: %.2f× "
                        + "less time.%n", s, reach.setting(), reach.accuracy(), reach.seconds(),
                        reference.seconds() / reach.seconds()));
            }
        }
        sb.append("\nAccuracy at equal wall time (each series' best point that took no longer):\n\n");
        for (Point m : mllib) {
            sb.append(String.format(Locale.ROOT, "- within MLlib's %.1f s (%s, %.4f):", m.seconds(), m.setting(),
                    m.accuracy()));
            for (String s : series) {
                Point within = bestWithin(sorted.stream().filter(p -> p.series().equals(s)).toList(), m.seconds());
                sb.append(String.format(Locale.ROOT, " backprop (%s) %s;", s, within == null ? "no point that fast"
                        : String.format(Locale.ROOT, "%.4f (%s, %.1f s)", within.accuracy(), within.setting(),
                        within.seconds())));
            }
            sb.setLength(sb.length() - 1);
            sb.append(".\n");
        }
        sb.append("\nEach point is a separate fit from scratch; wall times are the fit's alone (scoring the test rows")
                .append(" is not included). On a shared, loaded machine the times are noisy; rerun the command on a")
                .append(" quiet one before quoting them.\n");
        return sb.toString();
    }

    private static Point bestWithin(List<Point> points, double seconds) {
        return points.stream().filter(p -> p.seconds() <= seconds)
                .max(Comparator.comparingDouble(Point::accuracy)).orElse(null);
    }

    /** {@code rows} rows of {@link SyntheticTeacher} (seed {@value #SEED}), in 4 partitions. */
    static Dataset<Row> synthetic(SparkSession spark, int rows) {
        SyntheticTeacher teacher = new SyntheticTeacher(SEED);
        JavaRDD<Row> generated = spark.range(0, rows, 1, 4).javaRDD().map(id -> {
            double[] row = teacher.row(id);
            return RowFactory.create(Vectors.dense(Arrays.copyOf(row, SyntheticTeacher.FEATURES)),
                    row[SyntheticTeacher.FEATURES]);
        });
        return spark.createDataFrame(generated, DataTypes.createStructType(new StructField[] {
                DataTypes.createStructField("features", new VectorUDT(), false),
                DataTypes.createStructField("label", DataTypes.DoubleType, false)}));
    }

    /** A CSV with a header: string columns one-hot encoded, all standardized; {@code label} indexed. */
    static Dataset<Row> csv(SparkSession spark, String file, String label) {
        Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "true").csv(file);
        List<PipelineStage> stages = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        stages.add(new StringIndexer().setInputCol(label).setOutputCol("label"));
        for (StructField f : raw.schema().fields()) {
            if (f.name().equals(label)) {
                continue;
            }
            if (f.dataType().equals(DataTypes.StringType) || f.dataType().equals(DataTypes.BooleanType)) {
                stages.add(new StringIndexer().setInputCol(f.name()).setOutputCol(f.name() + "_index"));
                stages.add(new OneHotEncoder().setInputCol(f.name() + "_index").setOutputCol(f.name() + "_onehot"));
                inputs.add(f.name() + "_onehot");
            } else {
                inputs.add(f.name());
            }
        }
        stages.add(new VectorAssembler().setInputCols(inputs.toArray(String[]::new)).setOutputCol("raw_features"));
        stages.add(new StandardScaler().setInputCol("raw_features").setOutputCol("features").setWithMean(true));
        PipelineModel prep = new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(raw);
        return prep.transform(raw).select("features", "label");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
