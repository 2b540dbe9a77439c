package org.backprop.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backprop.cli.ExitCodes;
import org.backprop.cli.Main;
import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backprop-spark train --partitions 1} writes the model file of {@code backprop train} with
 * the same flags: every tensor equal bit for bit, and the same metrics JSON; with early stopping,
 * the plot, dropout, class weights and a weight column too, and without --epochs (the automatic
 * validation split and patience).
 */
class SparkTrainCommandTest {
    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void writeCsv() throws IOException {
        csv = dir.resolve("data.csv");
        RandomSource r = new SeedStreams(3).stream("data");
        StringBuilder sb = new StringBuilder("a,b,c,y,kind,wt\n");
        for (int i = 0; i < 120; i++) {
            double a = r.uniform(-2, 2);
            double b = r.uniform(0, 10);
            double c = r.nextGaussian();
            double y = Math.sin(a) * 3 + 0.5 * b - c * c + 0.1 * r.nextGaussian();
            String kind = y > 3 ? "high" : y > 1 ? "mid" : "low";
            sb.append(String.format(Locale.ROOT, "%.6f,%.4f,%.6f,%.5f,%s,%.1f%n", a, b, c, y, kind, (i % 4) * 0.5));
        }
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void sgdRegressionEqualsBackpropTrainBitForBit() throws IOException {
        assertSameModel("sgd", "--target", "y", "--features", "a,b,c", "--optimizer", "sgd", "--lr", "0.05",
                "--validation-split", "0.25");
    }

    @Test
    void adamClassificationEqualsBackpropTrainBitForBit() throws IOException {
        assertSameModel("adam", "--target", "kind", "--features", "a,b,c", "--optimizer", "adam");
    }

    @Test
    void patiencePlotDropoutAndClassWeightsMeanWhatTheyMeanForBackpropTrain() throws IOException {
        Run spark = sameModel("stopping", new String[] {"--target", "kind", "--features", "a,b,c", "--epochs", "25",
            "--batch-size", "30", "--optimizer", "adam", "--lr", "0.05", "--validation-split", "0.25", "--patience", "2",
            "--dropout", "0.2", "--class-weight", "balanced", "--plot", dir.resolve("stopping.png").toString()});
        assertTrue(spark.out.contains("early stopping: kept the weights of epoch"), spark.out);
        assertTrue(Files.size(dir.resolve("stopping.png")) > 0);
    }

    @Test
    void aWeightColumnAndTheAutomaticEpochsMeanWhatTheyMeanForBackpropTrain() throws IOException {
        Run spark = sameModel("weights", new String[] {"--target", "y", "--features", "a,b,c", "--weight-column", "wt",
            "--batch-size", "64", "--optimizer", "adam", "--lr", "0.05"});
        assertTrue(spark.out.contains("(12 validation)"), "the automatic validation split: " + spark.out);
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        String[] base = {"train", "--data", csv.toString(), "--target", "y"};
        assertEquals(ExitCodes.USAGE, spark(concat(base, "--patience", "-1")).code);
        assertEquals(ExitCodes.USAGE, spark(concat(base, "--partitions", "0")).code);
    }

    private static void assertSameModel(String name, String... flags) throws IOException {
        sameModel(name, concat(new String[] {"--epochs", "4", "--batch-size", "16"}, flags));
    }

    /** Trains with both commands and the same flags, asserts the same model and report; returns the Spark run. */
    private static Run sameModel(String name, String[] flags) throws IOException {
        Path local = dir.resolve(name + "-local.safetensors");
        Path spark = dir.resolve(name + "-spark.safetensors");
        String[] common = concat(new String[] {"train", "--data", csv.toString(), "--layers", "8,5", "--seed", "11"},
                flags);
        Run a = backprop(concat(common, "--out", local.toString(), "--metrics-json", local + ".json"));
        assertEquals(0, a.code, a.err);
        Run b = spark(concat(common, "--partitions", "1", "--master", "local[2]", "--out", spark.toString(),
                "--metrics-json", spark + ".json"));
        assertEquals(0, b.code, b.out + b.err);
        SafetensorsFile expected = SafetensorsReader.read(local);
        SafetensorsFile actual = SafetensorsReader.read(spark);
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
        expected.tensors().forEach((key, tensor) ->
                assertArrayEquals(tensor.values(), actual.tensor(key).values(), key + " differs"));
        assertEquals(Files.readString(Path.of(local + ".json")), Files.readString(Path.of(spark + ".json")));
        Run evaluate = backprop("evaluate", "--model", spark.toString(), "--data", csv.toString());
        assertEquals(0, evaluate.code, evaluate.err);
        assertEquals(stripped(a.out), stripped(b.out), "the same report");
        return b;
    }

    /** Standard output without the lines that name the output file. */
    private static String stripped(String out) {
        return out.replaceAll("(?m)^.*(safetensors|\\.json|\\.png).*$", "").replaceAll("  ETA \\d+:\\d+", "");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run backprop(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
