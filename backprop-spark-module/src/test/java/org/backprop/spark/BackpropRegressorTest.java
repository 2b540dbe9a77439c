package org.backprop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.optim.Sgd;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackpropRegressorTest {
    private static final int FEATURES = 4;
    private static final NetworkSpec SPEC = NetworkSpec.builder(FEATURES).dense(6, "relu").dense(1, "linear").build();
    private static SparkSession spark;
    private static TestRows data;
    private static Dataset<Row> rows;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
        data = TestRows.generate(150, FEATURES, 8);
        rows = data.toDataset(spark);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void fitsInsideAPipelineAndAddsPredictions(@TempDir Path dir) throws Exception {
        VectorAssembler assembler = new VectorAssembler().setInputCols(TestRows.featureNames(FEATURES))
                .setOutputCol("features");
        BackpropRegressor regressor = new BackpropRegressor(SPEC, () -> new Sgd(0.1)).setLabelCol("y")
                .setPartitions(2).setGlobalBatchSize(30).setEpochs(3).setSeed(4);
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, regressor}).fit(rows);
        BackpropRegressionModel model = (BackpropRegressionModel) pipeline.stages()[1];

        // the same fit through the plain API
        FitResult direct = SparkTrainer.fit(assembler.transform(rows), SPEC, new Sgd(0.1), regressor.config());
        assertArrayEquals(direct.model().parameters(), model.network().parameters());
        assertEquals(direct.epochLosses(), model.epochLosses());

        List<Row> scored = pipeline.transform(rows).select("prediction").collectAsList();
        Matrix expected = model.network().predict(data.x());
        assertEquals(data.x().rows(), scored.size());
        for (int i = 0; i < scored.size(); i++) {
            assertEquals(expected.get(i, 0), scored.get(i).getDouble(0), 0.0, "row " + i);
        }
        assertTrue(SparkTrainerTest.mse(model.network(), data) < 1.0);
        savesAndLoadsTheModelFile(model, expected, dir.resolve("m.safetensors"));
    }

    /**
     * A model file whose target is standardized (as {@code backprop train} writes by default) loads
     * into the Spark model, which then predicts in target units exactly as {@code backprop predict}.
     */
    @Test
    void loadsAModelFileWithAStandardizedTarget(@TempDir Path dir) throws Exception {
        VectorAssembler assembler = new VectorAssembler().setInputCols(TestRows.featureNames(FEATURES))
                .setOutputCol("features");
        TrainedNetwork fitted = SparkTrainer.fit(assembler.transform(rows), SPEC, new Sgd(0.1),
                new BackpropRegressor(SPEC, () -> new Sgd(0.1)).setLabelCol("y").setEpochs(2).config()).model();
        TrainedNetwork withTarget = new TrainedNetwork(fitted.spec(), fitted.parameters(), fitted.standardizer(),
                fitted.featureNames(), fitted.labelNames(), StandardScaler.of(new double[] {10}, new double[] {3}));
        Path file = dir.resolve("standardized-target.safetensors");
        ModelFiles.save(file, withTarget, "y", null, null, 4L);

        BackpropRegressionModel loaded = BackpropRegressionModel.loadModelFile(file);
        List<Row> scored = loaded.transform(assembler.transform(rows)).select("prediction").collectAsList();
        Matrix raw = fitted.predict(data.x());
        try (Model io = ModelFile.load(file)) {
            double[] expected = io.predictValues(new DoubleTable(data.x().toArray(), data.x().rows(), FEATURES,
                    io.features()));
            for (int i = 0; i < scored.size(); i++) {
                assertEquals(expected[i], scored.get(i).getDouble(0), 0.0, "row " + i);
                assertEquals(10 + 3 * raw.get(i, 0), scored.get(i).getDouble(0), 1e-12, "row " + i);
            }
        }
    }

    /** The model file holds the same network: the io Model predicts the same, and it loads back. */
    private static void savesAndLoadsTheModelFile(BackpropRegressionModel model, Matrix expected, Path file)
            throws Exception {
        model.saveModelFile(file);
        try (Model io = ModelFile.load(file)) {
            assertEquals(model.network().featureNames(), io.features());
            assertEquals("y", io.target());
            double[] predicted = io.predictValues(new DoubleTable(data.x().toArray(), data.x().rows(), FEATURES,
                    io.features()));
            assertArrayEquals(expected.toArray(), predicted);
        }
        BackpropRegressionModel loaded = BackpropRegressionModel.loadModelFile(file);
        assertArrayEquals(model.network().parameters(), loaded.network().parameters());
        assertArrayEquals(model.network().standardizer().mean(), loaded.network().standardizer().mean());
    }

    @Test
    void schemaIsCheckedBeforeFitting() {
        BackpropRegressor regressor = new BackpropRegressor(SPEC, () -> new Sgd(0.1)).setLabelCol("y");
        String message = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> regressor.fit(rows)).getMessage();
        assertTrue(message.contains("no column 'features'"), message);
    }
}
