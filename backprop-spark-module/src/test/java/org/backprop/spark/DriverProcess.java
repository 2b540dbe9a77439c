package org.backprop.spark;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code backprop-spark} driver in a JVM of its own with a chosen heap, for {@code local-cluster}
 * masters: the Spark flags of this JVM, the {@link FakeSparkHome} for the executors, output and
 * errors to {@code log}.
 *
 * <p>Spark refuses a driver heap under 450 MiB (its memory manager reserves 300 MiB);
 * {@code spark.testing.memory} lifts that check for a driver that runs no task itself.
 */
public final class DriverProcess {
    private DriverProcess() {
    }

    /** Starts {@code org.backprop.spark.cli.SparkMain args} with heap {@code heap} (e.g. "256m"). */
    public static Process start(String heap, Path log, String... args) throws IOException {
        Path home = Path.of(System.getenv().getOrDefault("SPARK_HOME", "backprop-spark-module/target/spark-home"));
        String classDirs = FakeSparkHome.build(home);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("-XX:+IgnoreUnrecognized") || flag.startsWith("-Djdk.")
                    || flag.startsWith("-Dio.netty")) {
                command.add(flag);
            }
        }
        command.add("-Dspark.testing.memory=" + (512L << 20));
        command.add("-Dspark.ui.enabled=false");
        command.add("-Dspark.driver.host=127.0.0.1");
        command.add("-Dspark.driver.bindAddress=127.0.0.1");
        command.add("-Dspark.executor.extraClassPath=" + classDirs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, FakeSparkHome.classpath()));
        command.add("org.backprop.spark.cli.SparkMain");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putIfAbsent("SPARK_HOME", home.toString());
        builder.environment().putIfAbsent("SPARK_SCALA_VERSION", "2.13");
        builder.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }
}
