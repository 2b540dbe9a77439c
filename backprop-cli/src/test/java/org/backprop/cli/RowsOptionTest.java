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
    void traceJsonWithoutDataIsRefusedBeforeTheSummary() {
        Path json = dir.resolve("t.json");
        CliRun run = CliRun.of("inspect", "--model", model, "--trace-json", json);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("backprop: --trace-json needs --data", run.err().strip());
        assertEquals("", run.out(), run::toString);
        assertTrue(Files.notExists(json));
    }
}
