package org.backprop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.optim.Adam;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three well-separated blobs in 2-D, labelled by strings or by integers. */
class BackpropClassifierTest {
    private static final NetworkSpec HIDDEN = NetworkSpec.builder(2).dense(8, "tanh").build();
    private static final String[] NAMES = {"beta", "alpha", "gamma"};
    private static final long[] CODES = {10, -2, 7};
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void stringLabelsArePredictedWithProbabilitiesAndSavedAsModelFile(@TempDir Path dir) throws Exception {
        Dataset<Row> rows = blobs(DataTypes.StringType);
        BackpropClassificationModel model = classifier().fit(rows);
        assertEquals(List.of("alpha", "beta", "gamma"), model.classes());
        List<Row> scored = model.transform(rows).select("label", "prediction", "probability", "features").collectAsList();
        assertAccurate(scored);

        Path file = dir.resolve("blobs.safetensors");
        model.saveModelFile(file);
        try (Model io = ModelFile.load(file)) {
            assertEquals(model.classes(), io.labels().classes());
            Vector first = (Vector) scored.get(0).get(3);
            Matrix p = io.predictProbabilities(new DoubleTable(first.toArray(), 1, 2, io.features()));
            assertArrayEquals(((Vector) scored.get(0).get(2)).toArray(), p.toArray());
        }
        assertEquals(model.classes(), BackpropClassificationModel.loadModelFile(file).classes());
    }

    @Test
    void integerLabelsAreOrderedByValueAndPredictedAsLongs() {
        Dataset<Row> rows = blobs(DataTypes.IntegerType);
        BackpropClassificationModel model = classifier().fit(rows);
        assertEquals(List.of("-2", "7", "10"), model.classes());
        List<Row> scored = model.transform(rows).select("label", "prediction", "probability").collectAsList();
        long right = scored.stream().filter(r -> ((Number) r.get(0)).longValue() == r.getLong(1)).count();
        assertTrue(right > 0.9 * scored.size(), right + " of " + scored.size());
    }

    @Test
    void aSingleClassOrAWrongLabelTypeIsRefused() {
        Dataset<Row> rows = blobs(DataTypes.StringType);
        assertThrows(IllegalArgumentException.class, () -> classifier().fit(rows.filter("label = 'alpha'")));
        String message = assertThrows(IllegalArgumentException.class,
                () -> classifier().setLabelCol("x").fit(rows.withColumn("x", rows.col("features")))).getMessage();
        assertTrue(message.contains("strings or integers"), message);
    }

    private static BackpropClassifier classifier() {
        return new BackpropClassifier(HIDDEN, () -> new Adam(0.05)).setPartitions(2).setGlobalBatchSize(32)
                .setEpochs(15).setSeed(3);
    }

    private static void assertAccurate(List<Row> scored) {
        int right = 0;
        for (Row r : scored) {
            right += r.getString(0).equals(r.getString(1)) ? 1 : 0;
            double sum = 0;
            for (double p : ((Vector) r.get(2)).toArray()) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-12);
        }
        assertTrue(right > 0.9 * scored.size(), right + " of " + scored.size());
    }

    private static Dataset<Row> blobs(DataType labelType) {
        RandomSource r = new SeedStreams(5).stream("blobs");
        double[][] centres = {{2, 0}, {-2, 1}, {0, -2}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int c = i % 3;
            Vector x = Vectors.dense(centres[c][0] + 0.5 * r.nextGaussian(), centres[c][1] + 0.5 * r.nextGaussian());
            rows.add(RowFactory.create(x, labelType == DataTypes.StringType ? NAMES[c] : (Object) (int) CODES[c]));
        }
        StructType schema = new StructType().add("features", new VectorUDT(), false).add("label", labelType, false);
        return spark.createDataFrame(rows, schema);
    }
}
