package org.backprop.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.io.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that is saving a large model over and over, then checks that the target file
 * is a complete, earlier or current version and that anything else left behind is a temp file.
 */
class CrashDuringSaveTest {
    private static final int SIZE = 1 << 20; // 8 MiB of F64 per save
    private static final int MAX_ROUNDS = 8;
    private static final String TARGET = "model.safetensors";

    @Test
    void killedMidSaveLeavesACompletePreviousVersion(@TempDir Path dir) throws Exception {
        Path target = dir.resolve(TARGET);
        int roundsKilledMidWrite = 0;
        for (int round = 0; round < MAX_ROUNDS && roundsKilledMidWrite == 0; round++) {
            int tempsBefore = leftoverTempFiles(dir).size();
            int killedDuring = runAndKill(target, 3, 2 + 5 * round);
            int version = assertCompleteModel(target);
            if (leftoverTempFiles(dir).size() > tempsBefore) {
                roundsKilledMidWrite++;
                assertEquals(killedDuring - 1, version, "killed mid-write: the previous version must remain");
            } else {
                assertTrue(version == killedDuring - 1 || version == killedDuring,
                        "found version " + version + " after killing during save " + killedDuring);
            }
        }
        assertTrue(roundsKilledMidWrite > 0, "no round managed to kill the child in the middle of a save");
    }

    /** Names of files other than the target; each must be one of the writer's temp files. */
    private static List<String> leftoverTempFiles(Path dir) throws IOException {
        List<String> others = TestFiles.namesIn(dir).stream().filter(n -> !n.equals(TARGET)).toList();
        others.forEach(n -> assertTrue(n.startsWith("." + TARGET + ".") && n.endsWith(".tmp"), n));
        return others;
    }

    /** Starts the saver, kills it right after it announces save {@code killAt} (+ a few ms), returns killAt. */
    private static int runAndKill(Path target, int killAt, int delayMillis) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RepeatedSaver.class.getName(), target.toString(), Integer.toString(SIZE))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            waitForLine(out, "begin " + killAt);
            Thread.sleep(delayMillis);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
            return killAt;
        } finally {
            child.destroyForcibly();
        }
    }

    private static void waitForLine(BufferedReader out, String expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(expected)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended before printing \"" + expected + "\"; output:\n" + seen);
    }

    /** Reads the target, checks every value equals its version, returns the version. */
    private static int assertCompleteModel(Path target) throws IOException {
        SafetensorsFile file = SafetensorsReader.read(target);
        int version = Integer.parseInt(file.metadata().get("version"));
        assertEquals(RepeatedSaver.model(version, SIZE), file.tensors());
        return version;
    }
}
