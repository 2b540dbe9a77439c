package org.backprop.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backprop.testing.ChildJvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A training step of the seed workload allocates nothing once the JIT has settled, in both
 * precisions, in a fresh JVM started with the launchers' {@code jvm.options} (as users run it).
 * The meter subtracts its own arrays; the bound leaves room for noise. One boxed
 * 512-bit vector per step would already be 80 bytes, and a boxed kernel costs kilobytes to
 * megabytes a step.
 */
class SteadyStateAllocationTest {
    private static final long MAX_BYTES_PER_STEP = 32;

    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void trainingStepAllocatesNothingInSteadyState(String precision) throws Exception {
        List<String> lines = runProbe(precision);
        String result = lines.stream().filter(l -> l.startsWith("bytes-per-step ")).findFirst()
                .orElseThrow(() -> new AssertionError("no result; probe output:\n" + String.join("\n", lines)));
        long bytes = Long.parseLong(result.substring("bytes-per-step ".length()));
        assertTrue(bytes <= MAX_BYTES_PER_STEP, precision + ": " + bytes + " bytes allocated per training step");
    }

    private static List<String> runProbe(String precision) throws IOException, InterruptedException {
        return ChildJvm.run(List.of("@" + repositoryJvmOptions(), "-Xmx1g"), SteadyStateAllocationProbe.class, precision);
    }

    /** The repository's jvm.options, found upwards from the module directory Maven runs tests in. */
    private static Path repositoryJvmOptions() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("jvm.options");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("jvm.options not found above " + Path.of("").toAbsolutePath());
    }
}
