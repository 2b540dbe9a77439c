package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rows A:B} of inspect and gradcheck: an end past the data is clipped with a warning, a
 * start past it is a usage error, and either is settled before inspect prints anything.
 */
class RowsOptionTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() throws Exception {
        data = TestCsv.regression(dir);  // 40 rows
        model = dir.resolve("m.safetensors");
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--layers", "3", "--epochs", "2",
                "--threads", "1", "--out", model);
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void aStartPastTheDataIsAUsageErrorAndInspectPrintsNothing() {
        for (String command : new String[] {"inspect", "gradcheck"}) {
            CliRun run = CliRun.of(command, "--model", model, "--data", data, "--rows", "400:500");
            assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
            assertEquals("backprop: --rows 400:500: the data has only 40 rows, 0:40 is all of them", run.err().strip());
            assertEquals("", run.out(), "no summary before the error: " + run);
        }
    }

    @Test
    void anEndPastTheDataIsClippedWithAWarning() {
        String warning = "backprop: warning: --rows 30:100000: the data has 40 rows; using 30:40";
        CliRun inspect = CliRun.of("inspect", "--model", model, "--data", data, "--rows", "30:100000");
        assertEquals(0, inspect.exitCode(), inspect::toString);
        assertEquals(warning, inspect.err().strip());
        assertTrue(inspect.out().contains("Trace of rows 30:40 of " + data + " (10 rows"), inspect::toString);
        CliRun gradcheck = CliRun.of("gradcheck", "--model", model, "--data", data, "--rows", "30:100000");
        assertEquals(warning, gradcheck.err().strip());
        assertTrue(gradcheck.out().contains("parameters on rows 30:40 of " + data + " (10 rows):"),
                gradcheck::toString);
        CliRun inside = CliRun.of("inspect", "--model", model, "--data", data, "--rows", "0:40");
        assertEquals("", inside.err(), "no warning for rows inside the data");
    }

    @Test
    void onlyTheRowsUsedAreEncodedAndWarnedAbout() throws Exception {
        Path levels = TestCsv.write(dir.resolve("levels.csv"), "x,kind,y\n1,a,1\n2,b,2\n3,a,3\n4,b,4\n5,a,5\n6,b,6\n");
        Path levelsModel = dir.resolve("levels.safetensors");
        CliRun train = CliRun.of("train", "--data", levels, "--target", "y", "--task", "regression", "--layers", "3",
                "--epochs", "2", "--threads", "1", "--min-level-count", "1", "--out", levelsModel);
        assertEquals(0, train.exitCode(), train::toString);
        Path later = TestCsv.write(dir.resolve("later.csv"), "x,kind,y\n1,a,1\n2,b,2\n3,a,3\n4,b,4\n5,c,5\n,a,6\n");
        for (String command : new String[] {"inspect", "gradcheck"}) {
            CliRun first = CliRun.of(command, "--model", levelsModel, "--data", later, "--rows", "0:4");
            assertEquals(0, first.exitCode(), first::toString);
            assertEquals("", first.err(), "rows 4 and 5 (an unseen level, a missing cell) are not used: " + first);
            CliRun last = CliRun.of(command, "--model", levelsModel, "--data", later, "--rows", "4:6");
            assertEquals(0, last.exitCode(), last::toString);
            assertTrue(last.err().contains("column \"kind\": 1 row with a level not seen in training"), last::toString);
            assertTrue(last.err().contains("column \"x\": 1 row with a missing value"), last::toString);
        }
    }

    @Test
    void traceJsonWithoutDataIsRefusedBeforeTheSummary() {
        Path json = dir.resolve("t.json");
        CliRun run = CliRun.of("inspect", "--model", model, "--trace-json", json);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("backprop: --trace-json needs --data", run.err().strip());
        assertEquals("", run.out(), run::toString);
        assertTrue(Files.notExists(json));
    }
}
