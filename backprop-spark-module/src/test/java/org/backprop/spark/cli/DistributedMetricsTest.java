package org.backprop.spark.cli;

import static org.backprop.spark.cli.CommandRun.backprop;
import static org.backprop.spark.cli.CommandRun.concat;
import static org.backprop.spark.cli.CommandRun.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.spark.SparkSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backprop-spark train}'s final metrics are summed on the executors, partition by partition
 * with exact sums, and ROC AUC is ranked by a distributed sort; the driver merges one small tally per
 * partition. The metrics JSON equals {@code backprop train}'s bit for bit (binary with ROC AUC, class
 * weights and a weight column; multi-class with a validation split; regression with weights), the
 * rows read as 1, 2 or 3 Spark partitions; trained with P = 2 and 3, the JSON equals
 * {@code backprop evaluate}'s on the Spark model. No job's result grows with the rows: with
 * {@code spark.driver.maxResultSize} at 1 MiB, which fails a gather of the rows' outputs, a
 * 100,000-row run reports the metrics of {@code backprop evaluate}.
 */
class DistributedMetricsTest {
    private static final String SPLIT = "spark.sql.files.maxPartitionBytes";
    private static final String LISTENERS = "spark.extraListeners";
    private static final String MAX_RESULT = "spark.driver.maxResultSize";

    @TempDir
    Path dir;

    @Test
    void theMetricsJsonIsBackpropTrainsInOneTwoAndThreePartitions() throws IOException {
        Path csv = write("data.csv", 1, 150);
        Path test = write("test.csv", 2, 60);
        String[][] runs = {
            {"binary", "--target", "pair", "--class-weight", "balanced", "--weight-column", "w"},
            {"classes", "--target", "kind", "--validation-split", "0.2"},
            {"regression", "--target", "y", "--features", "a,b,c,color", "--weight-column", "w"}};
        for (String[] run : runs) {
            String name = run[0];
            String[] flags = concat(new String[] {"train", "--data", csv.toString(), "--layers", "6",
                "--epochs", "2", "--batch-size", "32", "--seed", "3", "--test", test.toString()},
                    Arrays.copyOfRange(run, 1, run.length));
            Path localJson = dir.resolve(name + "-local.json");
            CommandRun local = backprop(concat(flags, "--out", dir.resolve(name + "-local.safetensors").toString(),
                    "--metrics-json", localJson.toString()));
            assertEquals(0, local.code, local.toString());
            String expected = Files.readString(localJson);
            for (int parts = 1; parts <= 3; parts++) {
                Path sparkJson = dir.resolve(name + "-spark-" + parts + ".json");
                List<StageResults.Stage> stages = sparkRun(Files.size(csv), parts, concat(flags, "--partitions", "1",
                        "--master", "local[2]", "--out", dir.resolve(name + parts + ".safetensors").toString(),
                        "--metrics-json", sparkJson.toString()));
                assertEquals(expected, Files.readString(sparkJson), name + " read as " + parts + " partitions");
                int most = stages.stream().mapToInt(StageResults.Stage::tasks).max().orElse(0);
                assertEquals(parts, most, name + ": the rows are read as " + parts + " partitions: " + stages);
            }
            if (name.equals("binary")) {
                assertTrue(expected.contains("\"roc_auc\": 0.") && expected.contains("\"weighted_log_loss\""), expected);
            }
        }
    }

    @Test
    void trainedWithTwoAndThreePartitionsTheMetricsAreBackpropEvaluatesOnTheModel() throws IOException {
        Path csv = write("data.csv", 4, 150);
        Path test = write("test.csv", 5, 60);
        for (int p = 2; p <= 3; p++) {
            Path model = dir.resolve("p" + p + ".safetensors");
            Path json = dir.resolve("p" + p + ".json");
            sparkRun(Files.size(csv), 2, "train", "--data", csv.toString(), "--target", "pair", "--layers", "6",
                    "--epochs", "2", "--batch-size", "32", "--seed", "3", "--test", test.toString(),
                    "--partitions", Integer.toString(p), "--master", "local[2]", "--out", model.toString(),
                    "--metrics-json", json.toString());
            JsonObject metrics = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            assertEquals(evaluate(model, csv), metrics.get("train").toString(), "train, P = " + p);
            assertEquals(evaluate(model, test), metrics.get("test").toString(), "test, P = " + p);
        }
    }

    /**
     * 100,000 rows of two classes: a gather of the outputs, labels and weights to the driver would
     * return at least 8·(2 + 2) bytes a row, 3.2 MB, past a 1 MiB {@code spark.driver.maxResultSize}
     * (a control job collecting that much fails); the run succeeds, and each metrics stage returns a few
     * KiB (P tallies or areas, the range partitioner's sample).
     */
    @Test
    void noJobResultGrowsWithTheRows() throws IOException {
        int rows = 100_000;
        Path csv = writeNarrow("big.csv", 6, rows);
        Path model = dir.resolve("big.safetensors");
        Path json = dir.resolve("big.json");
        System.setProperty(MAX_RESULT, "1m");
        try {
            List<StageResults.Stage> stages = sparkRun(Files.size(csv), 2, "train", "--data", csv.toString(),
                    "--target", "pair", "--layers", "4", "--epochs", "1", "--batch-size",
                    "50000", "--seed", "3", "--master", "local[2]", "--out", model.toString(), "--metrics-json",
                    json.toString());
            List<StageResults.Stage> metricStages = stages.stream().filter(s -> s.name().contains("SplitSummaries")
                    || s.name().contains("DistributedRocAuc")).toList();
            assertEquals(4, metricStages.size(), "tallies, the sort's sample, the sort, the areas: " + stages);
            for (StageResults.Stage s : metricStages) {
                assertTrue(s.resultBytes() < 16 << 10, "a metrics stage returned " + s.resultBytes() + " bytes: " + s);
            }
            SparkSession session = SparkSessions.start("local[2]");
            try {
                assertEquals("1m", session.sparkContext().conf().get(MAX_RESULT));
                JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
                Exception tooLarge = assertThrows(Exception.class, () -> sc.parallelize(
                        IntStream.range(0, rows).boxed().toList(), 2).map(i -> new double[4]).collect());
                assertTrue(String.valueOf(tooLarge.getMessage()).contains("maxResultSize"), tooLarge.toString());
            } finally {
                session.stop();
            }
        } finally {
            System.clearProperty(MAX_RESULT);
        }
        JsonObject metrics = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(evaluate(model, csv), metrics.get("train").toString());
    }

    /**
     * Runs {@code backprop-spark args…} with the CSV of {@code bytes} bytes read as {@code parts}
     * partitions, asserts success; returns the completed stages.
     */
    private static List<StageResults.Stage> sparkRun(long bytes, int parts, String... args) {
        System.setProperty(SPLIT, Long.toString((bytes + parts - 1) / parts));
        System.setProperty(LISTENERS, StageResults.class.getName());
        StageResults.reset();
        try {
            CommandRun run = spark(args);
            assertEquals(0, run.code, run.toString());
            return StageResults.stages();
        } finally {
            System.clearProperty(SPLIT);
            System.clearProperty(LISTENERS);
        }
    }

    /** {@code backprop evaluate}'s metrics of {@code model} on {@code csv}, as JSON text. */
    private String evaluate(Path model, Path csv) throws IOException {
        Path json = dir.resolve("evaluate.json");
        Files.deleteIfExists(json);
        CommandRun run = backprop("evaluate", "--model", model.toString(), "--data", csv.toString(),
                "--metrics-json", json.toString());
        assertEquals(0, run.code, run.toString());
        return JsonParser.parseString(Files.readString(json)).getAsJsonObject().get("data").toString();
    }

    /** {@code n} rows of two numbers a, b and a class pair (few numeric columns: the medians' counts stay small). */
    private Path writeNarrow(String name, long seed, int n) throws IOException {
        RandomSource r = new SeedStreams(seed).stream("data");
        StringBuilder sb = new StringBuilder("a,b,pair\n");
        for (int i = 0; i < n; i++) {
            double a = Math.round(r.uniform(-2, 2) * 100) / 100.0;
            double b = r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.2f,%.5f,%s%n", a, b, a + b * 0.5 > 0 ? "yes" : "no"));
        }
        Path path = dir.resolve(name);
        Files.writeString(path, sb, StandardCharsets.UTF_8);
        return path;
    }

    /**
     * {@code n} rows: numbers a, b, c, a text column with missing cells, a regression target y, a
     * three-class kind, a two-class pair with tied-prone inputs, and a weight w.
     */
    private Path write(String name, long seed, int n) throws IOException {
        RandomSource r = new SeedStreams(seed).stream("data");
        StringBuilder sb = new StringBuilder("a,b,c,color,y,kind,pair,w\n");
        String[] colors = {"red", "green", "blue", "NA"};
        for (int i = 0; i < n; i++) {
            double a = Math.round(r.uniform(-2, 2) * 4) / 4.0; // coarse: tied scores
            double b = r.uniform(0, 10);
            double c = r.nextGaussian();
            double y = Math.sin(a) * 3 + 0.5 * b - c * c + 0.3 * r.nextGaussian();
            String kind = y > 3 ? "high" : y > 1 ? "mid" : "low";
            String pair = a + 0.3 * r.nextGaussian() > 0 ? "yes" : "no";
            sb.append(String.format(Locale.ROOT, "%.2f,%.4f,%.6f,%s,%.5f,%s,%s,%.3f%n", a, b, c, colors[i % 4], y,
                    kind, pair, r.uniform(0, 2)));
        }
        Path path = dir.resolve(name);
        Files.writeString(path, sb, StandardCharsets.UTF_8);
        return path;
    }
}
