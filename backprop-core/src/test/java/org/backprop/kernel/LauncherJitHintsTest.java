package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.backprop.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code jvm.options} (what {@code ./backprop} and {@code bench-java} run with, and
 * what embedding users are told to pass) must not make C2 box a vector kernel for good. Its JIT hints
 * compile {@code org.backprop.kernel.Vector*} after 1 % of the usual counts and in the foreground; on
 * JDK 17 a kernel that was the first hot code of its JVM was then compiled on so little profile that
 * C2 could not prove its vectors' exact classes, and it stayed boxed: 20–30× slower, allocating
 * kilobytes a call (backprop-bench/KERNELS.md, "JIT hints that box"; {@code bench-java
 * ElementwiseJit}). The kernels now compare every vector operand's class with a constant (see
 * {@link ExactVectors}). Here every kernel of {@link UnprofiledKernelsProbe} runs alone in a fresh
 * JVM with those options until it settles, and must then allocate nothing.
 */
class LauncherJitHintsTest {
    private static final Path JVM_OPTIONS = Path.of("..", "jvm.options").toAbsolutePath().normalize();

    @Test
    void everyKernelFirstHotUnderTheLauncherOptionsSettlesUnboxed() throws Exception {
        assertTrue(Files.isRegularFile(JVM_OPTIONS), "the repository's jvm.options not found at " + JVM_OPTIONS);
        List<String> options = List.of("@" + JVM_OPTIONS, "-Xmx256m");
        List<String> names = ChildJvm.run(options, UnprofiledKernelsProbe.class, UnprofiledKernelsProbe.LIST)
                .stream().filter(l -> l.startsWith("name ")).map(l -> l.substring("name ".length())).toList();
        assertTrue(names.size() > 20, "kernel names: " + names);
        List<String> boxed = new ArrayList<>();
        for (String kernel : names) {
            List<String> lines = ChildJvm.run(options, UnprofiledKernelsProbe.class, kernel);
            List<String> results = lines.stream().filter(l -> l.startsWith("kernel ")).toList();
            assertEquals(1, results.size(), "probe output:\n" + String.join("\n", lines));
            String line = results.get(0);
            if (Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)) != 0) {
                boxed.add(line);
            }
        }
        assertEquals(List.of(), boxed, "still allocating after settling (boxed vectors?), bytes in the last window");
    }
}
