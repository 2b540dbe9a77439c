package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --layers} too large for a model file or for the heap: one line, exit 2 or 5, before
 * the data are read when the layers alone tell, never an ArithmeticException's stack trace.
 */
class NetworkSizeTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CliRun run, int exitCode, String... contains) {
        assertEquals(exitCode, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("backprop: "), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertFalse(run.err().contains("\tat ") || run.err().contains("internal error"), run::toString);
        for (String c : contains) {
            assertTrue(run.err().contains(c), "missing " + c + " in\n" + run);
        }
    }

    @Test
    void layersBeyondTheModelFileLimitAreAUsageErrorBeforeTheDataAreRead() {
        Path out = dir.resolve("m.safetensors");
        CliRun run = CliRun.of("train", "--data", dir.resolve("not-there.csv"), "--target", "species", "--epochs", "1",
                "--layers", "100000,100000", "--out", out);
        assertOneLine(run, ExitCodes.USAGE, "--layers 100000,100000: the network has at least 10,000,400,001 "
                + "parameters (with a single input and output), more than the 268,435,456 (2^28) a model file holds");
        assertFalse(Files.exists(out));
    }

    @Test
    void theExactCountWithTheDataIsCheckedBeforeTheNetworkIsBuilt() throws Exception {
        int columns = 3000;
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            csv.append('x').append(c).append(',');
        }
        csv.append("y\n");
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < columns; c++) {
                csv.append((r * 7 + c) % 11).append(',');
            }
            csv.append(r * 1.5).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("wide.csv"), csv.toString());
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--task", "regression", "--epochs", "1",
                "--layers", "100000", "--out", dir.resolve("m.safetensors"));
        long exact = 3000L * 100_000 + 100_000 + 100_000 + 1;
        assertOneLine(run, ExitCodes.USAGE, "--layers 100000: the network has "
                + String.format(java.util.Locale.ROOT, "%,d", exact) + " parameters, more than the 268,435,456");
    }

    @Test
    void theLowerBoundCountsOneInputAndOneOutput() {
        assertEquals(1 * 4 + 4 + 4 * 3 + 3 + 3 * 1 + 1, NetworkSize.atLeast(List.of(4, 3)));
        assertEquals(2, NetworkSize.atLeast(List.of()));
    }

    @Test
    void parametersGradientsAndOptimizerStateBeyondTheHeapSaySoAsOutOfMemory() {
        long gib = 1L << 30;
        long parameters = 100_000_000;  // 0.75 GiB each for values, gradients, best values and each state array
        UserError e = assertThrows(UserError.class, () -> NetworkSize.check(List.of(10000, 10000), parameters, false,
                "adam", 2, 2 * gib));
        assertEquals(ExitCodes.IO, e.exitCode());
        assertEquals("--layers 10000,10000: the network's parameters (100,000,000), their gradients, the best ones "
                + "kept by training and adam's state need 3.73 GiB, more than the Java heap of 2.00 GiB: use fewer or "
                + "smaller layers, or raise the heap with BACKPROP_JAVA_OPTS=-Xmx6g (more if the data are large)",
                e.getMessage());
        UserError bound = assertThrows(UserError.class, () -> NetworkSize.check(List.of(10000, 10000), parameters,
                true, "sgd", 0, gib));
        assertTrue(bound.getMessage().contains("the network's parameters (at least 100,000,000), their gradients, the "
                + "best ones kept by training need at least 2.24 GiB"), bound.getMessage());
        NetworkSize.check(List.of(10000, 10000), parameters, false, "sgd", 0, 3 * gib);  // 2.24 GiB fits
    }
}
