package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers ({@code ./backprop}, {@code ./backprop-spark}), run with a stand-in {@code java}:
 * standard error passes through byte for byte, a NUL byte included, except the JDK's one-line
 * incubator notice; standard output and the exit code are java's; {@code BACKPROP_JAVA_OPTS}
 * reaches the JVM.
 */
class LauncherScriptsTest {
    @TempDir
    Path dir;

    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            printf 'WARNING: Using incubator modules: jdk.incubator.vector\\n' >&2
            printf 'backprop: a message with a \\0 byte\\n' >&2
            printf 'second line, no newline at the end' >&2
            for a in "$@"; do case "$a" in -Xmx*) printf '%s\\n' "$a";; esac; done
            exit 3
            """;

    @ParameterizedTest
    @ValueSource(strings = {"backprop", "backprop-spark"})
    void stderrPassesThroughExceptTheIncubatorNotice(String launcher) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path script = Files.copy(root.resolve(launcher), dir.resolve(launcher));
        Files.writeString(dir.resolve("jvm.options"), "");
        Files.createDirectories(dir.resolve("backprop-cli/target"));
        Files.writeString(dir.resolve("backprop-cli/target/backprop.jar"), "");
        Files.createDirectories(dir.resolve("backprop-spark-module/target/classes"));
        Files.writeString(dir.resolve("backprop-spark-module/target/classpath.txt"), "");
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "train");
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("BACKPROP_JAVA_OPTS", "-Xmx3g");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertEquals(3, p.waitFor(), () -> read(err));
        assertEquals("-Xmx3g\n", read(out));
        byte[] expected = ("backprop: a message with a \0 byte\nsecond line, no newline at the end")
                .getBytes(StandardCharsets.UTF_8);
        byte[] actual = Files.readAllBytes(err);
        // grep terminates the last line; everything before it is byte for byte
        assertTrue(actual.length == expected.length || actual.length == expected.length + 1, () -> read(err));
        assertArrayEquals(expected, Arrays.copyOf(actual, expected.length), () -> read(err));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
