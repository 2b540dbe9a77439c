package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.backprop.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels must not depend on C2's type profiles to avoid boxing: a kernel HotSpot first
 * compiled at tier 2 has none, and before {@link ExactVectors} its stores then allocated a boxed
 * vector each, 2.5× slower (about one seed run in fifteen). A child JVM with
 * {@code -XX:TypeProfileWidth=0} (no receiver profiles at all) runs every kernel until it settles;
 * each must then allocate nothing.
 */
class UnprofiledKernelsTest {
    private static final int KERNELS = 22;

    @Test
    void everyKernelSettlesWithoutAllocatingWhenCompiledWithoutTypeProfiles() throws Exception {
        List<String> lines = runProbe();
        List<String> kernels = lines.stream().filter(l -> l.startsWith("kernel ")).toList();
        assertEquals(KERNELS, kernels.size(), "probe output:\n" + String.join("\n", lines));
        for (String line : kernels) {
            long bytes = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            assertEquals(0, bytes, "still allocating after settling (boxed vectors?): " + line);
        }
    }

    private static List<String> runProbe() throws IOException, InterruptedException {
        return ChildJvm.run(List.of("--add-modules", "jdk.incubator.vector", "-XX:TypeProfileWidth=0", "-Xbatch",
                "-XX:CompileThresholdScaling=0.1", "-Xmx256m"), UnprofiledKernelsProbe.class);
    }
}
