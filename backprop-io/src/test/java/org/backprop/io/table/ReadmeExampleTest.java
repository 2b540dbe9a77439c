package org.backprop.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java quick start, compiled and run exactly as printed: the test takes the Java block
 * that follows {@code <!-- tabular-example -->} in README.md, compiles it against this module's
 * test class path and runs it in a fresh JVM whose working directory holds the repository's own
 * {@code examples/houses.csv} and {@code examples/houses-new.csv} (copied, so that the model file it
 * saves lands in a temporary directory): the program must run on the tables the README describes.
 */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    static String readmeExample() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int marker = text.indexOf("<!-- tabular-example -->");
        assertTrue(marker >= 0, "README.md has no <!-- tabular-example --> marker");
        int start = text.indexOf("```java\n", marker) + "```java\n".length();
        int end = text.indexOf("```", start);
        return text.substring(start, end);
    }

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        String source = readmeExample();
        assertTrue(source.contains("public class HousePrices"), source);
        Path examples = Files.createDirectories(dir.resolve("examples"));
        for (String table : List.of("houses.csv", "houses-new.csv")) {
            Files.copy(Path.of("..", "examples", table), examples.resolve(table));
        }
        Path src = Files.writeString(dir.resolve("HousePrices.java"), source);
        String classPath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        assertEquals(0, javac.run(null, null, null, "-cp", classPath, "-d", dir.toString(), src.toString()), "javac");
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(launcher.toString(), "-cp", dir + java.io.File.pathSeparator + classPath,
                "HousePrices")).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("column \"id\": ignored"), out);
        assertTrue(out.contains("training regression on 180 rows (20 validation)"), out);
        assertTrue(out.matches("(?s).*\\d+ epochs, kept epoch \\d+.*"), out);
        assertTrue(out.contains("predicted price: "), out);
        assertTrue(out.contains("5 predictions"), out);
        assertTrue(Files.exists(dir.resolve("houses.safetensors")));
    }
}
