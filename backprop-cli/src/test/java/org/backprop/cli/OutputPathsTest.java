package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs never destroy inputs nor each other, are checked before any work, and are written the
 * way their kind needs (devices and FIFOs in place, symbolic links followed, permissions kept).
 */
class OutputPathsTest {
    @TempDir
    Path dir;
    Path data;
    byte[] dataBytes;
    Path model;

    @BeforeEach
    void setUp() throws IOException {
        data = TestCsv.regression(dir);
        dataBytes = Files.readAllBytes(data);
        model = dir.resolve("m.safetensors");
    }

    private CliRun train(Object... more) {
        List<Object> args = new ArrayList<>(List.of("train", "--data", data, "--target", "y", "--layers", "4",
                "--epochs", "2", "--threads", "1"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray());
    }

    private Path trainedModel() {
        CliRun run = train("--out", model);
        assertEquals(0, run.exitCode(), run::toString);
        return model;
    }

    private void assertUsageErrorAndNothingChanged(CliRun run, String sameAs) throws IOException {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("backprop: "), run::toString);
        assertTrue(run.err().contains("is the same file as the " + sameAs), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
        assertArrayEquals(dataBytes, Files.readAllBytes(data));
        assertEquals("", run.out(), "nothing ran: " + run);
    }

    @Test
    void trainOutOntoTheDataIsRefusedWhicheverWayTheFileIsNamed() throws Exception {
        Path dotted = dir.resolve(".").resolve(data.getFileName());
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
        Path hard = Files.createLink(dir.resolve("hard.csv"), data);
        for (Path same : List.of(data, dotted, link, hard)) {
            assertUsageErrorAndNothingChanged(train("--out", same), "input --data");
        }
        assertUsageErrorAndNothingChanged(train("--out", model, "--metrics-json", hard), "input --data");
        assertUsageErrorAndNothingChanged(train("--out", model, "--plot", dotted), "input --data");
        assertFalse(Files.exists(model));
    }

    @Test
    void relativeAndAbsoluteSpellingsOfTheDataAreOneFile() throws Exception {
        Path relative = Path.of("").toAbsolutePath().relativize(data);
        assertUsageErrorAndNothingChanged(train("--out", relative), "input --data");
    }

    @Test
    void twoOutputsOnOneFileAreRefused() throws Exception {
        Path x = dir.resolve("x.out");
        assertUsageErrorAndNothingChanged(train("--out", x, "--metrics-json", x), "output --out");
        assertUsageErrorAndNothingChanged(train("--out", model, "--metrics-json", x, "--plot",
                dir.resolve(".").resolve("x.out")), "output --metrics-json");
        assertFalse(Files.exists(x));
    }

    @Test
    void trainTestFileIsAnInputToo() throws Exception {
        Path test = Files.copy(data, dir.resolve("test.csv"));
        assertEquals(ExitCodes.USAGE, train("--test", test, "--out", test).exitCode());
    }

    @Test
    void predictAndEvaluateOutputsOntoTheirInputsAreRefused() throws Exception {
        Path m = trainedModel();
        byte[] modelBytes = Files.readAllBytes(m);
        assertUsageErrorAndNothingChanged(CliRun.of("predict", "--model", m, "--data", data, "--out", data),
                "input --data");
        assertUsageErrorAndNothingChanged(CliRun.of("predict", "--model", m, "--data", data, "--out", m),
                "input --model");
        assertUsageErrorAndNothingChanged(CliRun.of("evaluate", "--model", m, "--data", data, "--metrics-json", m),
                "input --model");
        assertUsageErrorAndNothingChanged(CliRun.of("inspect", "--model", m, "--data", data, "--trace-json", data),
                "input --data");
        assertArrayEquals(modelBytes, Files.readAllBytes(m));
    }

    @Test
    void outputsIntoAMissingDirectoryFailBeforeTrainingAndWriteNoModel() {
        for (String option : List.of("--metrics-json", "--plot", "--out")) {
            CliRun run = option.equals("--out") ? train(option, dir.resolve("missing/x"))
                    : train("--out", model, option, dir.resolve("missing/x"));
            assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
            assertTrue(run.err().contains("cannot write " + option) && run.err().contains("does not exist"),
                    run::toString);
            assertFalse(run.out().contains("epoch"), "no training: " + run);
            assertFalse(Files.exists(model), option);
        }
        CliRun run = train("--out", model, "--metrics-json", dir);
        assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
        assertTrue(run.err().contains("it is a directory"), run::toString);
    }

    @Test
    void anOutputIsCheckedByCreatingAFileNotByItsPermissionBits() throws Exception {
        Path json = dir.resolve("m.json");
        Path plot = dir.resolve("p.png");
        // root passes every permission check, but no file can be created in /sys
        Path sys = Path.of("/sys");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sys));
        CliRun run = train("--out", sys.resolve("x.st"), "--metrics-json", json, "--plot", plot);
        assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
        assertEquals("backprop: cannot write --out /sys/x.st: directory /sys is not writable (permission denied)",
                run.err().strip(), run::toString);
        assertEquals("", run.out(), "no training: " + run);
        assertFalse(Files.exists(json) || Files.exists(plot), run::toString);
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".backprop-check-")));
        }
        CliRun fine = train("--out", model);
        assertEquals(0, fine.exitCode(), fine::toString);
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".backprop-check-")),
                    "the probe file is deleted");
        }
    }

    @Test
    void aBadOrMissingTestFileWritesNoModel() throws Exception {
        CliRun missing = train("--out", model, "--test", dir.resolve("nope.csv"));
        assertEquals(ExitCodes.IO, missing.exitCode(), missing::toString);
        Path bad = TestCsv.write(dir.resolve("bad-test.csv"), "a,b,y\n1,2,3\n1,zz,3\n");
        CliRun badRun = train("--out", model, "--test", bad);
        assertEquals(ExitCodes.DATA, badRun.exitCode(), badRun::toString);
        Path noTarget = TestCsv.write(dir.resolve("no-target.csv"), "a,b\n1,2\n");
        CliRun noTargetRun = train("--out", model, "--test", noTarget);
        assertEquals(ExitCodes.DATA, noTargetRun.exitCode(), noTargetRun::toString);
        assertFalse(Files.exists(model));
    }

    @Test
    void theModelIsWrittenAfterTheMetricsAndThePlot() {
        CliRun run = train("--out", model, "--metrics-json", dir.resolve("m.json"), "--plot", dir.resolve("p.png"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().indexOf("train (") < run.out().indexOf("saved model to"), run::toString);
        assertTrue(run.out().indexOf("wrote loss plot") < run.out().indexOf("saved model to"), run::toString);
    }

    @Test
    void devicesAreWrittenInPlaceAndMayBeGivenTwice() {
        Path devNull = Path.of("/dev/null");
        CliRun run = train("--out", devNull, "--metrics-json", devNull, "--plot", devNull);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
    }

    @Test
    void devStdoutIsStandardOutput() throws Exception {
        Path m = trainedModel();
        CliRun run = CliRun.of("predict", "--model", m, "--data", data, "--out", "/dev/stdout");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(41, run.out().lines().count(), run::toString);
        CliRun metrics = CliRun.of("evaluate", "--model", m, "--data", data, "--metrics-json", "/dev/stdout");
        assertEquals(0, metrics.exitCode(), metrics::toString);
        assertTrue(metrics.out().contains("\"data\": {"), metrics::toString);
    }

    @Test
    void aFifoOutputIsWrittenInPlaceAndAFifoInputIsRefused() throws Exception {
        Path m = trainedModel();
        Path fifo = mkfifo(dir.resolve("pipe"));
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun run = CliRun.of("predict", "--model", m, "--data", data, "--out", fifo);
        assertEquals(0, run.exitCode(), run::toString);
        String text = new String(reader.get(20, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(41, text.lines().count(), text);
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");

        CliRun asData = CliRun.of("predict", "--model", m, "--data", fifo);
        assertEquals(ExitCodes.IO, asData.exitCode(), asData::toString);
        assertTrue(asData.err().contains("not a regular file"), asData::toString);
        CliRun asModel = CliRun.of("predict", "--model", fifo, "--data", data);
        assertEquals(ExitCodes.IO, asModel.exitCode(), asModel::toString);
        assertTrue(asModel.err().contains("not a regular file"), asModel::toString);
    }

    @Test
    void aFifoAsTestDataIsRefusedBeforeTraining() throws Exception {
        Path fifo = mkfifo(dir.resolve("test-pipe"));
        CliRun run = train("--test", fifo, "--out", model);
        assertEquals(ExitCodes.IO, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot read --test " + fifo + ": not a regular file"), run::toString);
        assertEquals("", run.out(), "refused before reading the data");
        assertFalse(Files.exists(model));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("model.safetensors");
        Path link = Files.createSymbolicLink(dir.resolve("link.safetensors"), real);
        CliRun run = train("--out", link);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isRegularFile(real) && Files.size(real) > 100);
        CliRun again = train("--out", link, "--seed", "7");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void anOverwrittenFileKeepsItsPermissions() throws Exception {
        Files.writeString(model, "old");
        Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, train("--out", model).exitCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
    }

    @Test
    void staleTemporaryFilesOfOurNamingAreRemovedOnTheNextWrite() throws Exception {
        Path stale = Files.writeString(dir.resolve(".m.safetensors.1a2b3c.tmp"), "left by a killed run");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
        Path fresh = Files.writeString(dir.resolve(".m.safetensors.4d5e6f.tmp"), "maybe a live writer");
        Path other = Files.writeString(dir.resolve(".other.1a2b3c.tmp"), "not ours to judge");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
        assertEquals(0, train("--out", model).exitCode());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(other));
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo");
        return path;
    }
}
