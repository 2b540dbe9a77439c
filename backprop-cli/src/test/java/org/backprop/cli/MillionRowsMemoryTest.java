package org.backprop.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's memory bound on a real 1-million-row CSV file: {@code train}, {@code predict} and
 * {@code evaluate} each run in a child JVM whose heap is 1.5 × M plus a constant, where M = rows ×
 * numeric columns × 8 bytes is the parsed numeric matrix (here 1,000,000 × 8 × 8 bytes = 61 MiB).
 * The young generation is fixed at 16 MiB, so that the heap limit bounds the live data rather than
 * the collector's sizing. Holding the table and an encoded copy of it (about 2 × M, as before the
 * inputs were encoded from the table's columns a batch at a time) does not fit.
 *
 * <p>A narrow file (4 million rows × 2 numeric columns: one feature and the target, M = 61 MiB)
 * leaves 8 bytes a row beside its table: a copy of the standardized targets, an evaluation's
 * n predictions or a list of row numbers each take most of it, so they must not exist (before they
 * were removed, {@code train} needed about 2.6 × M). Its {@code train} holds out 10 % of the rows
 * for validation, as {@code train} does by default: the split lists the validation rows only, and
 * both sets read their targets from one array. Its heap is 1.5 × M + 32 MiB: the split of two row
 * lists and per-set target copies fit in 1.5 × M + 48 MiB but not in that.
 */
class MillionRowsMemoryTest {
    private static final int ROWS = 1_000_000;
    private static final int FEATURES = 7;
    private static final long M = (long) ROWS * (FEATURES + 1) * Double.BYTES;
    private static final long CONSTANT = 48L << 20;
    private static final long HEAP = M * 3 / 2 + CONSTANT;
    private static final int NARROW_ROWS = 4_000_000;
    private static final long NARROW_M = (long) NARROW_ROWS * 2 * Double.BYTES;
    /**
     * The narrow file's constant: 32 MiB (-Xmx123m). The split of two lists of row numbers and a
     * copy of the targets per set ran out of memory there on memory-bench's narrow file of the same
     * shape (and fit in 48 MiB); the split listing only the validation rows also trains in 24 MiB.
     */
    private static final long NARROW_CONSTANT = 32L << 20;

    @TempDir
    Path dir;

    @Test
    void trainPredictAndEvaluateFitInOneAndAHalfTimesTheNumericMatrix() throws Exception {
        Path data = dir.resolve("million.csv");
        SplittableRandom random = new SplittableRandom(17);
        try (BufferedWriter w = Files.newBufferedWriter(data, UTF_8)) {
            w.write("x1,x2,x3,x4,x5,x6,x7,y\n");
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                row.setLength(0);
                double y = 0;
                for (int c = 0; c < FEATURES; c++) {
                    int v = random.nextInt(100_000);
                    y += (c + 1) * v;
                    row.append(v / 1000.0).append(',');
                }
                w.append(row).append(Double.toString(y / 1e5)).append('\n');
            }
        }
        String metrics = trainPredictAndEvaluate(data, ROWS, HEAP, "4");
        assertTrue(metrics.contains("r2"), metrics);
    }

    @Test
    void trainPredictAndEvaluateANarrowFileFitInOneAndAHalfTimesTheNumericMatrix() throws Exception {
        Path data = dir.resolve("narrow.csv");
        SplittableRandom random = new SplittableRandom(18);
        try (BufferedWriter w = Files.newBufferedWriter(data, UTF_8)) {
            w.write("x,y\n");
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < NARROW_ROWS; i++) {
                int v = random.nextInt(100_000);
                row.setLength(0);
                row.append(v / 1000.0).append(',').append((2 * v + random.nextInt(1000)) / 1000.0).append('\n');
                w.append(row);
            }
        }
        String metrics = trainPredictAndEvaluate(data, NARROW_ROWS, NARROW_M * 3 / 2 + NARROW_CONSTANT, "2",
                "--validation-split", "0.1");
        assertTrue(metrics.contains("r2"), metrics);
    }

    /**
     * Trains a network of one hidden layer of {@code units} on {@code data} (target y, {@code rows}
     * rows; {@code trainOptions} added), predicts and evaluates it, each in a child JVM with a heap of
     * {@code heap} bytes; returns evaluate's output.
     */
    private String trainPredictAndEvaluate(Path data, int rows, long heap, String units, String... trainOptions)
            throws Exception {
        Path model = dir.resolve(data.getFileName() + ".safetensors");
        Path predictions = dir.resolve(data.getFileName() + ".predictions.csv");
        List<String> train = new ArrayList<>(List.of("train", "--data", data.toString(), "--target", "y", "--layers",
                units, "--epochs", "1", "--batch-size", "4096", "--threads", "1", "--out", model.toString()));
        train.addAll(List.of(trainOptions));
        String trained = run(heap, train.toArray(String[]::new));
        assertTrue(trainOptions.length == 0 || trained.contains("validation ("), trained);
        assertTrue(Files.size(model) > 0);
        run(heap, "predict", model.toString(), "--data", data.toString(), "--out", predictions.toString());
        try (Stream<String> lines = Files.lines(predictions)) {
            assertEquals(rows + 1, lines.count(), "a header and one prediction per row");
        }
        String metrics = run(heap, "evaluate", model.toString(), "--data", data.toString());
        assertTrue(metrics.startsWith("data (" + rows + " rows):"), metrics);
        return metrics;
    }

    /** Runs the CLI in a child JVM with a heap of {@code heap} bytes; returns its standard output. */
    private String run(long heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + (heap >> 20) + "m", "-Xmn16m", "-XX:+UseParallelGC",
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        File out = dir.resolve(args[0] + ".out").toFile();
        File err = dir.resolve(args[0] + ".err").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), args[0] + " did not finish");
        String stderr = Files.readString(err.toPath());
        assertEquals(0, p.exitValue(), args[0] + " with -Xmx" + (heap >> 20) + "m: " + stderr);
        assertTrue(!stderr.contains("Exception") && !stderr.contains("Error"), stderr);
        return Files.readString(out.toPath());
    }
}
