package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.backprop.io.csv.StrictCsvReader;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate → predict → inspect → gradcheck on a small regression CSV, in process. */
class RegressionWorkflowTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static CliRun train;

    @BeforeAll
    static void train() throws Exception {
        data = TestCsv.regression(dir);
        model = dir.resolve("reg.safetensors");
        train = CliRun.of("train", "--data", data, "--target", "y", "--layers", "16", "--lr", "0.05", "--epochs", "80",
                "--batch-size", "8", "--validation-split", "0.25", "--seed", "3", "--threads", "1", "--out", model,
                "--metrics-json", dir.resolve("train.json"), "--plot", dir.resolve("loss.png"));
    }

    @Test
    void trainSavesAModelThatFitsAndReportsEverySplit() throws Exception {
        assertEquals(0, train.exitCode(), train::toString);
        assertTrue(train.out().contains("task: regression (target \"y\" is numeric with fractional values"), train::toString);
        assertTrue(train.out().contains("training regression on 30 rows (10 validation)"), train::toString);
        assertTrue(train.out().contains("epoch 80/80"), train::toString);
        assertFalse(train.out().contains("(training rows only"), "validation rows were scored:\n" + train);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("train.json"))).getAsJsonObject();
        assertEquals(Set.of("train", "validation"), json.keySet());
        for (String split : json.keySet()) {
            JsonObject m = json.getAsJsonObject(split);
            assertEquals(List.of("rows", "mse", "rmse", "mae", "r2"), List.copyOf(m.keySet()));
            assertEquals(Math.sqrt(m.get("mse").getAsDouble()), m.get("rmse").getAsDouble(), 1e-12);
            assertTrue(m.get("r2").getAsDouble() > 0.95, split + " " + m);
            assertTrue(m.get("mae").getAsDouble() < 0.6, split + " " + m);
        }
        assertEquals(30, json.getAsJsonObject("train").get("rows").getAsInt());
        try (Model m = ModelFile.load(model)) {
            assertEquals(List.of("a", "b"), m.features());
            assertTrue(m.metadata().commandLine().startsWith("backprop train --data "), m.metadata().commandLine());
            assertEquals(3, m.metadata().seed());
        }
    }

    @Test
    void plotIsAReadablePng() throws Exception {
        byte[] png = Files.readAllBytes(dir.resolve("loss.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
        BufferedImage image = ImageIO.read(dir.resolve("loss.png").toFile());
        assertEquals(LossPlot.WIDTH, image.getWidth());
        assertEquals(LossPlot.HEIGHT, image.getHeight());
        Path jpeg = dir.resolve("loss.JPG");
        CliRun refused = CliRun.of("train", "--data", data, "--target", "y", "--epochs", "1", "--out",
                dir.resolve("never.safetensors"), "--plot", jpeg);
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused::toString);
        assertEquals("backprop: --plot writes a PNG image; name the file .png, got " + jpeg + "\n", refused.err());
        assertFalse(Files.exists(jpeg) || Files.exists(dir.resolve("never.safetensors")), "nothing written");
    }

    @Test
    void evaluateReportsTheSameKindOfMetricsAsJson() throws Exception {
        Path json = dir.resolve("eval.json");
        CliRun run = CliRun.of("evaluate", "--model", model, "--data", data, "--metrics-json", json);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("data (40 rows):"), run::toString);
        JsonObject m = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("data");
        assertEquals(40, m.get("rows").getAsInt());
        assertTrue(m.get("r2").getAsDouble() > 0.95, m::toString);
    }

    @Test
    void predictWritesTargetUnitsEqualToTheLoadedModel() throws Exception {
        Path out = dir.resolve("pred.csv");
        CliRun run = CliRun.of("predict", "--model", model, "--data", data, "--out", out);
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals("y_predicted", lines.get(0));
        assertEquals(41, lines.size());
        double[] written = lines.stream().skip(1).mapToDouble(Double::parseDouble).toArray();
        try (Model m = ModelFile.load(model)) {
            assertArrayEquals(m.predictValues(m.featuresOf(StrictCsvReader.read(data))), written);
        }
        double[] truth = StrictCsvReader.read(data).doubleColumn("y");
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], written[i], 1.5, "row " + i);
        }
        CliRun toStdout = CliRun.of("predict", "--model", model, "--data", data);
        assertEquals(String.join("\n", lines) + "\n", toStdout.out());
    }

    @Test
    void predictCopiesTheIdColumnFirst() throws Exception {
        CliRun run = CliRun.of("predict", "--model", model, "--data", data, "--id-column", "a");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals("a,y_predicted", lines.get(0));
        List<String> input = Files.readAllLines(data);
        for (int i = 1; i < lines.size(); i++) {
            assertEquals(input.get(i).split(",")[0], lines.get(i).split(",")[0], "row " + i);
        }
        CliRun missing = CliRun.of("predict", "--model", model, "--data", data, "--id-column", "nope");
        assertEquals(ExitCodes.DATA, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("no column named \"nope\""), missing::toString);
    }

    @Test
    void inspectShowsTheSummaryAndTheTraceOfTheChosenRows() {
        CliRun run = CliRun.of("inspect", "--model", model, "--data", data, "--rows", "2:5");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Task: regression, target \"y\""), run::toString);
        assertTrue(run.out().contains("Features (2), each standardized as (value − mean) / scale:\n"), run::toString);
        try (org.backprop.io.model.Model m = org.backprop.io.model.ModelFile.load(model)) {
            for (int i = 0; i < 2; i++) {
                String name = m.features().get(i);
                String line = String.format(java.util.Locale.ROOT, "  %-4s  %12s  %12s%n", name,
                        String.format(java.util.Locale.ROOT, "%.6g", m.featureScaler().mean()[i]),
                        String.format(java.util.Locale.ROOT, "%.6g", m.featureScaler().scale()[i]));
                assertTrue(run.out().contains(line), line + " in\n" + run);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(run.out().matches("(?s).*dense1\\s+Dense\\s+n×16\\s+48\\s.*"), run::toString);
        assertTrue(run.out().contains("Total parameters: 65"), run::toString);
        assertTrue(run.out().contains("Trace of rows 2:5"), run::toString);
        assertTrue(run.out().matches("(?s).*dense1\\.dL/dW\\s+2×16\\s.*"), run::toString);
        assertTrue(run.out().matches("(?s).*dense2\\.A\\s+3×1\\s.*"), run::toString);
    }

    @Test
    void gradcheckPassesAndNamesTheWorstParameter() {
        CliRun run = CliRun.of("gradcheck", "--model", model, "--data", data, "--rows", "0:6");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("gradient check of 65 parameters on rows 0:6"), run::toString);
        assertTrue(run.out().matches("(?s).*PASSED: 65 elements checked, worst relative error \\S+ at dense\\d\\.[WB]\\[.*"),
                run::toString);
    }

    @Test
    void gradcheckWithAnImpossibleToleranceFailsWithExitCode7() {
        CliRun run = CliRun.of("gradcheck", "--model", model, "--data", data, "--tolerance", "0");
        assertEquals(ExitCodes.GRADCHECK_FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().contains("FAILED"), run::toString);
    }

    @Test
    void theModelAndInspectSayHowManyEpochsRanAndWhichWasKept() throws Exception {
        Path early = dir.resolve("early.safetensors");
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--layers", "16", "--lr", "0.3", "--epochs",
                "200", "--patience", "2", "--batch-size", "8", "--validation-split", "0.25", "--seed", "3", "--threads",
                "1", "--out", early);
        assertEquals(0, run.exitCode(), run::toString);
        java.util.regex.Matcher stopped = java.util.regex.Pattern.compile(
                "early stopping after epoch (\\d+): kept the weights of epoch (\\d+)").matcher(run.out());
        assertTrue(stopped.find(), run::toString);
        try (Model m = ModelFile.load(early)) {
            JsonObject training = JsonParser.parseString(m.metadata().training()).getAsJsonObject();
            assertEquals(200, training.get("epochs").getAsInt(), "the cap stays");
            assertEquals(Integer.parseInt(stopped.group(1)), training.get("epochs_run").getAsInt());
            assertEquals(Integer.parseInt(stopped.group(2)), training.get("epoch_kept").getAsInt());
            assertEquals("early_stopping", training.get("stopped_by").getAsString());
        }
        CliRun inspect = CliRun.of("inspect", "--model", early);
        assertTrue(inspect.out().contains("Trained: " + stopped.group(1) + " epochs of at most 200, stopped by early "
                + "stopping; kept the weights of epoch " + stopped.group(2) + "\n"), inspect::toString);
        assertTrue(CliRun.of("inspect", "--model", model).out().contains("Trained: 80 epochs of at most 80; kept the "
                + "weights of epoch 80\n"), "no early stopping: every epoch ran");
    }
}
