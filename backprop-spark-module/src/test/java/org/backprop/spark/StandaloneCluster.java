package org.backprop.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 made of child JVMs: one {@code Master}, one {@code Worker}
 * (which launches executor JVMs), and drivers started as {@code bin/spark-submit} starts them:
 * {@code org.apache.spark.launcher.Main} builds the command of {@code org.apache.spark.deploy.SparkSubmit}
 * from the submit arguments, and the cluster runs it. No Spark download: {@code SPARK_HOME/jars} holds links to
 * the Spark jars of the test class path, i.e. every test class path jar that is not on this module's runtime
 * class path ({@code target/runtime-classpath.txt}, written by Maven), so what the application needs
 * beyond Spark really has to come through spark-submit's {@code --jars}.
 *
 * <p>{@link #close()} destroys every process it started, executors included.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final long START_SECONDS = 180;
    private final Path dir;
    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final String masterUrl;
    private final Process worker;

    private StandaloneCluster(Path dir, Path home, String masterUrl, Process worker) {
        this.dir = dir;
        this.home = home;
        this.masterUrl = masterUrl;
        this.worker = worker;
    }

    /**
     * Starts a Master and a Worker with {@code cores} cores of {@code memory} (e.g. "2g") under {@code dir},
     * the cluster's defaults ({@code conf/spark-defaults.conf}) holding {@code defaults}.
     *
     * @throws IllegalStateException with the log's tail if a daemon does not come up in 180 s
     */
    public static StandaloneCluster start(Path dir, int cores, String memory, Map<String, String> defaults)
            throws IOException, InterruptedException {
        Path home = dir.resolve("spark-home");
        linkSparkJars(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        StringBuilder conf = new StringBuilder();
        defaults.forEach((k, v) -> conf.append(k).append(' ').append(v).append('\n'));
        Files.writeString(home.resolve("conf/spark-defaults.conf"), conf.toString());
        int port = freePort();
        String url = "spark://127.0.0.1:" + port;
        StandaloneCluster cluster = null;
        Process master = launch(dir, home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        try {
            awaitLog(master, dir.resolve("master.log"), "I have been elected leader");
            Process worker = launch(dir, home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", Integer.toString(cores), "--memory", memory, "--webui-port",
                    Integer.toString(freePort()), "--work-dir", dir.resolve("work").toString(), url);
            cluster = new StandaloneCluster(dir, home, url, worker);
            cluster.processes.add(master);
            cluster.processes.add(worker);
            awaitLog(worker, dir.resolve("worker.log"), "Successfully registered with master");
            return cluster;
        } catch (RuntimeException | IOException | InterruptedException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                destroyTree(master);
            }
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:port}. */
    public String masterUrl() {
        return masterUrl;
    }

    /** The Spark home the daemons and drivers use. */
    public Path home() {
        return home;
    }

    /**
     * Starts a driver as {@code spark-submit ARGS} does: {@code org.apache.spark.launcher.Main} turns the
     * arguments into the {@code SparkSubmit} command, which then runs with its stdout and stderr in
     * {@code name.out} and {@code name.log}.
     */
    public Process submit(String name, List<String> arguments) throws IOException, InterruptedException {
        List<String> launcher = new ArrayList<>(List.of(java(), "-Xmx128m", "-cp", home.resolve("jars") + "/*",
                "org.apache.spark.launcher.Main", "org.apache.spark.deploy.SparkSubmit"));
        launcher.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(launcher).redirectError(dir.resolve(name + "-launcher.log").toFile());
        environment(builder, home);
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("spark-submit's launcher failed: "
                    + Files.readString(dir.resolve(name + "-launcher.log")));
        }
        // NUL-separated words, as bin/spark-class reads them (the launcher starts its output with "\0\n")
        List<String> command = new ArrayList<>();
        for (String word : new String(out, StandardCharsets.UTF_8).split("\0")) {
            if (!command.isEmpty() || !word.isBlank()) {
                command.add(command.isEmpty() ? word.strip() : word);
            }
        }
        Map<String, String> env = new HashMap<>();
        if (command.get(0).equals("env")) { // the launcher's way of passing variables: env K=V ... java ...
            command.remove(0);
            while (command.get(0).contains("=") && !command.get(0).startsWith("/")) {
                String[] kv = command.remove(0).split("=", 2);
                env.put(kv[0], kv[1]);
            }
        }
        ProcessBuilder driver = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".log").toFile());
        environment(driver, home);
        driver.environment().putAll(env);
        Process process = driver.start();
        processes.add(process);
        return process;
    }

    /** The executor JVMs the Worker is running now. */
    public List<ProcessHandle> executors() {
        return worker.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .toList();
    }

    /** Destroys every process started here and their descendants (executors), forcibly. */
    @Override
    public void close() {
        for (int k = processes.size() - 1; k >= 0; k--) {
            destroyTree(processes.get(k));
        }
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: the JVM's exit kills nothing, so say which one is left
            System.err.println("process " + process.pid() + " did not exit: " + e);
        }
    }

    private static Process launch(Path dir, Path home, String name, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", home.resolve("jars") + "/*",
                mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        environment(builder, home);
        return builder.start();
    }

    private static void environment(ProcessBuilder builder, Path home) {
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().remove("SPARK_CONF_DIR");
        builder.environment().remove("SPARK_DIST_CLASSPATH");
        builder.environment().remove("SPARK_CLASSPATH");
    }

    /** Waits until {@code log} contains {@code line}; fails with the log's tail if the process dies or 180 s pass. */
    public static void awaitLog(Process process, Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            if (text.contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(log.getFileName() + ": the process exited with " + process.exitValue()
                        + " before \"" + line + "\":\n" + tail(text));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(log.getFileName() + ": no \"" + line + "\" within " + START_SECONDS + " s:\n"
                + tail(Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : ""));
    }

    /** The last 4,000 characters of {@code text}. */
    public static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** This module's runtime class path (jars and the reactor's class directories), as Maven wrote it. */
    public static List<Path> runtimeClasspath() throws IOException {
        Path file = Path.of("target", "runtime-classpath.txt");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is missing: Maven writes it in the "
                    + "generate-test-resources phase (run the tests through Maven)");
        }
        String text = Files.readString(file).trim();
        List<Path> entries = new ArrayList<>();
        for (String entry : text.isEmpty() ? new String[0] : text.split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath());
        }
        return entries;
    }

    private static void linkSparkJars(Path jars) throws IOException {
        Files.createDirectories(jars);
        Set<Path> runtime = new LinkedHashSet<>(runtimeClasspath());
        for (String entry : FakeSparkHome.classpath()) {
            Path path = Path.of(entry).toAbsolutePath();
            if (entry.endsWith(".jar") && Files.isRegularFile(path) && !runtime.contains(path)) {
                Path link = jars.resolve(path.getFileName());
                if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, path);
                }
            }
        }
    }

    /**
     * A jar of the class directory {@code classes} at {@code jar} (what {@code mvn package} makes), so a
     * reactor module's classes can go where spark-submit wants jars.
     */
    public static Path jar(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return jar;
    }
}
