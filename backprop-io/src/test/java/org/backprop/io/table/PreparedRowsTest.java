package org.backprop.io.table;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.backprop.io.DataException;
import org.backprop.io.DoubleTable;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.preprocess.Split;
import org.backprop.io.preprocess.Splits;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelMetadata;
import org.backprop.tensor.Matrix;
import org.backprop.train.AllocationMeter;
import org.backprop.train.RowSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TabularTraining#prepare} holds the training and validation rows once, as the table's input
 * columns: encoded and standardized when read (the values of encoding, then scaling a copy, bit for
 * bit, and a fit on them equal to the fit on the matrix), the other columns' cells released; and a
 * validation value that overflows when standardized names its file line.
 */
class PreparedRowsTest {
    @TempDir
    Path dir;

    private static ColumnarTable read(Path csv, String target, TabularOptions options) throws IOException {
        return ColumnarCsvReader.read(csv, TabularTraining.readOptions(target, options));
    }

    /** The rows of {@code rows}, read one block at a time as the evaluator does, as one array. */
    private static double[] read(EncodedRows rows) {
        Matrix all = Matrix.zeros(rows.rows(), rows.cols());
        Matrix scratch = Matrix.zeros(7, rows.cols());
        for (int from = 0; from < rows.rows(); from += 7) {
            int to = Math.min(from + 7, rows.rows());
            all.rowRange(from, to).copyFrom(rows.rowBlock(from, to, scratch));
        }
        return all.toArray();
    }

    @Test
    void rowsAreEncodedAndStandardizedWhenReadAndOnlyTheInputColumnsAreKept() throws IOException {
        Path csv = TabularTest.houses(dir, 300);
        TabularOptions options = TabularOptions.defaults().withValidationSplit(0.2).withSeed(4);
        ColumnarTable table = read(csv, "price", options);
        TabularTraining.Prepared prepared = TabularTraining.prepare(table, "price", options);

        ColumnarTable fresh = read(csv, "price", options);
        int[] trainRows = prepared.trainRows().tableRows(0, prepared.trainRows().size());
        int[] validationRows = prepared.validationRows().tableRows(0, prepared.validationRows().size());
        Split expectedSplit = Splits.random(300, 0.8, 0.2, 4);
        assertArrayEquals(expectedSplit.train(), trainRows, "the same rows as Splits.random, without a list of them");
        assertArrayEquals(expectedSplit.validation(), validationRows);
        DoubleTable train = prepared.preprocessor().encode(fresh, trainRows, new EncodeWarnings());
        DoubleTable validation = prepared.preprocessor().encode(fresh, validationRows, new EncodeWarnings());
        StandardScaler scaler = StandardScaler.fit(train);
        assertArrayEquals(scaler.mean(), prepared.featureScaler().mean(), "the blockwise fit equals the whole fit");
        assertArrayEquals(scaler.scale(), prepared.featureScaler().scale());
        assertArrayEquals(scaler.transform(train.data()), read(prepared.train().inputs()));
        assertArrayEquals(scaler.transform(validation.data()), read(prepared.validation().inputs()));
        int[] order = {5, 0, 239, 5};
        Matrix batch = Matrix.zeros(6, prepared.preprocessor().width());
        prepared.train().inputs().gatherRows(order, 1, 4, batch, 2);
        Matrix all = Matrix.wrap(240, batch.cols(), scaler.transform(train.data()));
        Matrix expected = Matrix.zeros(6, batch.cols());
        all.gatherRows(order, 1, 4, expected, 2);
        assertArrayEquals(expected.toArray(), batch.toArray(), "a batch gathered from the table");
        assertEquals(240, prepared.train().size());
        assertEquals(60, prepared.validation().size());

        IllegalStateException released = assertThrows(IllegalStateException.class,
                () -> table.column("price").number(0));
        assertTrue(released.getMessage().contains("released"), released.getMessage());
        assertEquals(fresh.column("area").number(7), table.column("area").number(7), "input columns are the data");
        assertEquals(5, table.line(3), "lines stay for messages");
    }

    @Test
    void trainingOnRowsEncodedWhenReadEqualsTrainingOnTheMatrixBitForBit() throws IOException {
        Path csv = TabularTest.houses(dir, 300);
        TabularOptions options = TabularOptions.defaults().withValidationSplit(0.2).withSeed(4).withEpochs(3)
                .withBatchSize(16);
        TabularTraining.Prepared prepared = TabularTraining.prepare(read(csv, "price", options), "price", options);
        double[][] parameters = new double[2][];
        for (int run = 0; run < 2; run++) {
            boolean matrices = run == 1;
            try (Model model = TabularTraining.model(prepared, "mse", true, TabularTraining.denseNetworks(options),
                    new ModelMetadata("{}", 4, "", "test"))) {
                TabularTraining.fit(model, prepared, (net, x, y, xv, yv) -> TabularTraining.fitLocally(net,
                        TabularTraining.optimizer(options, 3, x.rows()), matrices ? RowSource.of(Matrix.wrap(x.rows(), x.cols(),
                                read((EncodedRows) x))) : x, y,
                        matrices ? RowSource.of(Matrix.wrap(xv.rows(), xv.cols(), read((EncodedRows) xv))) : xv, yv,
                        options.seed(), 3, options.batchSize(), 0, null));
                parameters[run] = model.network().parameters().values().clone();
            }
        }
        assertArrayEquals(parameters[1], parameters[0]);
    }

    @Test
    void prepareAllocatesAFewWordsPerRowAndNoInputMatrix() throws IOException {
        int n = 200_000;
        int features = 7;
        Path csv = dir.resolve("wide.csv");
        SplittableRandom random = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(csv, UTF_8)) {
            w.write("a,b,c,d,e,f,g,y\n");
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < features; c++) {
                    w.write(Double.toString(Math.round(random.nextDouble() * 1e6) / 1e3));
                    w.write(',');
                }
                w.write(Double.toString(random.nextDouble()));
                w.write('\n');
            }
        }
        TabularOptions options = TabularOptions.defaults().withValidationSplit(0.1);
        ColumnarTable table = read(csv, "y", options);
        TabularTraining.prepare(read(csv, "y", options), "y", options);  // warm-up: classes loaded, code compiled
        AllocationMeter meter = AllocationMeter.allLiveThreads();
        assertNotNull(meter, "this JVM cannot measure allocation");
        long before = meter.sample();
        TabularTraining.Prepared prepared = TabularTraining.prepare(table, "y", options);
        long bytes = meter.sample() - before;
        long inputs = (long) n * features * Double.BYTES;
        // no input matrix, no copy of a column to find its median (RankSelection), no list of the
        // training rows: the targets, the validation rows' list, the split's ranks and the blocks'
        // row numbers (a few words per row; 51 bytes a row when this was written), no object per row
        long bound = (long) n * 64 + (1 << 20);
        assertTrue(bytes <= bound, "prepare allocated " + bytes + " bytes for inputs of " + inputs + " bytes (bound "
                + bound + ")");
        assertEquals(n, prepared.train().size() + prepared.validation().size());
    }

    @Test
    void aValidationValueThatOverflowsWhenStandardizedNamesItsLine() throws IOException {
        int n = 40;
        long seed = 0;
        Split split = Splits.random(n, 0.75, 0.25, seed);
        int bad = split.validation()[0];
        StringBuilder csv = new StringBuilder("tiny,y\n");
        for (int i = 0; i < n; i++) {
            csv.append(i == bad ? "1e20" : i % 2 == 0 ? "1e-301" : "2e-301").append(',').append(i * 0.5).append('\n');
        }
        Path file = Files.writeString(dir.resolve("tiny.csv"), csv.toString());
        TabularOptions options = TabularOptions.defaults().withValidationSplit(0.25).withSeed(seed);
        ColumnarTable table = read(file, "y", options);
        DataException e = assertThrows(DataException.class, () -> TabularTraining.prepare(table, "y", options));
        assertTrue(e.getMessage().contains("tiny.csv, line " + (bad + 2) + ", column 1 \"tiny\": value overflows "
                + "when standardized"), e.getMessage());
        assertTrue(e.getMessage().contains("1.0E20"), e.getMessage());
    }

    @Test
    void aStratifiedSplitWithRowsLeftOutHoldsOutTheRowsOfSplitsStratified() throws IOException {
        SplittableRandom random = new SplittableRandom(21);
        StringBuilder csv = new StringBuilder("x,label\n");
        int n = 500;
        String[] cells = new String[n];
        for (int i = 0; i < n; i++) {
            cells[i] = random.nextInt(9) == 0 ? "" : new String[] {"b", "a", "c", "a"}[random.nextInt(4)];
            csv.append(random.nextDouble()).append(',').append(cells[i]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("labels.csv"), csv.toString());
        long seed = 8;
        TabularOptions options = TabularOptions.defaults().withValidationSplit(0.3).withSeed(seed)
                .withDropMissingTarget(true);
        TabularTraining.Prepared prepared = TabularTraining.prepare(read(file, "label", options), "label", options);

        int[] present = java.util.stream.IntStream.range(0, n).filter(r -> !cells[r].isEmpty()).toArray();
        String[] labels = java.util.Arrays.stream(present).mapToObj(r -> cells[r]).toArray(String[]::new);
        Split expected = Splits.stratified(org.backprop.io.preprocess.LabelEncoder.fit(labels).encode(labels), 0.7, 0.3,
                seed);
        int[] train = java.util.Arrays.stream(expected.train()).map(i -> present[i]).toArray();
        int[] validation = java.util.Arrays.stream(expected.validation()).map(i -> present[i]).toArray();
        assertArrayEquals(train, prepared.trainRows().tableRows(0, prepared.trainRows().size()));
        assertArrayEquals(validation, prepared.validationRows().tableRows(0, prepared.validationRows().size()));
        assertEquals(cells[validation[3]], prepared.validation().label(3), "labels are read by table row");
    }
}
