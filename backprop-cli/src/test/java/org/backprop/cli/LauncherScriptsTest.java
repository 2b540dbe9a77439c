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
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers ({@code ./backprop}, {@code ./backprop-spark}), run with a stand-in {@code java}:
 * standard error passes through byte for byte, a NUL byte included, except the JDK's one-line
 * incubator notice; standard output and the exit code are java's; {@code BACKPROP_JAVA_OPTS}
 * reaches the JVM. {@code ./backprop}'s class-data sharing archive: dumped from the classes the first
 * successful run of a subcommand listed, mapped by later ones, not tried again after a failed dump,
 * and silently skipped when the cache cannot be written.
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

    /**
     * A stand-in JDK 17: prints its CDS flags ("list" for a class list, "map NAME" for an archive it
     * maps); with -Xshare:dump writes the archive that SharedArchiveFile names (unless
     * STANDIN_DUMP_FAILS is set, then it fails). A run exits with STANDIN_EXIT (default 0).
     */
    private static final String CDS_JAVA = """
            #!/usr/bin/env bash
            dump=""; archive=""
            for a in "$@"; do
              case "$a" in
                -Xshare:dump) dump=1;;
                -XX:DumpLoadedClassList=*) printf 'list\\n'; printf 'java/lang/Object\\n' > "${a#*=}";;
                -XX:SharedArchiveFile=*) archive="${a#*=}";;
                -XX:SharedClassListFile=*) [ -s "${a#*=}" ] || exit 1;;
                -Xlog:cds*) printf '%s\\n' "$a";;
              esac
            done
            if [ -n "$dump" ]; then
              [ -z "${STANDIN_DUMP_FAILS:-}" ] || exit 1
              printf 'archive' > "$archive"
              exit 0
            fi
            [ -z "$archive" ] || printf 'map %s\\n' "${archive##*/}"
            exit "${STANDIN_EXIT:-0}"
            """;

    @org.junit.jupiter.api.Test
    void cdsArchiveIsDumpedAfterTheFirstSuccessfulRunThenMappedAndSkippedWhenTheCacheIsUnwritable()
            throws Exception {
        Path script = cdsCheckout();
        Path jdk = standInJdk("jdk", "JAVA_VERSION=\"17.0.15\"\n");
        Path cache = dir.resolve("cache");

        // a failed first run (a user's mistake) lists its classes but leaves no archive, nor a temporary file
        assertEquals("list\n", runLauncher(script, jdk, cache, "train", 3, Map.of("STANDIN_EXIT", "3")));
        assertArrayEquals(new String[0], cache.resolve("cds").toFile().list());

        assertEquals("list\n", runLauncher(script, jdk, cache, "train"));
        String[] archives = cache.resolve("cds").toFile().list();
        assertEquals(1, archives.length, Arrays.toString(archives));
        assertTrue(archives[0].matches("train-17\\.0\\.15-[0-9]+-[0-9]+-[0-9]+\\.jsa"), archives[0]);
        assertEquals("-Xlog:cds=off,cds+dynamic=off\nmap " + archives[0] + "\n",
                runLauncher(script, jdk, cache, "train"));
        assertEquals("", runLauncher(script, jdk, cache, "--version"), "no archive for options alone");

        // a rebuilt jar names a new archive, which replaces the stale one
        Files.writeString(dir.resolve("backprop-cli/target/backprop.jar"), "rebuilt");
        assertEquals("list\n", runLauncher(script, jdk, cache, "train"));
        String[] after = cache.resolve("cds").toFile().list();
        assertEquals(1, after.length, Arrays.toString(after));
        assertTrue(!after[0].equals(archives[0]), after[0]);

        // other BACKPROP_JAVA_OPTS add their own archive and leave the default options' one
        assertAddsItsOwnArchive(script, Map.of("BACKPROP_JAVA_OPTS", "-Xmx1g"), script, jdk, cache, after[0]);

        // another checkout's launcher (another jar path) adds its own archive and leaves this one's
        Path other = Files.createDirectories(dir.resolve("other"));
        Path otherScript = Files.copy(script, other.resolve("backprop"));
        Files.writeString(other.resolve("jvm.options"), "");
        Files.createDirectories(other.resolve("backprop-cli/target"));
        Files.writeString(other.resolve("backprop-cli/target/backprop.jar"), "rebuilt");
        assertAddsItsOwnArchive(otherScript, Map.of(), script, jdk, cache, after[0]);

        // a dump that fails is not tried again for the same jar: later runs have no CDS flag
        assertEquals("list\n", runLauncher(script, jdk, cache, "predict", 0, Map.of("STANDIN_DUMP_FAILS", "1")));
        assertEquals("", runLauncher(script, jdk, cache, "predict"));
        assertEquals(2, cache.resolve("cds").toFile().list().length);

        // a cache that cannot be created: no CDS flag at all, nothing on stderr
        Path file = Files.writeString(dir.resolve("a-file"), "");
        assertEquals("", runLauncher(script, jdk, file.resolve("below"), "train"));
    }

    @org.junit.jupiter.api.Test
    void oneArchiveForOneJdkWhateverTheLinkAndAtMostThreeForChangingOptions() throws Exception {
        Path script = cdsCheckout();
        Path jdk = standInJdk("jdk", "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"17.0.15\"");   // no newline at the end
        Path link = Files.createSymbolicLink(dir.resolve("jdk-link"), jdk);
        Path cache = dir.resolve("cache");
        assertEquals("list\n", runLauncher(script, jdk, cache, "train"));
        String[] archives = cache.resolve("cds").toFile().list();
        assertEquals(1, archives.length, Arrays.toString(archives));
        String mapped = "-Xlog:cds=off,cds+dynamic=off\nmap " + archives[0] + "\n";
        assertEquals(mapped, runLauncher(script, link, cache, "train"), "the same JDK through a link");
        assertEquals(mapped, runLauncher(script, Path.of(jdk + "/"), cache, "train"), "with a trailing slash");
        assertEquals(mapped, runLauncher(script, jdk, cache, "train"));

        // options that differ on every run (a log file per run) keep the three most recent archives
        for (int run = 0; run < 5; run++) {
            assertEquals("list\n", runLauncher(script, jdk, cache, "train", 0,
                    Map.of("BACKPROP_JAVA_OPTS", "-Xlog:gc:file=run" + run + ".log")));
            Thread.sleep(20);   // distinct modification times
        }
        assertEquals(3, cache.resolve("cds").toFile().list().length,
                Arrays.toString(cache.resolve("cds").toFile().list()));
        String newest = runLauncher(script, jdk, cache, "train", 0, Map.of("BACKPROP_JAVA_OPTS", "-Xlog:gc:file=run4.log"));
        assertTrue(newest.startsWith("-Xlog:cds=off,cds+dynamic=off\nmap "), "the newest is mapped: " + newest);
    }

    @org.junit.jupiter.api.Test
    void javaEndedByASignalIsReportedWithItsExitCode() throws Exception {
        Path script = cdsCheckout();
        Path jdk = standInJdk("jdk", "JAVA_VERSION=\"17.0.15\"\n");
        Files.writeString(jdk.resolve("bin/java"), """
                #!/usr/bin/env bash
                printf 'WARNING: Using incubator modules: jdk.incubator.vector\\n' >&2
                kill -KILL $$
                """);
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "train");
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("BACKPROP_CDS", "0");
        Path err = dir.resolve("signal-err");
        Process p = pb.redirectOutput(dir.resolve("signal-out").toFile()).redirectError(err.toFile()).start();
        assertEquals(137, p.waitFor());
        assertEquals("backprop: java was ended by signal KILL (exit code 137); SIGKILL often means the system ran out "
                + "of memory\n", read(err));
    }

    /** A checkout holding a copy of {@code ./backprop}, an empty jvm.options and jar; returns the script. */
    private Path cdsCheckout() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path script = Files.copy(root.resolve("backprop"), dir.resolve("backprop"));
        Files.writeString(dir.resolve("jvm.options"), "");
        Files.createDirectories(dir.resolve("backprop-cli/target"));
        Files.writeString(dir.resolve("backprop-cli/target/backprop.jar"), "");
        return script;
    }

    /** A JDK directory {@code name} with the stand-in {@link #CDS_JAVA} and this {@code release} file. */
    private Path standInJdk(String name, String release) throws IOException {
        Path jdk = dir.resolve(name);
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, CDS_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolve("release"), release);
        return jdk;
    }

    /**
     * Runs {@code launcher} with the extra environment {@code env} (it lists its classes: no archive
     * of its own yet), checks that this added an archive beside {@code kept}, which {@code script}
     * still maps, then deletes the added one (out of the counts that follow).
     */
    private void assertAddsItsOwnArchive(Path launcher, Map<String, String> env, Path script, Path jdk, Path cache,
                                         String kept) throws Exception {
        assertEquals("list\n", runLauncher(launcher, jdk, cache, "train", 0, env));
        String[] both = cache.resolve("cds").toFile().list();
        assertEquals(2, both.length, Arrays.toString(both));
        assertEquals("-Xlog:cds=off,cds+dynamic=off\nmap " + kept + "\n", runLauncher(script, jdk, cache, "train"),
                kept + " is still there");
        for (String name : both) {
            if (!name.equals(kept)) {
                Files.delete(cache.resolve("cds").resolve(name));
            }
        }
    }

    private String runLauncher(Path script, Path jdk, Path cache, String argument) throws Exception {
        return runLauncher(script, jdk, cache, argument, 0, Map.of());
    }

    /**
     * Runs the launcher with {@code jdk}, {@code cache} and the extra environment {@code env}; returns
     * its stdout, asserting the exit code {@code exit} and an empty stderr.
     */
    private String runLauncher(Path script, Path jdk, Path cache, String argument, int exit, Map<String, String> env)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), argument);
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("BACKPROP_CACHE_DIR", cache.toString());
        pb.environment().remove("BACKPROP_JAVA_OPTS");
        pb.environment().remove("BACKPROP_CDS");
        pb.environment().putAll(env);
        Path out = dir.resolve("cds-out");
        Path err = dir.resolve("cds-err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertEquals(exit, p.waitFor(), () -> read(err));
        assertEquals("", read(err));
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
