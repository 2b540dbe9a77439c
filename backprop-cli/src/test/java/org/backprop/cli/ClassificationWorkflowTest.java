package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate → predict → inspect → gradcheck with string class labels, in process. */
class ClassificationWorkflowTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static CliRun train;

    @BeforeAll
    static void train() throws Exception {
        data = TestCsv.classification(dir);
        model = dir.resolve("cls.safetensors");
        train = CliRun.of("train", "--data", data, "--target", "color", "--layers", "8", "--lr", "0.2", "--epochs", "40",
                "--batch-size", "5", "--threads", "1", "--out", model, "--metrics-json", dir.resolve("train.json"));
    }

    @Test
    void trainInfersClassificationAndSeparatesTheClasses() throws Exception {
        assertEquals(0, train.exitCode(), train::toString);
        assertTrue(train.out().contains("task: classification (target \"color\" has text values"), train::toString);
        assertTrue(train.out().contains("→3 linear, softmax_ce"), train::toString);
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("train.json"))).getAsJsonObject()
                .getAsJsonObject("train");
        assertEquals(List.of("rows", "accuracy", "log_loss", "macro_f1", "per_class", "confusion_matrix"),
                List.copyOf(m.keySet()));
        assertEquals(1.0, m.get("accuracy").getAsDouble());
        assertEquals(1.0, m.get("macro_f1").getAsDouble());
        JsonObject perClass = m.getAsJsonObject("per_class");
        assertEquals("[\"blue\",\"green\",\"red\"]", perClass.get("labels").toString());
        assertEquals("[1.0,1.0,1.0]", perClass.get("recall").toString());
        assertEquals("[15.0,15.0,15.0]", perClass.get("support").toString());
        assertTrue(m.get("log_loss").getAsDouble() < 0.2, m::toString);
        JsonObject confusion = m.getAsJsonObject("confusion_matrix");
        assertEquals("[\"blue\",\"green\",\"red\"]", confusion.get("labels").toString());
        assertEquals("[[15,0,0],[0,15,0],[0,0,15]]", confusion.get("matrix").toString());
    }

    @Test
    void predictWritesTheLabelAndOneProbabilityPerClass() throws Exception {
        CliRun run = CliRun.of("predict", "--model", model, "--data", data);
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals("color_predicted,p_blue,p_green,p_red", lines.get(0));
        List<String> truth = Files.readAllLines(data);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            assertEquals(truth.get(i).split(",")[2], cells[0], "row " + i);
            double sum = Double.parseDouble(cells[1]) + Double.parseDouble(cells[2]) + Double.parseDouble(cells[3]);
            assertEquals(1.0, sum, 1e-12);
        }
        assertEquals(46, lines.size());
    }

    @Test
    void evaluatePrintsAccuracyAndTheConfusionMatrix() {
        CliRun run = CliRun.of("evaluate", "--model", model, "--data", data);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("accuracy  1.00000"), run::toString);
        assertTrue(run.out().matches("(?s).*green\\s+0\\s+15\\s+0\\n.*"), run::toString);
    }

    @Test
    void theAccuracyIsFollowedByTheMajorityClassBaselineOfTheSameRows() throws Exception {
        CliRun balanced = CliRun.of("evaluate", "--model", model, "--data", data);
        assertTrue(balanced.out().contains("  accuracy  1.00000\n  baseline  0.333333 (always \"blue\", the most "
                + "frequent class of these rows)\n"), balanced::toString);
        List<String> lines = Files.readAllLines(data);
        StringBuilder skewed = new StringBuilder(lines.get(0)).append('\n');
        int red = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.endsWith(",green") || line.endsWith(",red") && red++ == 0) {
                skewed.append(line).append('\n');
            }
        }
        CliRun run = CliRun.of("evaluate", "--model", model, "--data", TestCsv.write(dir.resolve("skewed.csv"),
                skewed.toString()));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("  baseline  0.937500 (always \"green\", the most frequent class of these rows)"),
                run::toString);
    }

    @Test
    void manyClassesPrintOneLineInsteadOfTheTablesAndTheMetricsJsonHoldsThem() throws Exception {
        int classes = 35;
        StringBuilder csv = new StringBuilder("x1,x2,artist\n");
        for (int i = 0; i < 10 * classes; i++) {
            int c = i % classes;
            csv.append(c).append(',').append(i % 3).append(",\"Artist with a long name, number ").append(c).append("\"\n");
        }
        Path many = TestCsv.write(dir.resolve("many.csv"), csv.toString());
        Path manyModel = dir.resolve("many.safetensors");
        CliRun trained = CliRun.of("train", "--data", many, "--target", "artist", "--epochs", "2", "--threads", "1",
                "--validation-split", "0.2", "--out", manyModel, "--metrics-json", dir.resolve("many-train.json"));
        CliRun evaluated = CliRun.of("evaluate", "--model", manyModel, "--data", many, "--metrics-json",
                dir.resolve("many-evaluate.json"));
        for (CliRun run : List.of(trained, evaluated)) {
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("  accuracy  "), run::toString);
            assertTrue(run.out().contains("  per class:\n"), run::toString);
            assertTrue(run.out().contains("     Artist with …, number 34 "), run::toString);
            assertFalse(run.out().contains("confusion matrix (rows"), run::toString);
            assertTrue(run.out().lines().mapToInt(String::length).max().orElseThrow() <= 160, run::toString);
        }
        String note = "  confusion matrix not shown for 35 classes (only up to 20); --metrics-json FILE writes it";
        assertEquals(2, trained.out().lines().filter(note::equals).count(), trained::toString);
        assertEquals(1, evaluated.out().lines().filter(note::equals).count(), evaluated::toString);
        for (String json : List.of("many-train.json", "many-evaluate.json")) {
            JsonObject confusion = JsonParser.parseString(Files.readString(dir.resolve(json))).getAsJsonObject()
                    .entrySet().iterator().next().getValue().getAsJsonObject().getAsJsonObject("confusion_matrix");
            assertTrue(confusion.getAsJsonArray("labels").contains(new JsonPrimitive("Artist with a long name, number 34")),
                    json);
            assertEquals(classes, confusion.getAsJsonArray("labels").size(), json);
            assertEquals(classes, confusion.getAsJsonArray("matrix").size(), json);
            assertEquals(classes, confusion.getAsJsonArray("matrix").get(0).getAsJsonArray().size(), json);
        }
    }

    @Test
    void evaluateCountsALabelTheModelDoesNotKnowAsWrongAndLeavesItOutOfLogLoss() throws Exception {
        List<String> lines = Files.readAllLines(data);
        String red = lines.get(1);
        String green = lines.get(2);
        String features = red.substring(0, red.lastIndexOf(',') + 1);
        Path known = TestCsv.write(dir.resolve("known.csv"), lines.get(0) + "\n" + red + "\n" + green + "\n");
        Path other = TestCsv.write(dir.resolve("other.csv"), lines.get(0) + "\n" + red + "\n" + features + "purple\n"
                + green + "\n" + features + "purple\n" + features + "pink\n");
        CliRun knownRun = CliRun.of("evaluate", "--model", model, "--data", known, "--metrics-json",
                dir.resolve("known.json"));
        CliRun run = CliRun.of("evaluate", "--model", model, "--data", other, "--metrics-json",
                dir.resolve("other.json"));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("backprop: warning: " + other + ": 3 rows hold classes the model was not trained on: \"pink\" "
                + "(1 row), \"purple\" (2 rows), first at line 3; they count as wrong in accuracy and as classes of "
                + "their own (recall 0) in the per-class table and confusion matrix, and are left out of log_loss (the "
                + "model gives them no probability)\n", run.err());
        assertTrue(run.out().contains("  accuracy  0.400000\n"), run::toString);
        assertTrue(run.out().matches("(?s).*\\n\\s+purple\\s+0\\.00000\\s+0\\.00000\\s+0\\.00000\\s+2\\n.*"),
                run::toString);
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("other.json"))).getAsJsonObject()
                .getAsJsonObject("data");
        JsonObject knownOnly = JsonParser.parseString(Files.readString(dir.resolve("known.json"))).getAsJsonObject()
                .getAsJsonObject("data");
        assertEquals(0.4, m.get("accuracy").getAsDouble());
        assertEquals(knownOnly.get("log_loss"), m.get("log_loss"), "log loss of the known rows only");
        assertEquals("[\"pink\",\"purple\"]", m.get("unknown_classes").toString());
        JsonObject perClass = m.getAsJsonObject("per_class");
        assertEquals("[\"blue\",\"green\",\"red\",\"pink\",\"purple\"]", perClass.get("labels").toString());
        assertEquals("[0.0,1.0,1.0,0.0,0.0]", perClass.get("recall").toString());
        assertEquals("[0.0,1.0,1.0,1.0,2.0]", perClass.get("support").toString());
        assertEquals((1.0 + 0.4) / 5, m.get("macro_f1").getAsDouble(), 1e-15,
                "f1: green 1, red 0.4 (precision 1/4), blue and the unknown classes 0");
        JsonObject confusion = m.getAsJsonObject("confusion_matrix");
        assertEquals(perClass.get("labels"), confusion.get("labels"));
        assertEquals("[[0,0,0,0,0],[0,1,0,0,0],[0,0,1,0,0],[0,0,1,0,0],[0,0,2,0,0]]",
                confusion.get("matrix").toString(), "the unknown rows predicted red, as the red row they copy");
        assertEquals(0, knownRun.exitCode(), knownRun::toString);
        assertEquals("", knownRun.err(), "no warning without unknown classes");
        assertFalse(knownOnly.has("unknown_classes"), knownOnly::toString);
    }

    /** A file (or a batch of 4,096 rows) of unknown classes only: no log loss, no internal error. */
    @Test
    void evaluateOfOnlyLabelsTheModelDoesNotKnowHasNoLogLoss() throws Exception {
        List<String> lines = Files.readAllLines(data);
        String red = lines.get(1);
        String features = red.substring(0, red.lastIndexOf(',') + 1);
        Path other = TestCsv.write(dir.resolve("unknown-only.csv"), lines.get(0) + "\n" + features + "purple\n"
                + features + "pink\n");
        CliRun run = CliRun.of("evaluate", "--model", model, "--data", other, "--metrics-json",
                dir.resolve("unknown-only.json"));
        assertEquals(0, run.exitCode(), run::toString);
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("unknown-only.json"))).getAsJsonObject()
                .getAsJsonObject("data");
        assertEquals(0.0, m.get("accuracy").getAsDouble());
        assertTrue(m.get("log_loss").isJsonNull(), m::toString);

        List<String> redGreen = lines.stream().filter(l -> !l.endsWith(",blue")).toList();
        Path binaryData = TestCsv.write(dir.resolve("red-green.csv"), String.join("\n", redGreen) + "\n");
        Path binary = dir.resolve("red-green.safetensors");
        CliRun trained = CliRun.of("train", "--data", binaryData, "--target", "color", "--epochs", "2", "--out",
                binary);
        assertEquals(0, trained.exitCode(), trained::toString);
        CliRun ranked = CliRun.of("evaluate", "--model", binary, "--data", other, "--metrics-json",
                dir.resolve("unknown-only-binary.json"));
        assertEquals(0, ranked.exitCode(), ranked::toString);
        JsonObject b = JsonParser.parseString(Files.readString(dir.resolve("unknown-only-binary.json")))
                .getAsJsonObject().getAsJsonObject("data");
        assertTrue(b.get("log_loss").isJsonNull() && b.get("roc_auc").isJsonNull(), b::toString);
    }

    @Test
    void theModelMayBeTheFirstArgumentButNotGivenTwice() {
        CliRun positional = CliRun.of("inspect", model);
        assertEquals(0, positional.exitCode(), positional::toString);
        assertEquals(CliRun.of("inspect", "--model", model).out(), positional.out());
        CliRun twice = CliRun.of("inspect", "--model", model, model);
        assertEquals(ExitCodes.USAGE, twice.exitCode(), twice::toString);
        assertTrue(twice.err().contains("give the model once"), twice::toString);
        CliRun none = CliRun.of("predict", "--data", data);
        assertEquals(ExitCodes.USAGE, none.exitCode(), none::toString);
        assertTrue(none.err().contains("Missing required option: '--model=MODEL'"), none::toString);
    }

    @Test
    void inspectListsTheClassesAndGradcheckPasses() {
        CliRun inspect = CliRun.of("inspect", "--model", model);
        assertEquals(0, inspect.exitCode(), inspect::toString);
        assertTrue(inspect.out().contains("Classes (3): blue, green, red"), inspect::toString);
        CliRun check = CliRun.of("gradcheck", "--model", model, "--data", data);
        assertEquals(0, check.exitCode(), check::toString);
        assertTrue(check.out().contains("PASSED"), check::toString);
    }

    @Test
    void predictOnAHeaderWithoutRowsWritesTheHeaderWithANote() throws Exception {
        String header = Files.readAllLines(data).get(0);
        Path empty = TestCsv.write(dir.resolve("header-only.csv"), header + "\n");
        CliRun run = CliRun.of("predict", "--model", model, "--data", empty);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("color_predicted,p_"), run::toString);
        assertEquals(1, run.out().lines().count(), run::toString);
        assertTrue(run.err().contains("has a header but no data rows: wrote the predictions header only"), run::toString);
        Path out = dir.resolve("none.csv");
        CliRun toFile = CliRun.of("predict", "--model", model, "--data", empty, "--out", out);
        assertEquals(0, toFile.exitCode(), toFile::toString);
        assertEquals(run.out(), Files.readString(out));
    }
}
