package org.backprop.spark.cli;

import static org.backprop.spark.cli.CommandRun.backprop;
import static org.backprop.spark.cli.CommandRun.concat;
import static org.backprop.spark.cli.CommandRun.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backprop.io.safetensors.SafetensorsFile;
import org.backprop.io.safetensors.SafetensorsReader;
import org.backprop.spark.StandaloneCluster;
import org.backprop.spark.TestRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backprop-spark train} on a real Spark standalone cluster (a Master, a Worker and its executor
 * JVMs, all child processes on 127.0.0.1, from the Maven jars), submitted with the README's
 * {@code spark-submit} line word for word: the test reads the line from README.md and only puts in the
 * cluster's URL, the jars and its own training arguments. A cluster that does not start fails the test.
 */
class StandaloneClusterTest {
    private static final String[] TRAIN = {"--target", "y", "--layers", "8,5", "--batch-size", "16", "--seed", "11",
            "--optimizer", "sgd", "--lr", "0.05"};
    @TempDir
    static Path dir;
    private static StandaloneCluster cluster;
    private static Path csv;
    private static List<String> submitLine;

    @BeforeAll
    static void start() throws Exception {
        csv = dir.resolve("rows.csv");
        TestRows.generate(240, 4, 5).writeCsv(csv);
        // two one-core executors on the one Worker, so that one can be killed while the other works
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, "2g",
                Map.of("spark.executor.cores", "1", "spark.executor.memory", "512m", "spark.ui.enabled", "false"));
        submitLine = readmeSubmitLine(cluster.masterUrl(), jars(), appJar());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void submittedFitWritesBackpropTrainsModelFile() throws Exception {
        Path out = dir.resolve("p1.safetensors");
        Process driver = submit("p1", "--epochs", "2", "--partitions", "1", "--out", out.toString());
        awaitSuccess(driver, "p1");
        Path reference = dir.resolve("local.safetensors");
        CommandRun local = backprop(concat(new String[] {"train", "--data", csv.toString(), "--epochs", "2", "--out",
                reference.toString()}, TRAIN));
        assertEquals(0, local.code, local.err);
        assertSameTensors(reference, out);
        CommandRun predict = backprop("predict", "--model", out.toString(), "--data", csv.toString());
        assertEquals(0, predict.code, predict.err);
        assertEquals(1 + 240, predict.out.lines().count(), "a header and one prediction per row");
    }

    @Test
    void killingAnExecutorMidFitChangesNothing() throws Exception {
        Path out = dir.resolve("killed.safetensors");
        // 20 epochs: set-up takes about 14 jobs, then one barrier stage an epoch, so job 20 falls mid-fit
        Process driver = submit("killed", "--epochs", "20", "--partitions", "2", "--out", out.toString());
        Path log = dir.resolve("cluster/killed.log");
        awaitJob(driver, log, 20);
        List<ProcessHandle> executors = cluster.executors();
        assertEquals(2, executors.size(), "two executor JVMs: " + executors);
        ProcessHandle victim = executors.get(0);
        assertTrue(victim.destroyForcibly(), "kill -9 of executor " + victim.pid());
        victim.onExit().get(30, TimeUnit.SECONDS);
        assertTrue(driver.isAlive(), "the executor died mid-fit");
        awaitSuccess(driver, "killed");
        String driverLog = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertTrue(driverLog.contains("Lost executor"), "the driver noticed the kill");

        Path reference = dir.resolve("local2.safetensors");
        CommandRun local = spark(concat(new String[] {"train", "--data", csv.toString(), "--epochs", "20", "--partitions", "2",
                "--master", "local[2]", "--out", reference.toString()}, TRAIN));
        assertEquals(0, local.code, local.out + local.err);
        assertSameTensors(reference, out);
    }

    private static Process submit(String name, String... train) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(submitLine);
        args.addAll(List.of("--data", csv.toString()));
        args.addAll(List.of(TRAIN));
        args.addAll(List.of(train));
        return cluster.submit(name, args);
    }

    private static void awaitSuccess(Process driver, String name) throws Exception {
        Path log = dir.resolve("cluster/" + name + ".log");
        if (!driver.waitFor(8, TimeUnit.MINUTES)) {
            fail("spark-submit " + name + " still running after 8 minutes:\n" + tailOf(log));
        }
        assertEquals(0, driver.exitValue(), "spark-submit " + name + " failed:\n" + tailOf(log));
    }

    private static void awaitJob(Process driver, Path log, int job) throws Exception {
        Pattern finished = Pattern.compile("Job (\\d+) finished");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline && driver.isAlive()) {
            Matcher m = finished.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "");
            int last = -1;
            while (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
            if (last >= job) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the driver did not finish job " + job + " (alive: " + driver.isAlive() + "):\n" + tailOf(log));
    }

    private static String tailOf(Path log) throws IOException {
        return StandaloneCluster.tail(Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "");
    }

    private static void assertSameTensors(Path expectedFile, Path actualFile) throws IOException {
        SafetensorsFile expected = SafetensorsReader.read(expectedFile);
        SafetensorsFile actual = SafetensorsReader.read(actualFile);
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
        expected.tensors().forEach((key, tensor) ->
                assertArrayEquals(tensor.values(), actual.tensor(key).values(), key + " differs"));
    }

    /**
     * The README's {@code spark-submit} line up to the subcommand {@code train}, with the cluster's URL for
     * {@code spark://host:7077}, {@code jars} for {@code "$(cat backprop-spark-module/target/jars.txt)"} and
     * {@code app} for the module's jar.
     */
    static List<String> readmeSubmitLine(String master, String jars, Path app) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\nspark-submit ");
        assertTrue(start >= 0, "README.md has a spark-submit line");
        StringBuilder line = new StringBuilder();
        for (String l : readme.substring(start + 1).split("\n")) {
            line.append(l.endsWith("\\") ? l.substring(0, l.length() - 1) : l).append(' ');
            if (!l.endsWith("\\")) {
                break;
            }
        }
        List<String> words = shellWords(line.toString());
        assertEquals("spark-submit", words.get(0));
        List<String> args = new ArrayList<>();
        for (String word : words.subList(1, words.size())) {
            if (word.equals("train")) {
                args.add(word);
                return args;
            }
            args.add(switch (word) {
                case "spark://host:7077" -> master;
                case "$(cat backprop-spark-module/target/jars.txt)" -> jars;
                case "backprop-spark-module/target/backprop-spark-0.1.0-SNAPSHOT.jar" -> app.toString();
                default -> word;
            });
        }
        throw new AssertionError("README.md's spark-submit line has no train subcommand: " + line);
    }

    /** Splits a shell line into words: whitespace separates, double quotes group (no escapes). */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** What {@code target/jars.txt} lists after {@code mvn package}: the runtime jars, reactor modules as jars. */
    private static String jars() throws IOException {
        List<String> jars = new ArrayList<>();
        for (Path entry : StandaloneCluster.runtimeClasspath()) {
            if (Files.isDirectory(entry)) { // a reactor module's target/classes
                Path module = entry.getParent().getParent().getFileName();
                jars.add(StandaloneCluster.jar(entry, dir.resolve("jars").resolve(module + ".jar")).toString());
            } else {
                jars.add(entry.toString());
            }
        }
        return String.join(",", jars);
    }

    private static Path appJar() throws IOException {
        return StandaloneCluster.jar(Path.of("target", "classes").toAbsolutePath(),
                dir.resolve("backprop-spark-0.1.0-SNAPSHOT.jar"));
    }
}
