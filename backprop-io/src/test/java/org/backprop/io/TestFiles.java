package org.backprop.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers for file-system assertions. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Sorted names of the entries directly in {@code dir}. */
    public static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
