package org.backprop.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.backprop.cli.Main;
import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.spark.DriverProcess;
import org.backprop.spark.WideCsv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver never holds the data: a {@code backprop-spark train} driver JVM with a
 * {@value #DRIVER_HEAP} heap trains on {@code local-cluster} executors and writes the model file
 * {@code backprop train} writes on the same CSV file (P = 1, same seed), bit for bit, preprocessing
 * included. The normal run uses a small file; the {@code slow} one ({@code mvn verify -Dslow}, about 7
 * minutes on the loaded 2-core machine) a file larger than the driver's heap.
 * {@code backprop-spark-module/driver-heap.sh} runs the same check on files several times larger. A
 * cluster that does not start, or a driver that runs out of memory, fails the test.
 */
class SmallDriverTest {
    private static final String DRIVER_HEAP = "256m";
    private static final int NUMERIC = 20;

    @Test
    void aSmallDriverHeapTrainsTheSameModelOnExecutorJvms(@TempDir Path dir) throws Exception {
        assertSameModel(dir, 100_000);
    }

    @Test
    @Tag("slow")
    void aDriverHeapSmallerThanTheDataTrainsTheSameModel(@TempDir Path dir) throws Exception {
        Path csv = assertSameModel(dir, 1_700_000);
        assertTrue(Files.size(csv) > 256L << 20, "the data (" + (Files.size(csv) >> 20) + " MiB) exceed the heap");
    }

    private static Path assertSameModel(Path dir, int rows) throws Exception {
        Path csv = dir.resolve("wide.csv");
        WideCsv.write(csv, rows, NUMERIC, 9);
        Path sparkModel = dir.resolve("spark.safetensors");
        Path localModel = dir.resolve("local.safetensors");
        String[] flags = {"train", "--data", csv.toString(), "--target", "y", "--layers", "16", "--epochs", "1",
                "--batch-size", "50000", "--seed", "5", "--optimizer", "adam"};
        Path log = dir.resolve("driver.log");
        Process driver = DriverProcess.start(DRIVER_HEAP, log, concat(flags, "--partitions", "1", "--master",
                "local-cluster[2,1,2048]", "--out", sparkModel.toString()));
        assertTrue(driver.waitFor(20, TimeUnit.MINUTES), "the driver finished");
        assertEquals(0, driver.exitValue(), Files.readString(log));
        assertTrue(Files.readString(log).contains("prepared " + rows + " rows (0 validation) on Spark"),
                Files.readString(log));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int local = Main.run(new PrintWriter(out), new PrintWriter(err), concat(flags, "--out", localModel.toString()));
        assertEquals(0, local, err.toString());
        SafetensorsFile expected = SafetensorsReader.read(localModel);
        SafetensorsFile actual = SafetensorsReader.read(sparkModel);
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
        expected.tensors().forEach((key, tensor) ->
                assertArrayEquals(tensor.values(), actual.tensor(key).values(), key + " differs"));
        assertEquals(expected.metadata().get("preprocessing"), actual.metadata().get("preprocessing"));
        return csv;
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
