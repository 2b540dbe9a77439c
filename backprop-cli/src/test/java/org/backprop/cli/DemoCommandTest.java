package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code backprop demo}: the notebook's lines, with the notebook's own numbers under --replay-notebook. */
class DemoCommandTest {
    /** Written by backprop-core/src/test/python/mlp_backprop_golden.py from the notebook's code. */
    private static final Path GOLDEN = Path.of("..", "backprop-core", "src", "test", "resources", "golden",
            "mlp_backprop_seed0.txt");
    private static final Pattern LINE = Pattern.compile("^Epoch  (\\d+) Loss:  (\\S+)$", Pattern.MULTILINE);

    @Test
    void replayNotebookPrintsTheNotebooksFirstLoss() throws IOException {
        CliRun run = CliRun.of("demo", "--replay-notebook", "--epochs", 1, "--threads", 1);

        assertEquals(0, run.exitCode(), run.toString());
        Matcher line = LINE.matcher(run.out());
        assertTrue(line.find(), run.toString());
        assertEquals("0", line.group(1));
        double printed = Double.parseDouble(line.group(2));
        double notebook = goldenLoss("0");
        assertTrue(Math.abs(printed - notebook) <= 1e-9 * notebook, "demo " + printed + " vs notebook " + notebook);
    }

    @Test
    void replayNotebookRefusesFloat32() {
        CliRun run = CliRun.of("demo", "--replay-notebook", "--dtype", "float32", "--epochs", 1);

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--replay-notebook") && run.err().contains("float32"), run.err());
    }

    @Test
    void refusesASeedNumpyCannotTake() {
        CliRun run = CliRun.of("demo", "--seed", -1, "--epochs", 1);

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--seed must be between 0 and 4294967295"), run.err());
    }

    private static double goldenLoss(String epoch) throws IOException {
        List<String> lines = Files.readAllLines(GOLDEN);
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+");
            if (!line.startsWith("#") && fields[0].equals(epoch)) {
                return Double.parseDouble(fields[1]);
            }
        }
        throw new IllegalStateException(GOLDEN + " has no epoch " + epoch);
    }
}
