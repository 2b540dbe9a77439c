package org.backprop.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;

/**
 * Reading a large CSV file with backprop's reader ({@link ColumnarCsvReader}, what {@code backprop
 * train} reads with): rows per second and the process's peak resident memory. Its peer is
 * {@code peers/pandas_read_csv.py}; {@code csv/compare-csv.sh} runs both in one run.
 *
 * <pre>
 * backprop-bench/bench-java CsvReadBenchmark --generate FILE --rows 10000000   # writes the file
 * backprop-bench/bench-java CsvReadBenchmark --read FILE [--repeat N]          # best of N reads
 * </pre>
 *
 * <p>The generated table is shaped like a real export (16 columns, about 150 bytes a row): a row
 * id; four measurements written at full precision as pandas and R write doubles (16–17 digits);
 * four with 1–4 decimals; a measurement with 5 % {@code NA}; three small integers; a 0/1 label; a
 * category of 8 levels and one of 1,000. The same seed gives the same bytes.
 */
public final class CsvReadBenchmark {
    private static final String[] REGIONS = {"north", "south", "east", "west", "central", "coast", "mountain",
        "island"};

    private CsvReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Args a;
        try {
            a = new Args(args, Set.of("--generate", "--read", "--rows", "--seed", "--repeat"));
        } catch (Args.UsageException e) {
            System.err.println("CsvReadBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        String generate = a.string("--generate", null);
        String read = a.string("--read", null);
        if ((generate == null) == (read == null)) {
            System.err.println("CsvReadBenchmark: give exactly one of --generate FILE or --read FILE");
            System.exit(2);
        }
        if (generate != null) {
            long rows = a.positiveInt("--rows", 10_000_000);
            generate(Path.of(generate), rows, a.longValue("--seed", 1));
        } else {
            read(Path.of(read), a.positiveInt("--repeat", 1));
        }
    }

    private static void generate(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(256);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("id,x1,x2,x3,x4,temp,pressure,humidity,price,income,age,count,year,label,region,store\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long r = 0; r < rows; r++) {
                line.setLength(0);
                line.append(r);
                for (int c = 0; c < 4; c++) {
                    line.append(',').append(random.nextGaussian() * (c + 1));
                }
                fixed(line.append(','), 15 + 10 * random.nextDouble(), 1);
                fixed(line.append(','), 950 + 100 * random.nextDouble(), 2);
                fixed(line.append(','), random.nextDouble(), 4);
                fixed(line.append(','), 5 + 995 * random.nextDouble(), 2);
                line.append(',');
                if (random.nextInt(20) == 0) {
                    line.append("NA");
                } else {
                    fixed(line, 20000 + 80000 * random.nextDouble(), 2);
                }
                line.append(',').append(18 + random.nextInt(73));
                line.append(',').append(random.nextInt(1000));
                line.append(',').append(1990 + random.nextInt(36));
                line.append(',').append(random.nextInt(2));
                line.append(',').append(REGIONS[random.nextInt(REGIONS.length)]);
                line.append(",store_").append(random.nextInt(1000));
                line.append('\n');
                for (int i = 0; i < line.length(); i++) {
                    out.write(line.charAt(i));
                }
            }
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s: %d rows, %.1f MB", file, rows,
                Files.size(file) / 1e6));
    }

    /** Appends {@code value} with exactly {@code decimals} decimals (non-negative values only). */
    private static void fixed(StringBuilder out, double value, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        long units = Math.round(value * scale);
        out.append(units / scale).append('.');
        String frac = Long.toString(units % scale);
        for (int i = frac.length(); i < decimals; i++) {
            out.append('0');
        }
        out.append(frac);
    }

    private static void read(Path file, int repeat) throws IOException {
        long bytes = Files.size(file);
        ColumnarTable table = null;
        double seconds = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeat; r++) {
            table = null;
            long start = System.nanoTime();
            table = ColumnarCsvReader.read(file, ColumnarReadOptions.all());
            seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
        }
        double checksum = 0;
        for (String name : table.columnNames()) {
            var column = table.column(name);
            if (column.hasNumbers() && column.nonNumberCount() == 0) {
                for (int r = 0; r < table.rowCount(); r += 997) {
                    double v = column.number(r);
                    checksum += Double.isNaN(v) ? 0 : v;
                }
            }
        }
        System.out.println(Machine.describe());
        System.out.println(String.format(Locale.ROOT,
                "backprop ColumnarCsvReader: %d rows x %d columns, %.1f MB in %.3f s (best of %d): %.0f rows/s, %.1f MB/s, "
                        + "peak RSS %d MB (checksum %.6e)", table.rowCount(), table.columnNames().size(), bytes / 1e6,
                seconds, repeat, table.rowCount() / seconds, bytes / 1e6 / seconds, peakRssKb() / 1024, checksum));
        System.out.println(String.format(Locale.ROOT, "total %.3f s", seconds));
    }

    /** VmHWM of /proc/self/status in KiB, or -1 where there is none. */
    static long peakRssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
