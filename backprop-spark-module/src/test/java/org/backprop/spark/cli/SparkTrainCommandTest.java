package org.backprop.spark.cli;

import static org.backprop.spark.cli.CommandRun.backprop;
import static org.backprop.spark.cli.CommandRun.concat;
import static org.backprop.spark.cli.CommandRun.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.backprop.cli.ExitCodes;
import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backprop-spark train --partitions 1}, whose executors read the CSV and fit the
 * preprocessing (a text column, missing cells, medians, scalers), writes the model file of
 * {@code backprop train} with the same flags: every tensor equal bit for bit and the same stored
 * preprocessing; {@code backprop evaluate} reads it on the raw CSV. Data errors name the line of
 * the whole file, also in a later Spark partition (1 KiB input splits: about 5 partitions).
 */
class SparkTrainCommandTest {
    @TempDir
    static Path dir;
    private static final String SPLIT = "spark.sql.files.maxPartitionBytes";
    private static Path csv;
    private static Path testCsv;

    /** Input splits of 1 KiB, so the 5 KiB file is read as several Spark partitions. */
    @BeforeAll
    static void smallSplits() {
        System.setProperty(SPLIT, "1024");
    }

    @AfterAll
    static void defaultSplits() {
        System.clearProperty(SPLIT);
    }

    @BeforeAll
    static void writeCsv() throws IOException {
        csv = dir.resolve("data.csv");
        testCsv = dir.resolve("test.csv");
        Files.writeString(csv, rows(3, 120), StandardCharsets.UTF_8);
        Files.writeString(testCsv, rows(4, 40), StandardCharsets.UTF_8);
    }

    /** {@code n} rows of a text column, missing cells, a regression target y, a class kind and a weight w. */
    private static String rows(long seed, int n) {
        RandomSource r = new SeedStreams(seed).stream("data");
        StringBuilder sb = new StringBuilder("a,b,c,color,y,kind,w\n");
        String[] colors = {"red", "green", "blue", "NA", "teal"};
        for (int i = 0; i < n; i++) {
            double a = r.uniform(-2, 2);
            double b = r.uniform(0, 10);
            double c = r.nextGaussian();
            double y = Math.sin(a) * 3 + 0.5 * b - c * c + 0.1 * r.nextGaussian();
            String kind = y > 3 ? "high" : y > 1 ? "mid" : "low";
            String bText = i % 17 == 5 ? "" : String.format(Locale.ROOT, "%.4f", b);
            String color = colors[i % 7 == 3 ? 4 : i % 11 == 2 ? 3 : i % 3];
            sb.append(String.format(Locale.ROOT, "%.6f,%s,%.6f,%s,%.5f,%s,%.3f%n", a, bText, c, color, y, kind,
                    r.uniform(0, 2)));
        }
        return sb.toString();
    }

    @Test
    void sgdRegressionEqualsBackpropTrainBitForBit() throws IOException {
        assertSameModel("sgd", "--target", "y", "--features", "a,b,c,color", "--optimizer", "sgd", "--lr", "0.05");
    }

    @Test
    void adamClassificationEqualsBackpropTrainBitForBit() throws IOException {
        assertSameModel("adam", "--target", "kind", "--optimizer", "adam", "--weight-column", "w");
    }

    /**
     * --validation-split holds out the rows backprop train holds out (stratified by class, in several
     * Spark partitions), fits the preprocessing on the rest, and early stopping watches them;
     * --weight-column and --class-weight weigh the rows; --test is read and measured on the
     * executors; --metrics-json writes the same file as backprop train.
     */
    @Test
    void validationWeightsTestAndMetricsMeanWhatTheyMeanForBackpropTrain() throws IOException {
        CommandRun spark = sameModel("held", "--target", "kind", "--epochs", "6", "--batch-size", "16",
                "--validation-split", "0.25", "--patience", "2", "--class-weight", "balanced", "--weight-column", "w",
                "--test", testCsv.toString(), "--metrics-json", dir.resolve("held-%s.json").toString());
        assertTrue(spark.out.contains("validation (30 rows):") && spark.out.contains("test (40 rows):"), spark.out);
        assertTrue(spark.out.contains("class weights: {"), spark.out);
        assertEquals(Files.readString(dir.resolve("held-local.json")), Files.readString(dir.resolve("held-spark.json")));
        assertTrue(Files.readString(dir.resolve("held-spark.json")).contains("\"weighted_log_loss\""));
    }

    /** Without --epochs a regression holds out 10 % of the rows (at least 100 rows) with patience 10, as backprop train. */
    @Test
    void withoutEpochsTheAutomaticRuleHoldsOutValidationRowsAsBackpropTrain() throws IOException {
        CommandRun spark = sameModel("auto", "--target", "y", "--features", "a,b,c,color", "--batch-size", "120",
                "--lr", "0.05", "--weight-column", "w", "--metrics-json", dir.resolve("auto-%s.json").toString());
        assertTrue(spark.out.contains("(12 validation)"), spark.out);
        assertEquals(Files.readString(dir.resolve("auto-local.json")), Files.readString(dir.resolve("auto-spark.json")));
    }

    /** Bad values of the weight and split options fail as in backprop train: the same exit code and message. */
    @Test
    void badWeightAndSplitValuesFailAsInBackpropTrain() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(90, lines.get(90).replaceAll(",[^,]*$", ",-1"));
        Path negative = dir.resolve("negative.csv");
        Files.write(negative, lines);
        String[][] cases = {
            {"--data", csv.toString(), "--target", "y", "--validation-split", "1.5"},
            {"--data", csv.toString(), "--target", "y", "--validation-split", "0.99"},
            {"--data", csv.toString(), "--target", "y", "--class-weight", "balanced"},
            {"--data", csv.toString(), "--target", "kind", "--class-weight", "high=2,nope=1"},
            {"--data", csv.toString(), "--target", "kind", "--class-weight", "high=x"},
            {"--data", csv.toString(), "--target", "kind", "--weight-column", "kind"},
            {"--data", csv.toString(), "--target", "kind", "--weight-column", "w", "--features", "a,w"},
            {"--data", negative.toString(), "--target", "kind", "--weight-column", "w"},
        };
        for (String[] flags : cases) {
            String[] args = concat(concat(new String[] {"train"}, flags), "--epochs", "1", "--out",
                    dir.resolve("never.safetensors").toString());
            CommandRun local = backprop(args);
            CommandRun spark = spark(concat(args, "--master", "local[2]"));
            assertTrue(local.code != 0, String.join(" ", flags) + ": " + local);
            assertEquals(local.code, spark.code, String.join(" ", flags) + ": " + spark);
            assertEquals(local.err.strip().replaceFirst("^backprop: ", ""),
                    spark.err.strip().replaceFirst("^backprop-spark: ", ""), String.join(" ", flags));
            assertEquals(1, spark.err.strip().lines().count(), spark.err);
            assertTrue(Files.notExists(dir.resolve("never.safetensors")));
        }
    }

    /**
     * A model that cannot be saved (here: standard output failed, found just before saving) leaves no
     * --metrics-json or --plot behind, and says so in the words of backprop train.
     */
    @Test
    void aModelThatCannotBeSavedLeavesNoReportsBehindAsInBackpropTrain() throws IOException {
        Path out = dir.resolve("unsaved.safetensors");
        Path json = dir.resolve("unsaved.json");
        Path plot = dir.resolve("unsaved.png");
        String[] args = {"train", "--data", csv.toString(), "--target", "y", "--epochs", "1", "--out", out.toString(),
            "--metrics-json", json.toString(), "--plot", plot.toString()};
        for (boolean onSpark : new boolean[] {false, true}) {
            CommandRun run;
            try (FileOutputStream full = new FileOutputStream("/dev/full")) {
                run = CommandRun.withStdout(full, onSpark, onSpark ? concat(args, "--master", "local[2]") : args);
            }
            assertEquals(ExitCodes.IO, run.code, run.toString());
            assertEquals((onSpark ? "backprop-spark: " : "backprop: ") + "cannot write standard output: write error; "
                    + "no model was written to " + out + "; removed this run's --metrics-json " + json + " and --plot "
                    + plot, run.err.strip());
            assertTrue(Files.notExists(out) && Files.notExists(json) && Files.notExists(plot), run.toString());
        }
    }

    @Test
    void aDeclaredColumnThatIsNotAFeatureIsRefusedAsInBackpropTrain() {
        String[] args = {"train", "--data", csv.toString(), "--target", "y", "--features", "a,b", "--numeric", "c",
            "--epochs", "1", "--out", dir.resolve("never.safetensors").toString()};
        CommandRun local = backprop(args);
        CommandRun spark = spark(concat(args, "--master", "local[2]"));
        assertEquals(ExitCodes.DATA, spark.code, spark.toString());
        assertEquals(local.code, spark.code, spark.toString());
        assertEquals(csv + ", line 1, column 3 \"c\": declared a feature type, but it is not a feature column",
                spark.err.strip().replaceFirst("^backprop-spark: ", ""));
        assertEquals(local.err.strip().replaceFirst("^backprop: ", ""),
                spark.err.strip().replaceFirst("^backprop-spark: ", ""));
    }

    /**
     * --patience, --plot and --dropout mean what they mean for backprop train: the same model, the
     * same progress lines, early stopping (on the training loss) and the plot.
     */
    @Test
    void patiencePlotAndDropoutMeanWhatTheyMeanForBackpropTrain() throws IOException {
        CommandRun spark = sameModel("stopping", "--target", "kind", "--epochs", "25", "--batch-size", "30",
                "--optimizer", "adam", "--lr", "0.2", "--patience", "1", "--dropout", "0.2",
                "--plot", dir.resolve("stopping-%s.png").toString());
        assertTrue(spark.out.contains("early stopping after epoch"), spark.out);
        assertTrue(Files.size(dir.resolve("stopping-spark.png")) > 0);
    }

    /**
     * --threads is not this process's: spark-train accepts any count (the README's table), where
     * train refuses one above 4 × the processors (TrainOptionsTest).
     */
    @Test
    void anyThreadCountIsAcceptedAsTheExecutorsDoNotUseIt() {
        SparkTrainCommand spark = new SparkTrainCommand();
        new picocli.CommandLine(spark).parseArgs("--data", "d.csv", "--target", "y", "--threads", "100000");
        assertEquals(org.backprop.kernel.Kernels.defaultThreads(), spark.kernelThreads(),
                "--threads 100000 on spark-train: the driver's network uses one thread per processor");
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        String[] base = {"train", "--data", csv.toString(), "--target", "y"};
        assertEquals(ExitCodes.USAGE, spark(concat(base, "--patience", "-1")).code);
        assertEquals(ExitCodes.USAGE, spark(concat(base, "--validation-split", "-0.1")).code);
        assertEquals(ExitCodes.USAGE, spark(concat(base, "--partitions", "0")).code);
        String[] missingTest = concat(base, "--test", dir.resolve("no-such.csv").toString(), "--epochs", "1");
        CommandRun spark = spark(missingTest);
        assertEquals(backprop(missingTest).code, spark.code, spark.toString());
        assertTrue(spark.err.contains("no-such.csv"), spark.err);
    }

    @Test
    void aBadCellInALaterPartitionIsNamedByItsLineInTheFile() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] cells = lines.get(100).split(",");
        cells[2] = "1.2.3";
        lines.set(100, String.join(",", cells));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, lines);
        CommandRun run = spark("train", "--data", bad.toString(), "--target", "y", "--master", "local[2]", "--epochs", "1",
                "--out", dir.resolve("bad.safetensors").toString());
        assertEquals(ExitCodes.DATA, run.code, run.out + run.err);
        assertTrue(run.err.contains("line 101") && run.err.contains("\"c\"") && run.err.contains("1.2.3"), run.err);
        assertTrue(Files.notExists(dir.resolve("bad.safetensors")));
    }

    private static void assertSameModel(String name, String... flags) throws IOException {
        sameModel(name, concat(new String[] {"--epochs", "4", "--batch-size", "16"}, flags));
    }

    /**
     * Trains with both commands and the same flags ({@code %s} in a flag becomes "local" or "spark"),
     * asserts the same model file and the same progress lines; returns the Spark run.
     */
    private static CommandRun sameModel(String name, String... flags) throws IOException {
        Path local = dir.resolve(name + "-local.safetensors");
        Path spark = dir.resolve(name + "-spark.safetensors");
        String[] common = concat(new String[] {"train", "--data", csv.toString(), "--layers", "8,5", "--seed", "11"},
                flags);
        CommandRun a = backprop(concat(each(common, "local"), "--out", local.toString()));
        assertEquals(0, a.code, a.err);
        CommandRun b = spark(concat(each(common, "spark"), "--partitions", "1", "--master", "local[2]", "--out",
                spark.toUri().toString()));
        assertEquals(0, b.code, b.out + b.err);
        assertEquals(epochLines(a.out), epochLines(b.out), "the same progress");
        assertSameTensorsAndPreprocessing(local, spark);
        CommandRun evaluate = backprop("evaluate", "--model", spark.toString(), "--data", csv.toString());
        assertEquals(0, evaluate.code, evaluate.err);
        return b;
    }

    /** The same tensors, bit for bit, and the same preprocessing and training metadata. */
    private static void assertSameTensorsAndPreprocessing(Path local, Path spark) throws IOException {
        assertSameTensorsAndPreprocessing(local, spark, UnaryOperator.identity());
    }

    /**
     * As {@link #assertSameTensorsAndPreprocessing(Path, Path)}, the local model's preprocessing
     * JSON changed by {@code expectedPreprocessing} first (e.g. its input format).
     */
    private static void assertSameTensorsAndPreprocessing(Path local, Path spark,
                                                          UnaryOperator<String> expectedPreprocessing)
            throws IOException {
        SafetensorsFile expected = SafetensorsReader.read(local);
        SafetensorsFile actual = SafetensorsReader.read(spark);
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
        expected.tensors().forEach((key, tensor) ->
                assertArrayEquals(tensor.values(), actual.tensor(key).values(), key + " differs"));
        assertEquals(expectedPreprocessing.apply(expected.metadata().get("preprocessing")),
                actual.metadata().get("preprocessing"));
        assertEquals(expected.metadata().get("training"), actual.metadata().get("training"));
        assertTrue(actual.metadata().get("preprocessing").contains("\"median\""), "a median is stored");
    }

    /**
     * --separator and --decimal: a semicolon-separated file of decimal commas, read in several Spark
     * partitions, trains the comma file's model.
     */
    @Test
    void aSemicolonFileTrainsTheModelOfTheCommaFile() throws IOException {
        Path semicolons = Files.createDirectories(dir.resolve("semicolons")).resolve("data.csv");  // same name
        Files.writeString(semicolons, Files.readString(csv).replace(',', ';').replace('.', ','), StandardCharsets.UTF_8);
        Path local = dir.resolve("separator-local.safetensors");
        Path spark = dir.resolve("separator-spark.safetensors");
        String[] common = {"train", "--target", "y", "--layers", "8,5", "--seed", "11", "--epochs", "3",
            "--batch-size", "16"};
        CommandRun a = backprop(concat(common, "--data", csv.toString(), "--out", local.toString()));
        assertEquals(0, a.code, a.err);
        CommandRun b = spark(concat(common, "--data", semicolons.toString(), "--separator", ";", "--decimal", ",",
                "--partitions", "1",
                "--master", "local[2]", "--out", spark.toUri().toString()));
        assertEquals(0, b.code, b.out + b.err);
        assertSameTensorsAndPreprocessing(local, spark, json -> json.replace("\"separator\":\",\",\"decimal\":\".\"",
                "\"separator\":\";\",\"decimal\":\",\""));  // the model remembers the file's format, for predict
    }

    private static String[] each(String[] args, String run) {
        return java.util.Arrays.stream(args).map(a -> a.replace("%s", run)).toArray(String[]::new);
    }

    /** The progress and early-stopping lines of a run's output, without the time estimates. */
    private static List<String> epochLines(String out) {
        return out.lines().filter(l -> l.startsWith("epoch ") || l.startsWith("early stopping"))
                .map(l -> l.replaceAll("  ETA \\d+:\\d+", "")).toList();
    }
}
