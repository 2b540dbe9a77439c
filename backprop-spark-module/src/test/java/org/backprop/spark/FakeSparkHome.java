package org.backprop.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a Spark distribution, built from the test classpath: {@code $SPARK_HOME/jars/}
 * holds links to every jar, which is all the in-process Worker of {@code local-cluster[…]} needs to
 * launch executor JVMs (with {@code SPARK_SCALA_VERSION} set). Class directories (this module's and
 * the core's) cannot be linked as jars; they go on the executors' extra class path.
 */
public final class FakeSparkHome {
    private FakeSparkHome() {
    }

    /** The test classpath entries. */
    public static List<String> classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }

    /** Fills {@code home}/jars with links to the classpath's jars; returns the class directories. */
    public static String build(Path home) throws IOException {
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        List<String> directories = new ArrayList<>();
        for (String entry : classpath()) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path)) {
                directories.add(path.toString());
            } else if (entry.endsWith(".jar") && Files.exists(path)) {
                Path link = jars.resolve(path.getFileName());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, path);
                }
            }
        }
        return String.join(File.pathSeparator, directories);
    }
}
