package org.backprop.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;

/**
 * A generated regression CSV for memory and set-up tests: numeric columns {@code x0…} (three
 * decimals; {@code x1} has an {@code NA} in every 97th row), a text column {@code kind} of four
 * levels, and a numeric target {@code y}. About 9 bytes per numeric cell.
 */
public final class WideCsv {
    private WideCsv() {
    }

    /** Writes {@code rows} rows of {@code numeric} numeric columns from seed {@code seed}. */
    public static void write(Path csv, int rows, int numeric, long seed) throws IOException {
        RandomSource r = new SeedStreams(seed).stream("data");
        String[] kinds = {"alpha", "beta", "gamma", "delta"};
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < numeric; j++) {
                line.append('x').append(j).append(',');
            }
            w.append(line).append("kind,y\n");
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                double y = 0;
                for (int j = 0; j < numeric; j++) {
                    long milli = Math.round(r.nextGaussian() * 100_000);
                    y += (j % 3 - 1) * milli / 1000.0;
                    if (j == 1 && i % 97 == 0) {
                        line.append("NA,");
                    } else {
                        long frac = Math.abs(milli) % 1000;
                        line.append(milli < 0 ? "-" : "").append(Math.abs(milli) / 1000).append('.')
                                .append(frac < 100 ? "0" : "").append(frac < 10 ? "0" : "").append(frac).append(',');
                    }
                }
                int kind = (int) r.uniform(0, 4);
                line.append(kinds[kind]).append(',').append(Math.round(y * 10 + kind * 50) / 10.0).append('\n');
                w.append(line);
            }
        }
    }
}
