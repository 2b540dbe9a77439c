package org.backprop.spark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.spark.sql.SparkSession;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.MissingValues;
import org.backprop.io.preprocess.NumericEncoder;
import org.backprop.spark.SparkSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed radix selection gives the median {@code backprop train} computes by sorting, bit
 * for bit: odd and even counts, ties, -0.0 against 0.0, subnormal and huge values, missing cells
 * and rows without a target left out, over several partitions.
 */
class ExactMediansTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "64");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void equalsTheSortedMedianOfTheTrainingRows(@TempDir Path dir) throws IOException {
        Random random = new Random(3);
        double[][] pools = {
            {-0.0, 0.0, -0.0, 0.0, 0.0, -0.0},
            {Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE, 1e300, -1e300, 2.5},
            {1, 1, 1, 2, 2, 7, 7, 7, 7},
        };
        for (int trial = 0; trial < 6; trial++) {
            int rows = 7 + random.nextInt(400);
            StringBuilder csv = new StringBuilder("v,t\n");
            List<Double> kept = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                double v = trial < 3 ? pools[trial][random.nextInt(pools[trial].length)]
                        : random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
                boolean missing = random.nextInt(9) == 0;
                boolean noTarget = random.nextInt(11) == 0;
                csv.append(missing ? "NA" : Double.toString(v)).append(',').append(noTarget ? "" : "1").append('\n');
                if (!missing && !noTarget) {
                    kept.add(v);
                }
            }
            Path file = dir.resolve("m" + trial + ".csv");
            Files.writeString(file, csv);
            try (SparkTable table = SparkTableReader.read(spark, file.toString(),
                    new ColumnarReadOptions(null, java.util.Set.of(), MissingValues.defaults()))) {
                assertTrue(table.parts().getNumPartitions() >= 2, "several partitions");
                Double median = ExactMedians.of(table.parts(), "t", null, List.of("v"), new long[] {kept.size()})[0];
                double[] sorted = kept.stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.sort(sorted);
                int n = sorted.length;
                double expected = NumericEncoder.median(sorted[(n - 1) / 2], sorted[n / 2], n);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(median),
                        "trial " + trial + ": " + expected + " vs " + median);
            }
        }
    }

    @Test
    void aColumnWithoutValuesHasNoMedian(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "v,t\nNA,1\nNA,2\n");
        try (SparkTable table = SparkTableReader.read(spark, file.toString(),
                new ColumnarReadOptions(null, java.util.Set.of(), MissingValues.defaults()))) {
            assertNull(ExactMedians.of(table.parts(), "t", null, List.of("v"), new long[] {0})[0]);
        }
    }
}
