package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of a good CSV file and of a good model file through the command's entry point,
 * in process: whatever the damage, the exit code is a documented one other than 1, standard error
 * holds no stack trace, a failed command leaves no output file, and the input is unchanged.
 */
class CliFuzzTest {
    static final int CSV_MUTATIONS = 300;
    static final int MODEL_MUTATIONS = 100;
    private static final byte[][] TOKENS = bytes("1e400", "-1e400", "NaN", "Infinity", "1e-320", "4O.5", "\"",
            "\"\"", ",", "\r\n", "\n", "\r", "\u0000", "\u0012", " ", "\t", "99999999999999999999", "0x10", "é",
            "\uFEFF", "-", ".", "e", "", ",,,,", "1,2,3,4,5");
    private static final byte[] INTERESTING = {',', '"', '\n', '\r', 0, 'e', 'E', '-', '+', '.', 'x', ' ', '\t',
            (byte) 0xC3, (byte) 0xFF, (byte) 0x80, '9', '0', 'N', 'I', '{', '}', '[', ']', ':'};

    @TempDir
    Path dir;

    private static byte[][] bytes(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** One to three random edits: replace, insert or delete bytes, insert a token, duplicate or cut lines. */
    static byte[] mutate(byte[] good, Random random, boolean mostlyEarly) {
        byte[] b = good.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : mostlyEarly && random.nextInt(10) < 7
                    ? random.nextInt(Math.min(b.length, 600)) : random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[Math.min(at, b.length - 1)] = INTERESTING[random.nextInt(INTERESTING.length)];
                    }
                }
                case 1 -> b = splice(b, at, 0, new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]});
                case 2 -> b = splice(b, at, Math.min(b.length - at, 1 + random.nextInt(8)), new byte[0]);
                case 3 -> b = splice(b, at, 0, TOKENS[random.nextInt(TOKENS.length)]);
                case 4 -> b = Arrays.copyOf(b, at);
                case 5 -> {
                    if (b.length > 0) {
                        b[Math.min(at, b.length - 1)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                default -> {
                    int end = Math.min(b.length, at + 1 + random.nextInt(40));
                    b = splice(b, at, 0, Arrays.copyOfRange(b, at, end));
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    private static void assertClean(CliRun run, String what) {
        assertNotEquals(ExitCodes.INTERNAL, run.exitCode(), () -> what + "\n" + run);
        assertTrue(Set.of(0, 2, 3, 4, 5, 6).contains(run.exitCode()), () -> what + "\n" + run);
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception") || run.err().contains("Error:"),
                () -> what + "\n" + run);
        if (run.exitCode() != 0) {
            assertTrue(run.err().startsWith("backprop: "), () -> what + "\n" + run);
        }
    }

    @Test
    void mutatedCsvFilesNeverCrashTrainOrPredict() throws IOException {
        byte[] good = Files.readAllBytes(TestCsv.regression(dir));
        Path model = dir.resolve("good.safetensors");
        assertEquals(0, CliRun.of("train", "--data", dir.resolve("reg.csv"), "--target", "y", "--layers", "3",
                "--epochs", "1", "--threads", "1", "--out", model).exitCode());
        Random random = new Random(20261202);
        Path csv = dir.resolve("fuzz.csv");
        Path out = dir.resolve("fuzz.safetensors");
        Path json = dir.resolve("fuzz.json");
        Path predictions = dir.resolve("fuzz-predictions.csv");
        Map<Integer, Integer> codes = new TreeMap<>();
        for (int i = 0; i < CSV_MUTATIONS; i++) {
            byte[] mutated = mutate(good, random, false);
            Files.write(csv, mutated);
            Files.deleteIfExists(out);
            Files.deleteIfExists(json);
            Files.deleteIfExists(predictions);
            CliRun run = i % 3 == 2
                    ? CliRun.of("predict", "--model", model, "--data", csv, "--out", predictions)
                    : CliRun.of("train", "--data", csv, "--target", "y", "--layers", "3", "--epochs", "1", "--threads",
                    "1", "--out", out, "--metrics-json", json, "--task", i % 3 == 0 ? "regression" : "classification");
            String what = "mutation " + i + ": " + new String(mutated, StandardCharsets.UTF_8);
            assertClean(run, what);
            if (run.exitCode() != 0) {
                assertFalse(Files.exists(out) || Files.exists(json) || Files.exists(predictions), what);
            }
            assertArrayEquals(mutated, Files.readAllBytes(csv), what);
            codes.merge(run.exitCode(), 1, Integer::sum);
        }
        assertTrue(codes.getOrDefault(0, 0) > 0 && codes.getOrDefault(ExitCodes.DATA, 0) > 0, codes::toString);
    }

    @Test
    void mutatedModelFilesNeverCrashPredict() throws IOException {
        Path data = TestCsv.regression(dir);
        Path good = dir.resolve("good.safetensors");
        assertEquals(0, CliRun.of("train", "--data", data, "--target", "y", "--layers", "3", "--epochs", "1",
                "--threads", "1", "--out", good).exitCode());
        byte[] goodBytes = Files.readAllBytes(good);
        Random random = new Random(17);
        Path model = dir.resolve("fuzz.safetensors");
        Path predictions = dir.resolve("p.csv");
        Map<Integer, Integer> codes = new TreeMap<>();
        for (int i = 0; i < MODEL_MUTATIONS; i++) {
            byte[] mutated = mutate(goodBytes, random, true);
            Files.write(model, mutated);
            Files.deleteIfExists(predictions);
            CliRun run = i % 4 == 3 ? CliRun.of("evaluate", "--model", model, "--data", data)
                    : CliRun.of("predict", "--model", model, "--data", data, "--out", predictions);
            String what = "model mutation " + i;
            assertClean(run, what);
            if (run.exitCode() != 0) {
                assertFalse(Files.exists(predictions), what);
            }
            assertArrayEquals(mutated, Files.readAllBytes(model), what);
            codes.merge(run.exitCode(), 1, Integer::sum);
        }
        assertTrue(codes.getOrDefault(ExitCodes.MODEL, 0) > MODEL_MUTATIONS / 2, codes::toString);
    }
}
