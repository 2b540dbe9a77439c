package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.io.safetensors.SafetensorsWriter;
import org.backprop.io.safetensors.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine.Command;

/**
 * Failures beyond bad input files: standard output that cannot be written, memory exhausted,
 * training that diverges without NaN, values at the edge of the double range in prediction.
 * Each is one line with its documented exit code, never a stack trace.
 */
class FailureModesTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() {
        try {
            data = TestCsv.regression(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model = dir.resolve("m.safetensors");
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--layers", "4", "--epochs", "5", "--threads",
                "1", "--out", model);
        assertEquals(0, run.exitCode(), run::toString);
    }

    private static void assertOneLine(String err, String... contains) {
        assertTrue(err.startsWith("backprop: "), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("\tat "), err);
        for (String c : contains) {
            assertTrue(err.contains(c), err);
        }
    }

    /** Runs the CLI with standard output going to {@code stream}, as {@link Main#main} does. */
    private static CliRun runWithStdout(OutputStream stream, Object... args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        StringWriter err = new StringWriter();
        int code = Main.run(StandardOutput.of(stream, true), new PrintWriter(err), text);
        return new CliRun(code, "", err.toString());
    }

    /** A stream that accepts {@code capacity} bytes, then fails as a full disk does. */
    private static OutputStream fullAfter(int capacity) {
        return new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > capacity) {
                    throw new IOException("No space left on device");
                }
                written += len;
            }
        };
    }

    @Test
    void predictOnAFullDiskIsAnIoError() {
        CliRun run = runWithStdout(fullAfter(100), "predict", "--model", model, "--data", data);
        assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
        assertOneLine(run.err(), "cannot write standard output: No space left on device");
    }

    @Test
    void aPipeClosedByItsReaderEndsPredictAndEvaluateQuietlyWithExit5() {
        for (String command : new String[] {"predict", "evaluate", "inspect"}) {
            CliRun run = runWithStdout(closedPipeAfter(10), command, "--model", model, "--data", data);
            assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
            assertEquals("", run.err(), "| head: nothing to say on stderr");
        }
    }

    /** A pipe whose reader exits after {@code bytes} bytes. */
    private static OutputStream closedPipeAfter(int bytes) {
        return new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > bytes) {
                    throw new IOException("Broken pipe");
                }
            }
        };
    }

    @Test
    void predictAndEvaluateToDevFullAreIoErrors() throws IOException {
        for (String command : new String[] {"predict", "evaluate"}) {
            try (FileOutputStream full = new FileOutputStream("/dev/full")) {
                CliRun run = runWithStdout(full, command, "--model", model, "--data", data);
                assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
                assertOneLine(run.err(), "cannot write standard output: No space left on device");
            }
        }
    }

    @Test
    void trainWithAFailingStandardOutputWritesNoModel() throws IOException {
        Path out = dir.resolve("not-written.safetensors");
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            CliRun run = runWithStdout(full, "train", "--data", data, "--target", "y", "--layers", "4", "--epochs",
                    "2", "--threads", "1", "--out", out);
            assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
            assertOneLine(run.err(), "cannot write standard output: No space left on device; no model was written to "
                    + out);
        }
        assertFalse(Files.exists(out), "a model was written although standard output failed");
        CliRun pipe = runWithStdout(closedPipeAfter(0), "train", "--data", data, "--target", "y", "--layers", "4",
                "--epochs", "2", "--threads", "1", "--out", out);
        assertEquals(ExitCodes.IO, pipe.exitCode(), pipe::toString);
        assertOneLine(pipe.err(), "cannot write standard output: Broken pipe; no model was written to " + out + " (the "
                + "command reading the output, such as head, exited first: send the output to a file or through tee)");
        assertFalse(Files.exists(out), "a model was written although the pipe was closed");
    }

    @Test
    void aModelThatCannotBeSavedLeavesNoMetricsOrPlotBehind() throws IOException {
        Path out = dir.resolve("unsaved.safetensors");
        Path json = dir.resolve("unsaved.json");
        Path plot = dir.resolve("unsaved.png");
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            CliRun run = runWithStdout(full, "train", "--data", data, "--target", "y", "--layers", "4", "--epochs",
                    "2", "--threads", "1", "--out", out, "--metrics-json", json, "--plot", plot);
            assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
            assertOneLine(run.err(), "cannot write standard output: No space left on device; no model was written to "
                    + out + "; removed this run's --metrics-json " + json + " and --plot " + plot);
        }
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(json), "the metrics of a model that was not saved");
        assertFalse(Files.exists(plot), "the plot of a model that was not saved");
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            CliRun device = runWithStdout(full, "train", "--data", data, "--target", "y", "--layers", "4",
                    "--epochs", "2", "--threads", "1", "--out", out, "--metrics-json", "/dev/null");
            assertEquals(ExitCodes.IO, device.exitCode(), device::toString);
            assertFalse(device.err().contains("removed"), device::toString);
        }
        assertTrue(Files.exists(Path.of("/dev/null")));
    }

    @Test
    void aWorkingStandardOutputIsStillExitZero() {
        CliRun run = runWithStdout(OutputStream.nullOutputStream(), "predict", "--model", model, "--data", data);
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemoryIsOneLineNamingTheHeapAndHowToRaiseIt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandRunner.run(new Hungry(), new PrintWriter(out), new PrintWriter(err));
        assertEquals(ExitCodes.IO, code);
        assertTrue(err.toString().startsWith("hungry: out of memory (Java heap space) with a Java heap of "),
                err::toString);
        assertTrue(err.toString().contains("BACKPROP_JAVA_OPTS=-Xmx") && err.toString().contains("backprop-spark"),
                err::toString);
        assertEquals(1, err.toString().lines().count(), err::toString);
    }

    @Test
    void theOutOfMemoryMessageSuggestsTwiceTheHeap() {
        String m = OutOfMemory.message(new OutOfMemoryError("Java heap space"), 3L << 30);
        assertTrue(m.contains("with a Java heap of 3.00 GiB: raise it with BACKPROP_JAVA_OPTS=-Xmx6g"), m);
    }

    @Test
    void adamWithAHugeLearningRateExitsFourWithoutAModel() {
        Path out = dir.resolve("diverged.safetensors");
        CliRun run = CliRun.of("train", "--data", data, "--target", "y", "--lr", "1e6", "--optimizer", "adam",
                "--threads", "1", "--out", out);
        assertEquals(ExitCodes.DIVERGED, run.exitCode(), run::toString);
        assertOneLine(run.err(), "training diverged at epoch ", ", batch ", "layer dense", "No model was written");
        assertFalse(Files.exists(out));
    }

    @Test
    void aFeatureThatOverflowsWhenScaledIsADataErrorNamingLineAndColumn() throws IOException {
        // a feature whose training values differ by ~1e-301: its stored scale is tiny
        StringBuilder csv = new StringBuilder("tiny,y\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i % 2 == 0 ? "1e-301" : "2e-301").append(',').append(i % 7).append('\n');
        }
        Path tinyData = TestCsv.write(dir.resolve("tiny.csv"), csv.toString());
        Path tinyModel = dir.resolve("tiny.safetensors");
        CliRun train = CliRun.of("train", "--data", tinyData, "--target", "y", "--layers", "2", "--epochs", "1",
                "--threads", "1", "--out", tinyModel);
        assertEquals(0, train.exitCode(), train::toString);
        StringBuilder rows = new StringBuilder("tiny,y,note\n");
        for (int i = 0; i < 5000; i++) {  // more than one batch of predictions before the bad row
            rows.append(i % 2 == 0 ? "1e-301" : "2e-301").append(",1,").append(i == 7 ? "\"two\nlines\"" : "n")
                    .append('\n');
        }
        Path big = TestCsv.write(dir.resolve("big.csv"), rows + "1e20,2,n\n");
        CliRun run = CliRun.of("predict", "--model", tinyModel, "--data", big);
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertOneLine(run.err(), "big.csv, line 5003, column 1 \"tiny\": value overflows when standardized",
                "found \"1.0E20\"");
        assertEquals("", run.out(), "nothing half-written on standard output");
        // into a file, batches are written as computed: the failure in the fifth batch keeps the old file
        Path previous = TestCsv.write(dir.resolve("previous.csv"), "kept\n");
        CliRun toFile = CliRun.of("predict", "--model", tinyModel, "--data", big, "--out", previous);
        assertEquals(ExitCodes.DATA, toFile.exitCode(), toFile::toString);
        assertEquals("kept\n", Files.readString(previous), "the existing output file is untouched");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left behind");
        }
        CliRun evaluate = CliRun.of("evaluate", "--model", tinyModel, "--data", big);
        assertEquals(ExitCodes.DATA, evaluate.exitCode(), evaluate::toString);
        assertOneLine(evaluate.err(), "big.csv, line 5003, column 1 \"tiny\": value overflows when standardized");
        Path two = TestCsv.write(dir.resolve("two.csv"), "tiny,y\n1e-301,1\n1e20,3\n");
        for (String command : new String[] {"inspect", "gradcheck"}) {
            CliRun picked = CliRun.of(command, "--model", tinyModel, "--data", two, "--rows", "1:2");
            assertEquals(ExitCodes.DATA, picked.exitCode(), picked::toString);
            assertOneLine(picked.err(), "two.csv, line 3, column 1 \"tiny\": value overflows when standardized");
        }
    }

    @Test
    void anOutputThatOverflowsIsADataErrorNamingTheRow() throws IOException {
        SafetensorsFile content = SafetensorsReader.read(model);
        Map<String, Tensor> tensors = new LinkedHashMap<>(content.tensors());
        tensors.put("dense2.B", Tensor.f64(new double[] {1e300}, 1));
        tensors.put("scaler.target.scale", Tensor.f64(new double[] {1e300}, 1));
        Path huge = dir.resolve("huge.safetensors");
        SafetensorsWriter.write(huge, tensors, content.metadata());
        CliRun run = CliRun.of("predict", "--model", huge, "--data", data);
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertOneLine(run.err(), "reg.csv, line 2, column 3 \"y\": the prediction");
        CliRun evaluate = CliRun.of("evaluate", "--model", huge, "--data", data);
        assertEquals(ExitCodes.DATA, evaluate.exitCode(), evaluate::toString);

        tensors.put("dense2.W", Tensor.matrix(new double[] {1e300, 1e300, 1e300, 1e300}, 4, 1));
        tensors.put("dense1.W", Tensor.matrix(new double[] {1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 1e300},
                2, 4));
        SafetensorsWriter.write(huge, tensors, content.metadata());
        CliRun infinite = CliRun.of("predict", "--model", huge, "--data", data);
        assertEquals(ExitCodes.DATA, infinite.exitCode(), infinite::toString);
        assertOneLine(infinite.err(), "column 3 \"y\": the model's output for this row is ");
    }
}
