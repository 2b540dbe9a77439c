package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The toolkit, weight and stopping options of {@code backprop train}: defaults in --help, settings
 * kept in the model file, class and sample weights, the automatic epoch rule and the checks made
 * before the first epoch.
 */
class TrainOptionsTest {
    @TempDir
    Path dir;

    /** Two imbalanced classes (1 in 5 rows is "yes"), a weight column w and 200 rows. */
    private Path imbalanced() throws Exception {
        StringBuilder sb = new StringBuilder("x1,x2,w,label\n");
        for (int i = 0; i < 200; i++) {
            boolean yes = i % 5 == 0;
            double x1 = (yes ? 1.0 : 0.0) + ((i * 37) % 17) / 10.0;
            double x2 = ((i * 11) % 13) / 6.0;
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%d,%s%n", x1, x2, 1 + i % 3, yes ? "yes" : "no"));
        }
        return TestCsv.write(dir.resolve("imb.csv"), sb.toString());
    }

    private static JsonObject json(Path file) throws Exception {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static JsonObject training(Path model) throws Exception {
        try (Model m = ModelFile.load(model)) {
            return JsonParser.parseString(m.metadata().training()).getAsJsonObject();
        }
    }

    @Test
    void aValidationSplitLeavingTooFewTrainingRowsIsAUsageErrorNamingTheOption() throws Exception {
        Path data = TestCsv.write(dir.resolve("three.csv"), "x,y\n1,2\n2,4\n3,6\n");
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--epochs", "2", "--validation-split", "0.5",
                "--out", dir.resolve("m.safetensors"));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("backprop: --validation-split 0.5 of 3 rows would leave 1 training and 2 validation rows; "
                + "training needs at least 2 rows and validation at least 1", run.err().strip(),
                "one line naming the option; 3,6 = 1+2, 2+4 is no summary row in 3 rows");
    }

    @Test
    void helpShowsEveryToolkitOptionWithItsDefault() {
        CliRun help = CliRun.of("train", "--help");
        assertEquals(0, help.exitCode(), help::toString);
        String text = help.out().replaceAll("\\s+", " ");
        for (String expected : new String[] {"--dropout=RATE", "(default: 0 = none)", "--l2, --weight-decay=LAMBDA",
                "--lr-schedule=NAME", "(default: constant)", "--warmup-epochs=E", "--clip-norm=MAX", "--clip-value=MAX",
                "--init=NAME", "(default: fan_in_uniform)", "--huber-delta=DELTA", "(default: 1.0)",
                "--class-weight=balanced|LABEL=W", "--weight-column=COLUMN", "--epochs=N", "default: auto",
                "--validation-split=F", "--patience=N"}) {
            assertTrue(text.contains(expected), "missing " + expected + " in\n" + help.out());
        }
    }

    @Test
    void toolkitSettingsTrainAndAreKeptInTheModelFile() throws Exception {
        Path data = TestCsv.regression(dir);
        Path model = dir.resolve("m.safetensors");
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--layers", "8,8", "--epochs", "30",
                "--batch-size", "8", "--threads", "1", "--out", model, "--dropout", "0.2", "--weight-decay", "1e-4",
                "--lr-schedule", "cosine", "--warmup-epochs", "2", "--clip-norm", "5", "--clip-value", "1",
                "--init", "he_uniform", "--loss", "huber", "--huber-delta", "0.5", "--lr", "0.01");
        assertEquals(0, run.exitCode(), run::toString);
        JsonObject t = training(model);
        assertEquals(0.2, t.get("dropout").getAsDouble());
        assertEquals(1e-4, t.get("weight_decay").getAsDouble());
        assertEquals("cosine", t.get("lr_schedule").getAsString());
        assertEquals(2.0, t.get("warmup_epochs").getAsDouble());
        assertEquals(5.0, t.get("clip_norm").getAsDouble());
        assertEquals(1.0, t.get("clip_value").getAsDouble());
        assertEquals("he_uniform", t.get("init").getAsString());
        assertEquals(0.5, t.get("huber_delta").getAsDouble());
        assertEquals("given", t.get("epochs_rule").getAsString());
        try (Model m = ModelFile.load(model)) {
            assertEquals("huber", m.spec().loss().name());
            assertTrue(m.spec().loss().toString().contains("0.5"), "the spec keeps δ: " + m.spec().loss());
            assertEquals("he_uniform", m.spec().initializer().name());
            assertEquals(5, m.spec().layers().size(), "dense, dropout, dense, dropout, dense: " + m.spec());
        }
        CliRun predict = CliRun.of("evaluate", "--model", model, "--data", data);
        assertEquals(0, predict.exitCode(), predict::toString);
    }

    @Test
    void theInitializerAndDropoutChangeTheWeights() throws Exception {
        Path data = TestCsv.regression(dir);
        String[] base = {"train", "--data", data.toString(), "--target", "y", "--layers", "8", "--epochs", "3",
                "--threads", "1"};
        byte[] plain = trainBytes(base, "plain");
        assertNotEquals(java.util.Arrays.toString(plain), java.util.Arrays.toString(trainBytes(base, "he", "--init", "he_normal")));
        assertNotEquals(java.util.Arrays.toString(plain), java.util.Arrays.toString(trainBytes(base, "drop", "--dropout", "0.5")));
        assertEquals(java.util.Arrays.toString(plain), java.util.Arrays.toString(trainBytes(base, "again")));
    }

    private byte[] trainBytes(String[] base, String name, String... more) throws Exception {
        Path model = dir.resolve(name + ".safetensors");
        Object[] args = new Object[base.length + more.length + 2];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = model;
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run::toString);
        try (Model m = ModelFile.load(model)) {
            double[] values = m.network().parameters().values();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * 8);
            for (double v : values) {
                b.putDouble(v);
            }
            return b.array();
        }
    }

    @Test
    void invalidToolkitValuesAreUsageErrors() throws Exception {
        Path data = TestCsv.regression(dir);
        String[][] bad = {{"--dropout", "1"}, {"--weight-decay", "-1"}, {"--lr-schedule", "wavy"}, {"--clip-norm", "0"},
            {"--init", "ones"}, {"--huber-delta", "0"}, {"--lr-gamma", "2"}, {"--warmup-epochs", "-1"}};
        for (String[] option : bad) {
            CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--epochs", "1", "--out",
                    dir.resolve("x.safetensors"), option[0], option[1]);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
            assertTrue(run.err().contains(option[0]), run::toString);
            assertFalse(run.err().contains("\tat "), run::toString);
        }
    }

    @Test
    void balancedClassWeightsRaiseTheMinorityRecallAndAreReported() throws Exception {
        Path data = imbalanced();
        Path plainJson = dir.resolve("plain.json");
        Path weightedJson = dir.resolve("weighted.json");
        String[] common = {"train", "--data", data.toString(), "--target", "label", "--features", "x1,x2", "--layers",
            "4", "--epochs", "15", "--threads", "1", "--seed", "2"};
        CliRun plain = CliRun.of(concat(common, "--out", dir.resolve("p.safetensors").toString(), "--metrics-json",
                plainJson.toString()));
        CliRun weighted = CliRun.of(concat(common, "--out", dir.resolve("w.safetensors").toString(), "--metrics-json",
                weightedJson.toString(), "--class-weight", "balanced"));
        assertEquals(0, plain.exitCode(), plain::toString);
        assertEquals(0, weighted.exitCode(), weighted::toString);
        // 40 "yes" and 160 "no" rows: n / (k · n_c) = 200 / (2 · 40) and 200 / (2 · 160)
        assertTrue(weighted.out().contains("class weights: {no=0.625, yes=2.5}"), weighted::toString);
        JsonObject p = json(plainJson).getAsJsonObject("train");
        JsonObject w = json(weightedJson).getAsJsonObject("train");
        double plainYesRecall = p.getAsJsonObject("per_class").getAsJsonArray("recall").get(1).getAsDouble();
        double weightedYesRecall = w.getAsJsonObject("per_class").getAsJsonArray("recall").get(1).getAsDouble();
        assertTrue(weightedYesRecall > plainYesRecall, plainYesRecall + " → " + weightedYesRecall);
        assertTrue(w.has("weighted_log_loss") && w.has("weighted_accuracy") && w.has("accuracy"), w::toString);
        assertTrue(w.has("roc_auc") && w.get("roc_auc").getAsDouble() > 0.5, w::toString);
        assertFalse(p.has("weighted_log_loss"), p::toString);
        assertEquals("balanced", training(dir.resolve("w.safetensors")).get("class_weight").getAsString());
    }

    @Test
    void aClassifierNoBetterThanTheMajorityClassIsToldSoWithTheClassWeightHint() throws Exception {
        StringBuilder sb = new StringBuilder("x,label\n");
        for (int i = 0; i < 200; i++) {
            sb.append((i * 37) % 17).append(',').append(i % 10 == 0 ? "yes" : "no").append('\n');
        }
        Path data = TestCsv.write(dir.resolve("noinfo.csv"), sb.toString());
        CliRun plain = CliRun.of("train", "--data", data, "--target", "label", "--epochs", "10", "--layers", "4",
                "--out", dir.resolve("n.safetensors"));
        assertEquals(0, plain.exitCode(), plain::toString);
        assertTrue(plain.out().contains("\nnote: the train accuracy 0.900000 is no better than always answering \"no\"; "
                + "with unbalanced classes, --class-weight balanced weighs the rare ones up\n"), plain::toString);
        CliRun weighted = CliRun.of("train", "--data", data, "--target", "label", "--epochs", "10", "--layers", "4",
                "--out", dir.resolve("n.safetensors"), "--class-weight", "balanced");
        assertEquals(0, weighted.exitCode(), weighted::toString);
        assertFalse(weighted.out().contains("--class-weight balanced weighs"), "already weighted:\n" + weighted);
        CliRun separable = CliRun.of("train", "--data", imbalanced(), "--target", "label", "--epochs", "30",
                "--layers", "8", "--lr", "0.05", "--out", dir.resolve("s.safetensors"));
        assertEquals(0, separable.exitCode(), separable::toString);
        assertFalse(separable.out().contains("no better than always answering"), separable::toString);
    }

    @Test
    void explicitClassWeightsMustNameKnownClasses() throws Exception {
        Path data = imbalanced();
        CliRun run = CliRun.of("train", "--data", data, "--target", "label", "--epochs", "1", "--out",
                dir.resolve("x.safetensors"), "--class-weight", "yes=3,maybe=2");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no class \"maybe\"") && run.err().contains("no, yes"), run::toString);
        CliRun typo = CliRun.of("train", "--data", data, "--target", "label", "--class-weight", "Yes=2", "--epochs",
                "1", "--out", dir.resolve("typo.safetensors"));
        assertTrue(typo.err().contains("no class \"Yes\" in the target (did you mean \"yes\"?); classes: no, yes"),
                typo::toString);
        CliRun regression = CliRun.of("train", "--data", TestCsv.regression(dir), "--target", "y", "--epochs", "1",
                "--out", dir.resolve("x.safetensors"), "--class-weight", "balanced");
        assertEquals(ExitCodes.USAGE, regression.exitCode(), regression::toString);
    }

    @Test
    void theWeightColumnIsReadAndIsNotAFeature() throws Exception {
        Path data = imbalanced();
        Path model = dir.resolve("wc.safetensors");
        Path metrics = dir.resolve("wc.json");
        CliRun run = CliRun.of("train", "--data", data, "--target", "label", "--weight-column", "w", "--epochs", "2",
                "--threads", "1", "--out", model, "--metrics-json", metrics, "--test", data);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("column \"w\": used as row weights (--weight-column)\n"), run::toString);
        assertFalse(run.out().contains("--ignore"), run::toString);
        try (Model m = ModelFile.load(model)) {
            assertEquals(java.util.List.of("x1", "x2"), m.features());
        }
        CliRun inspect = CliRun.of("inspect", model);
        assertTrue(inspect.out().contains("  w: used as row weights (--weight-column)\n"), inspect::toString);
        CliRun alsoIgnored = CliRun.of("train", "--data", data, "--target", "label", "--weight-column", "w", "--ignore",
                "w", "--epochs", "1", "--threads", "1", "--out", dir.resolve("z.safetensors"));
        assertTrue(alsoIgnored.out().contains("column \"w\": used as row weights (--weight-column)\n"),
                alsoIgnored::toString);
        assertTrue(json(metrics).getAsJsonObject("train").has("weighted_log_loss"), run::toString);
        assertFalse(json(metrics).getAsJsonObject("test").has("weighted_log_loss"), "the test is weighted by class only");
        CliRun listedOk = CliRun.of("train", "--data", data, "--target", "label", "--weight-column", "w", "--features",
                "x1", "--epochs", "1", "--threads", "1", "--out", dir.resolve("y.safetensors"));
        assertEquals(0, listedOk.exitCode(), listedOk::toString);
        CliRun listed = CliRun.of("train", "--data", data, "--target", "label", "--weight-column", "w", "--features",
                "x1,w", "--epochs", "1", "--out", dir.resolve("x.safetensors"));
        assertEquals(ExitCodes.USAGE, listed.exitCode(), listed::toString);
    }

    @Test
    void aNegativeWeightNamesFileLineAndColumn() throws Exception {
        Path data = TestCsv.write(dir.resolve("negw.csv"), "a,w,y\n1,1,2\n2,-3,4\n3,1,6\n");
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--weight-column", "w", "--epochs", "1",
                "--out", dir.resolve("x.safetensors"));
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("negw.csv, line 3, column 2 \"w\""), run::toString);
        assertFalse(Files.exists(dir.resolve("x.safetensors")));
    }

    @Test
    void aValidationSplitLeavingFewerThanTwoTrainingRowsIsAUsageError() throws Exception {
        Path data = TestCsv.regression(dir);
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--epochs", "1", "--validation-split", "0.99",
                "--out", dir.resolve("x.safetensors"));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--validation-split 0.99 of 40 rows would leave 0 training"), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    @Test
    void theTestFileIsCheckedBeforeTheFirstEpoch() throws Exception {
        Path data = TestCsv.regression(dir);
        Path test = TestCsv.write(dir.resolve("test.csv"), "a,y\n1,2\n");
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--epochs", "5", "--test", test, "--out",
                dir.resolve("x.safetensors"));
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("test.csv") && run.err().contains("\"b\""), run::toString);
        assertFalse(run.out().contains("epoch"), "no epoch ran: " + run);
        CliRun missing = CliRun.of("train", "--data", data, "--target", "y", "--epochs", "5", "--test",
                dir.resolve("nope.csv"), "--out", dir.resolve("x.safetensors"));
        assertEquals(ExitCodes.IO, missing.exitCode(), missing::toString);
        assertFalse(missing.out().contains("epoch"), missing::toString);
    }

    @Test
    void withoutEpochsTheAutomaticRuleHoldsOutValidationRowsAndStopsEarly() throws Exception {
        Path data = imbalanced();
        Path model = dir.resolve("auto.safetensors");
        CliRun run = CliRun.of("train", "--data", data, "--target", "label", "--threads", "1", "--out", model);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("on 180 rows (20 validation)"), run::toString);
        assertTrue(run.out().contains("200 epochs"), run::toString);
        JsonObject t = training(model);
        assertEquals("auto", t.get("epochs_rule").getAsString());
        assertEquals(10, t.get("patience").getAsInt());
        assertEquals(0.1, t.get("validation_split").getAsDouble());
    }

    @Test
    void theAutomaticEpochRuleFollowsTheDataSize() {
        assertEquals(20, org.backprop.io.table.StoppingRule.autoEpochs(48_600, 32), "54,000 rows less a 10 % validation split");
        assertEquals(200, org.backprop.io.table.StoppingRule.autoEpochs(1_000, 32));
        assertEquals(95, org.backprop.io.table.StoppingRule.autoEpochs(10_200, 32), "319 steps an epoch");
        assertEquals(200, org.backprop.io.table.StoppingRule.autoEpochs(3, 32));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void anAbsurdThreadCountIsAUsageErrorNamingTheCapNotOutOfMemory() throws Exception {
        Path data = TestCsv.regression(dir);
        Path model = dir.resolve("threads.safetensors");
        int processors = Runtime.getRuntime().availableProcessors();
        String expected = "backprop: --threads must be between 1 and " + 4 * processors + " (4 × the " + processors
                + " available processors), got ";
        for (String threads : new String[] {"100000", String.valueOf(4 * processors + 1), "0"}) {
            CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--epochs", "1", "--threads", threads,
                    "--out", model);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
            assertEquals(expected + threads, run.err().strip(), run::toString);
            assertFalse(Files.exists(model));
        }
        CliRun demo = CliRun.of("demo", "--epochs", "1", "--threads", "100000");
        assertEquals(ExitCodes.USAGE, demo.exitCode(), demo::toString);
        assertEquals(expected + "100000", demo.err().strip(), demo::toString);
        CliRun most = CliRun.of("train", "--data", data, "--target", "y", "--epochs", "1", "--layers", "2",
                "--threads", String.valueOf(4 * processors), "--out", model);
        assertEquals(0, most.exitCode(), most::toString);
        for (String command : new String[] {"train", "demo"}) {
            String help = CliRun.of(command, "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("Kernel threads, 1 to 4 × the available processors (default: one per "
                    + "processor)."), help);
        }
    }

    @Test
    void aScheduleOverTheEpochCapWithEarlyStoppingIsWarnedOfOnce() throws Exception {
        Path data = imbalanced();
        Path model = dir.resolve("cos.safetensors");
        CliRun cosine = CliRun.of("train", "--data", data, "--target", "label", "--layers", "4", "--lr-schedule",
                "cosine", "--seed", "1", "--threads", "1", "--out", model);
        assertEquals(0, cosine.exitCode(), cosine::toString);
        String warning = "backprop: warning: --lr-schedule cosine spans the epoch cap (";
        assertEquals(1, cosine.err().split(java.util.regex.Pattern.quote(warning), -1).length - 1, cosine::toString);
        assertTrue(cosine.err().contains("give --epochs N to fit the schedule to the run"), cosine::toString);
        CliRun given = CliRun.of("train", "--data", data, "--target", "label", "--layers", "4", "--lr-schedule",
                "linear", "--epochs", "3", "--seed", "1", "--threads", "1", "--out", model);
        assertEquals(0, given.exitCode(), given::toString);
        assertFalse(given.err().contains("--lr-schedule"), given::toString);
    }
}
