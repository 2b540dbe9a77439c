package org.backprop.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a fresh JVM (this JVM's java, this test class path) for tests that need one. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code main} with the JVM options {@code jvmOptions} and program arguments {@code args};
     * returns its output lines (stdout and stderr), failing the test if it does not end within 5
     * minutes or exits non-zero.
     */
    public static List<String> run(List<String> jvmOptions, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var out = child.inputReader(StandardCharsets.UTF_8)) {
            out.lines().forEach(lines::add);
        }
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), main.getSimpleName() + " did not end");
        assertEquals(0, child.exitValue(), main.getSimpleName() + " failed:\n" + String.join("\n", lines));
        return lines;
    }
}
