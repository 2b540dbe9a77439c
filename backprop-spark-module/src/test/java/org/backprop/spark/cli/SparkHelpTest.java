package org.backprop.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code backprop-spark train --help} shows its example whole: every line of the command fits in 80
 * columns (picocli wraps longer footer lines, cutting a path in two) and continues with a
 * backslash, so that it can be pasted as it is shown.
 */
class SparkHelpTest {
    @Test
    void theTrainExampleFitsIn80ColumnsAndCanBePastedAsIs() {
        CommandRun help = CommandRun.spark("train", "--help");
        assertEquals(0, help.code(), help::toString);
        List<String> lines = help.out().lines().toList();
        int start = lines.indexOf("Example:") + 1;
        assertTrue(start > 0, help::toString);
        List<String> example = lines.subList(start, lines.size()).stream()
                .takeWhile(l -> l.startsWith("  backprop-spark ") || l.startsWith("      --")).toList();
        assertTrue(example.get(0).startsWith("  backprop-spark train --data "), example.toString());
        for (int i = 0; i < example.size(); i++) {
            String line = example.get(i);
            assertTrue(line.length() <= 80, "longer than 80 columns: " + line);
            assertEquals(i < example.size() - 1, line.endsWith(" \\"), "continued unless last: " + line);
        }
        assertTrue(String.join(" ", example).contains("--out hdfs:///models/houses.safetensors"), example.toString());
    }
}
