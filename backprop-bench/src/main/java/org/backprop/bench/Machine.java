package org.backprop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;

/** What a benchmark ran on and how it was started, for the header of its report. */
final class Machine {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private Machine() {
    }

    /** The full command line of this JVM, as the OS reports it (or reconstructed from the MXBean). */
    static String commandLine(String mainClass, String[] args) {
        return ProcessHandle.current().info().commandLine().orElseGet(() -> "java "
                + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                + " " + mainClass + " " + String.join(" ", args));
    }

    /** CPU model from /proc/cpuinfo ("unknown" elsewhere). */
    static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Logical processors listed in /proc/cpuinfo, or -1. */
    static int cpuinfoProcessors() {
        try {
            return (int) Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor"))
                    .count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** True if the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The kernel {@link Kernels#create} picks for one thread, described. */
    static String kernel() {
        try (Gemm g = Kernels.create(1)) {
            return g.describe();
        }
    }

    /** Multi-line machine description. */
    static String describe() {
        return String.join("\n",
                "cpu:       " + cpuModel() + " (" + cpuinfoProcessors() + " logical processors in /proc/cpuinfo, "
                        + Runtime.getRuntime().availableProcessors() + " available to the JVM)",
                "jdk:       " + System.getProperty("java.vm.name") + " " + Runtime.version() + " ("
                        + System.getProperty("java.vendor") + "), max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, GC "
                        + java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .map(java.lang.management.GarbageCollectorMXBean::getName)
                                .collect(Collectors.joining("/")),
                "vector:    " + (vectorModulePresent() ? "on (" + VECTOR_MODULE + " in the boot layer)"
                        : "off (start the JVM with --add-modules " + VECTOR_MODULE + ")"),
                "kernel:    " + kernel() + " (Kernels.create(1).describe())");
    }
}
