package org.backprop.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
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
 * {@code maxIter}, backprop with Adam for a growing number of epochs; each point is a separate fit, timed on
 * the wall clock, and scored by the test accuracy of {@code MulticlassClassificationEvaluator}. The report
 * gives MLlib's accuracy at its default {@code maxIter} (100), the time backprop needs to reach it, and each
 * one's accuracy within the other's time. Run with {@code backprop-bench/spark/mllib-comparison.sh}.
 *
 * <p>Arguments: {@code master data hidden partitions batch mllibIters backpropEpochs report}, where data is
 * {@code synthetic:ROWS} (50 features, 10 classes, a fixed random teacher network with noise) or
 * {@code csv:FILE:LABEL} (a CSV with a header; string columns are one-hot encoded and everything standardized,
 * once, on all rows, and both models get the same feature vectors).
 */
public final class MllibComparison {
    private static final long SEED = 7;

    private MllibComparison() {
    }

    private record Point(String model, String setting, double seconds, double accuracy) {
    }

    public static void main(String[] args) throws IOException {
        String master = args[0];
        String data = args[1];
        int[] hidden = ints(args[2]);
        int partitions = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int[] iterations = ints(args[5]);
        int[] epochs = ints(args[6]);
        Path report = Path.of(args[7]);
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
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
                .setLabelCol("label").setPredictionCol("prediction").setMetricName("accuracy");
        List<Point> points = new ArrayList<>();
        for (int iters : iterations) {
            int[] layers = new int[hidden.length + 2];
            layers[0] = features;
            System.arraycopy(hidden, 0, layers, 1, hidden.length);
            layers[layers.length - 1] = classes;
            MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier().setLayers(layers)
                    .setMaxIter(iters).setSeed(SEED).setBlockSize(128);
            long t0 = System.nanoTime();
            var model = mlp.fit(train);
            double seconds = (System.nanoTime() - t0) / 1e9;
            points.add(print(new Point("MLlib MLP (L-BFGS, sigmoid)", "maxIter=" + iters, seconds,
                    accuracy.evaluate(model.transform(test)))));
        }
        for (int e : epochs) {
            BackpropClassifier classifier = new BackpropClassifier().setLabelCol("label").setLayers(hidden)
                    .setActivation("relu").setOptimizer("adam").setEpochs(e).setBatchSize(batch)
                    .setPartitions(partitions).setSeed(SEED);
            long t0 = System.nanoTime();
            var model = classifier.fit(train);
            double seconds = (System.nanoTime() - t0) / 1e9;
            points.add(print(new Point("backprop (Adam, relu)", "epochs=" + e, seconds,
                    accuracy.evaluate(model.transform(test)))));
        }
        String loadAfter = loadAverage();
        spark.stop();
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, report(args, data, trainRows, testRows, features, classes, hidden, partitions,
                batch, master, load, loadAfter, points));
        System.out.println("report written to " + report);
    }

    private static Point print(Point p) {
        System.out.printf(Locale.ROOT, "RESULT,model=%s,%s,seconds=%.1f,test_accuracy=%.4f%n", p.model(), p.setting(),
                p.seconds(), p.accuracy());
        return p;
    }

    private static String report(String[] args, String data, long trainRows, long testRows, int features, int classes,
                                 int[] hidden, int partitions, int batch, String master, String load,
                                 String loadAfter, List<Point> points) {
        StringBuilder sb = new StringBuilder();
        sb.append("# backprop-spark vs Spark MLlib MultilayerPerceptronClassifier\n\n");
        sb.append("Command: `backprop-bench/spark/mllib-comparison.sh ").append(String.join(" ", args)).append("`\n\n");
        sb.append(String.format(Locale.ROOT, "Data: %s, %d training rows, %d test rows (80/20 randomSplit, seed %d), "
                        + "%d features, %d classes. Hidden layers %s for both. Master %s, P = %d partitions, "
                        + "backprop global batch %d. Load average before/after: %s / %s (2 cores).%n%n",
                data, trainRows, testRows, SEED, features, classes, Arrays.toString(hidden), master, partitions, batch,
                load, loadAfter));
        sb.append("| model | setting | wall s | test accuracy |\n|---|---|---:|---:|\n");
        for (Point p : points) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.4f |%n", p.model(), p.setting(), p.seconds(),
                    p.accuracy()));
        }
        List<Point> mllib = points.stream().filter(p -> p.model().startsWith("MLlib")).toList();
        List<Point> ours = points.stream().filter(p -> !p.model().startsWith("MLlib")).toList();
        Point reference = mllib.get(mllib.size() - 1);
        sb.append(String.format(Locale.ROOT, "%nMLlib's accuracy at %s: %.4f in %.1f s.%n", reference.setting(),
                reference.accuracy(), reference.seconds()));
        Point reach = ours.stream().filter(p -> p.accuracy() >= reference.accuracy())
                .min((a, b) -> Double.compare(a.seconds(), b.seconds())).orElse(null);
        sb.append(reach == null ? "backprop did not reach it in the epochs tried.\n"
                : String.format(Locale.ROOT, "backprop reaches it with %s in %.1f s: %.2f× less time.%n",
                reach.setting(), reach.seconds(), reference.seconds() / reach.seconds()));
        for (Point m : mllib) {
            Point within = best(ours, m.seconds());
            sb.append(String.format(Locale.ROOT, "Within MLlib's %.1f s (%s, accuracy %.4f) backprop's best is %s.%n",
                    m.seconds(), m.setting(), m.accuracy(), within == null ? "not reached (no point that fast)"
                            : String.format(Locale.ROOT, "%.4f (%s, %.1f s)", within.accuracy(), within.setting(),
                            within.seconds())));
        }
        sb.append("\nEach point is a separate fit from scratch; wall times include each fit's set-up. On a shared,")
                .append(" loaded machine the times are noisy; rerun the command on a quiet one before quoting them.\n");
        return sb.toString();
    }

    private static Point best(List<Point> points, double seconds) {
        return points.stream().filter(p -> p.seconds() <= seconds)
                .max((a, b) -> Double.compare(a.accuracy(), b.accuracy())).orElse(null);
    }

    /**
     * {@code rows} rows of 50 standard normal features and a class in 0…9: the argmax of a fixed random
     * teacher (50→20 tanh→10) plus Gumbel noise, each row drawn from its own seed (so the data do not
     * depend on the partitioning).
     */
    static Dataset<Row> synthetic(SparkSession spark, int rows) {
        int d = 50;
        int h = 20;
        int k = 10;
        Random teacher = new Random(SEED);
        double[] a = new double[d * h];
        double[] b = new double[h * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = teacher.nextGaussian() / Math.sqrt(d) * 1.5;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = teacher.nextGaussian() * 1.5;
        }
        JavaRDD<Row> generated = spark.range(0, rows, 1, 4).javaRDD().map(id -> {
            Random r = new Random(id * 0x9E3779B97F4A7C15L + SEED);
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = r.nextGaussian();
            }
            int label = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double logit = -Math.log(-Math.log(r.nextDouble() * (1 - 1e-12) + 1e-12)); // Gumbel noise
                for (int u = 0; u < h; u++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += x[j] * a[j * h + u];
                    }
                    logit += Math.tanh(s) * b[u * k + c];
                }
                if (logit > best) {
                    best = logit;
                    label = c;
                }
            }
            return RowFactory.create(Vectors.dense(x), (double) label);
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
