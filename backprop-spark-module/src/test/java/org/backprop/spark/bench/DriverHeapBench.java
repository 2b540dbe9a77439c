package org.backprop.spark.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.backprop.cli.Main;
import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.spark.DriverProcess;
import org.backprop.spark.WideCsv;

/**
 * Whole-workload check of {@code backprop-spark train} reading and preparing data on the executors:
 * generates a {@link WideCsv} of ROWS rows, trains one epoch on it in a driver JVM of heap HEAP
 * against MASTER, prints the driver's set-up line ("prepared … in … s (… jobs)") and the driver's
 * wall time, and, unless COMPARE is "no", runs {@code backprop train} on the same file in this JVM
 * and checks that every tensor of the two model files is equal bit for bit.
 *
 * <p>Usage: {@code DriverHeapBench ROWS HEAP MASTER [COMPARE]} (see {@code driver-heap.sh}).
 */
public final class DriverHeapBench {
    private DriverHeapBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        String heap = args[1];
        String master = args[2];
        boolean compare = args.length < 4 || !args[3].equals("no");
        Path dir = Files.createTempDirectory("driver-heap");
        Path csv = dir.resolve("wide.csv");
        long t0 = System.nanoTime();
        WideCsv.write(csv, rows, 20, 9);
        System.out.printf("wrote %d rows, %d MiB, in %.1f s%n", rows, Files.size(csv) >> 20, (System.nanoTime() - t0) / 1e9);
        String[] flags = {"train", "--data", csv.toString(), "--target", "y", "--layers", "16", "--epochs", "1",
                "--batch-size", "50000", "--seed", "5", "--optimizer", "adam"};
        Path log = dir.resolve("driver.log");
        Path sparkModel = dir.resolve("spark.safetensors");
        long t1 = System.nanoTime();
        Process driver = DriverProcess.start(heap, log, concat(flags, "--partitions", "1", "--master", master,
                "--out", sparkModel.toString()));
        driver.waitFor(2, TimeUnit.HOURS);
        System.out.printf("driver -Xmx%s on %s: exit %d in %.1f s%n", heap, master, driver.exitValue(),
                (System.nanoTime() - t1) / 1e9);
        Files.readAllLines(log).stream().filter(l -> l.startsWith("prepared") || l.contains("rror")
                || l.startsWith("saved")).forEach(System.out::println);
        if (driver.exitValue() != 0 || !compare) {
            return;
        }
        Path localModel = dir.resolve("local.safetensors");
        int code = Main.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                concat(flags, "--out", localModel.toString()));
        SafetensorsFile a = SafetensorsReader.read(localModel);
        SafetensorsFile b = SafetensorsReader.read(sparkModel);
        boolean same = code == 0 && a.tensors().keySet().equals(b.tensors().keySet())
                && a.tensors().entrySet().stream().allMatch(e -> Arrays.equals(e.getValue().values(),
                b.tensor(e.getKey()).values()))
                && a.metadata().get("preprocessing").equals(b.metadata().get("preprocessing"));
        System.out.println(same ? "model files: every tensor and the preprocessing equal bit for bit"
                : "model files DIFFER");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
