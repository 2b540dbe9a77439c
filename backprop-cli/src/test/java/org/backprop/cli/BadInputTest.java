package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad data, options and files: one clear line on stderr, the documented exit code, no stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private CliRun train(Path data, String... more) {
        Object[] args = new Object[6 + more.length];
        System.arraycopy(new Object[] {"train", "--data", data, "--out", dir.resolve("m.safetensors"), "--epochs"}, 0,
                args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }

    private static void assertOneCleanLine(CliRun run) {
        assertFalse(run.err().contains("\tat "), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
        assertTrue(run.err().startsWith("backprop: "), run::toString);
    }

    @Test
    void nonNumericCellNamesFileLineColumnAndText() throws Exception {
        Path data = TestCsv.write(dir.resolve("bad.csv"), "a,b,y\n1,2,3\n4,5,6\n7,abc,9\n");
        CliRun run = train(data, "2", "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("bad.csv, line 4, column 2 \"b\": not a number; found \"abc\""), run::toString);
        assertOneCleanLine(run);
        assertFalse(Files.exists(dir.resolve("m.safetensors")));
    }

    @Test
    void missingTargetColumnListsTheColumns() throws Exception {
        Path data = TestCsv.regression(dir);
        CliRun run = train(data, "2", "--target", "nope");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no column named \"nope\"; available columns: [a, b, y]"), run::toString);
        assertOneCleanLine(run);
    }

    @Test
    void nanLiteralInTheTargetIsAMissingTarget() throws Exception {
        Path data = TestCsv.write(dir.resolve("nan.csv"), "a,y\n1,2.5\n2,NaN\n3,4.5\n");
        CliRun run = train(data, "2", "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nan.csv, line 3, column 2 \"y\": missing target value"), run::toString);
        assertOneCleanLine(run);
    }

    @Test
    void infinityInTheTargetIsADataError() throws Exception {
        Path data = TestCsv.write(dir.resolve("inf.csv"), "a,y\n1,2.5\n2,-Infinity\n3,4.5\n");
        CliRun run = train(data, "2", "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("inf.csv, line 3, column 2 \"y\": NaN and infinite values are not allowed"),
                run::toString);
        assertOneCleanLine(run);
    }

    @Test
    void nanLiteralInAFeatureIsADataError() throws Exception {
        Path data = TestCsv.write(dir.resolve("nanx.csv"), "a,y\n1,2.5\nnan,3.5\n3,4.5\n4,1\n");
        assertEquals(0, train(data, "2", "--target", "y", "--task", "regression").exitCode(),
                "among numbers, pandas' nan is a missing cell");
        CliRun run = train(data, "2", "--target", "y", "--task", "regression", "--na-values", "");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nanx.csv, line 3, column 1 \"a\": NaN and infinite values are not allowed"),
                run::toString);
    }

    @Test
    void predictNamesAMissingFeatureColumn() throws Exception {
        Path model = dir.resolve("m.safetensors");
        assertEquals(0, train(TestCsv.regression(dir), "2", "--target", "y", "--layers", "4").exitCode());
        Path data = TestCsv.write(dir.resolve("nob.csv"), "a,y\n1,2\n");
        CliRun run = CliRun.of("predict", "--model", model, "--data", data);
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no column named \"b\""), run::toString);
    }

    @Test
    void aCompressedFileOrAModelGivenAsDataIsNamedAsSuch() throws Exception {
        Path gz = dir.resolve("houses.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(TestCsv.regression(dir)));
        }
        CliRun run = train(gz, "2", "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains(gz + ": the file is gzip-compressed, not CSV text: decompress it first (gunzip "
                + gz + ")"), run::toString);
        assertOneCleanLine(run);

        Path model = dir.resolve("m.safetensors");
        assertEquals(0, train(TestCsv.regression(dir), "2", "--target", "y", "--layers", "4").exitCode());
        CliRun predict = CliRun.of("predict", "--model", model, "--data", model);
        assertEquals(ExitCodes.DATA, predict.exitCode(), predict::toString);
        assertTrue(predict.err().contains(model + ": the file is a backprop model file (safetensors), not a data "
                + "table: did you mean --model?"), predict::toString);
        assertOneCleanLine(predict);
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path data = TestCsv.regression(dir);
        assertEquals(ExitCodes.USAGE, train(data, "2", "--target", "y", "--task", "ranking").exitCode());
        assertEquals(ExitCodes.USAGE, train(data, "0", "--target", "y").exitCode());
        assertEquals(ExitCodes.USAGE, train(data, "2", "--target", "y", "--activation", "swish").exitCode());
        assertEquals(ExitCodes.USAGE, train(data, "2", "--target", "y", "--loss", "softmax_ce").exitCode());
        CliRun noTarget = CliRun.of("train", "--data", data);
        assertEquals(ExitCodes.USAGE, noTarget.exitCode());
        assertTrue(noTarget.err().contains("Missing required option: '--target=COLUMN'"), noTarget::toString);
    }

    @Test
    void missingFileIsAnIoError() {
        CliRun run = train(dir.resolve("absent.csv"), "2", "--target", "y");
        assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
        assertTrue(run.err().contains("absent.csv: no such file or directory"), run::toString);
        assertOneCleanLine(run);
    }

    @Test
    void aFileThatIsNotAModelIsAModelError() throws Exception {
        Path notModel = TestCsv.write(dir.resolve("fake.safetensors"), "a,b\n1,2\n");
        CliRun run = CliRun.of("inspect", "--model", notModel);
        assertEquals(ExitCodes.MODEL, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("backprop: invalid model file "), run::toString);
        assertOneCleanLine(run);
    }

    @Test
    void divergenceExitsWith4AndWritesNoModel() throws Exception {
        Path data = TestCsv.regression(dir);
        CliRun run = train(data, "50", "--target", "y", "--optimizer", "sgd", "--lr", "1e6", "--layers", "8");
        assertEquals(ExitCodes.DIVERGED, run.exitCode(), run::toString);
        assertTrue(run.err().contains("diverged"), run::toString);
        assertTrue(run.err().contains("No model was written."), run::toString);
        assertFalse(Files.exists(dir.resolve("m.safetensors")));
        assertOneCleanLine(run);
    }

    @Test
    void everyCommandHasHelpWithTheExitCodes() {
        for (String command : new String[] {"train", "predict", "evaluate", "inspect", "gradcheck"}) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("Usage: backprop " + command), run::toString);
            assertTrue(run.out().contains("Exit codes: 0 ok, 2 usage error, 3 data error"), run::toString);
        }
    }

    @Test
    void aTextTargetOfOneValueDoesNotSuggestARegression() throws Exception {
        Path text = TestCsv.write(dir.resolve("yes.csv"), "x,y\n1,yes\n2,yes\n3,yes\n");
        CliRun run = train(text, "1", "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertEquals("backprop: " + text + ", line 2, column 2 \"y\": the target has the same value \"yes\" in every row: "
                + "there is nothing to learn (a classification needs at least 2 classes)", run.err().strip());
        Path number = TestCsv.write(dir.resolve("five.csv"), "x,y\n1,5\n2,5\n3,5\n");
        CliRun numeric = train(number, "1", "--target", "y");
        assertEquals(ExitCodes.DATA, numeric.exitCode(), numeric::toString);
        assertTrue(numeric.err().contains("; --task regression fits the constant anyway)"), numeric::toString);
        CliRun constant = train(number, "1", "--target", "y", "--task", "regression");
        assertEquals(0, constant.exitCode(), "the suggestion works: " + constant);
    }

    @Test
    void aColumnTypeOptionNamingTheTargetSaysItIsTheTargetBeforeReadingData() {
        for (String option : new String[] {"--ignore", "--categorical", "--numeric", "--embed"}) {
            CliRun run = train(dir.resolve("never-read.csv"), "1", "--target", "species", option, "island,species");
            assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
            assertEquals("backprop: " + option + " island,species: \"species\" is the target (--target), not a "
                    + "feature column; " + option + " names feature columns", run.err().strip());
        }
    }

    @Test
    void aCommentAboveTheHeaderIsNamedAsSuch() throws Exception {
        Path data = TestCsv.write(dir.resolve("comment.csv"), "# penguins, by island\na,b,y\n1,2,3\n4,5,6\n");
        CliRun two = train(data, "1", "--target", "y");
        assertEquals(ExitCodes.DATA, two.exitCode(), two::toString);
        Path one = TestCsv.write(dir.resolve("comment1.csv"), "# penguins from the Palmer station\na,b,y\n1,2,3\n");
        CliRun run = train(one, "1", "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertEquals("backprop: " + one + ", line 2: expected 1 cells as in the header, found 3 (the first line, "
                + "\"# penguins from the Palmer station\", looks like a comment: the header of column names must be "
                + "the first line; remove the comment lines above it)", run.err().strip());
    }
}
