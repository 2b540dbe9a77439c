package org.backprop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small deterministic CSV files for the command tests. */
final class TestCsv {
    private TestCsv() {
    }

    /** y = 3·a − 2·b + 10 exactly, on 40 rows. */
    static Path regression(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 40; i++) {
            double a = (i % 7) * 0.5;
            double b = (i % 5) - 2;
            sb.append(a).append(',').append(b).append(',').append(3 * a - 2 * b + 10).append('\n');
        }
        return write(dir.resolve("reg.csv"), sb.toString());
    }

    /** Three well separated classes with string labels, 45 rows. */
    static Path classification(Path dir) throws IOException {
        String[] names = {"red", "green", "blue"};
        StringBuilder sb = new StringBuilder("x1,x2,color\n");
        for (int i = 0; i < 45; i++) {
            int c = i % 3;
            double x1 = c * 4 + (i % 4) * 0.25;
            double x2 = -c * 3 + (i % 5) * 0.2;
            sb.append(x1).append(',').append(x2).append(',').append(names[c]).append('\n');
        }
        return write(dir.resolve("cls.csv"), sb.toString());
    }

    static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text);
    }
}
