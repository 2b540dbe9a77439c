package org.backprop.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonParser;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.backprop.cli.Main;
import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.layer.DenseSpec;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizers;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.spark.SparkSessions;
import org.backprop.spark.TestRows;
import org.backprop.spark.train.FitResult;
import org.backprop.spark.train.SparkTrainConfig;
import org.backprop.spark.train.SparkTrainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regressor as a Spark ML stage: the target standardized as {@code backprop train} does, a
 * pipeline that saves and loads with the model file inside, and tuning over its params.
 */
class BackpropRegressorTest {
    private static final int FEATURES = 4;
    private static final String[] NAMES = TestRows.featureNames(FEATURES);
    private static SparkSession spark;
    /** A target far from mean 0 and std 1, so that training on it raw would fail. */
    private static TestRows train;
    private static TestRows test;
    private static VectorAssembler assembler;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
        train = TestRows.generate(320, FEATURES, 8).withTarget(300, 80);
        test = TestRows.generate(160, FEATURES, 9).withTarget(300, 80);
        assembler = new VectorAssembler().setInputCols(NAMES).setOutputCol("features");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static BackpropRegressor regressor() {
        return new BackpropRegressor().setLabelCol("y").setLayers(12).setActivation("tanh").setOptimizer("adam")
                .setLearningRate(0.01).setEpochs(12).setBatchSize(40).setSeed(5);
    }

    /** The regressor's test R² equals backprop train's on the same data and settings (P = 1). */
    @Test
    void standardizesTheTargetAsBackpropTrainDoes(@TempDir Path dir) throws Exception {
        Path trainCsv = dir.resolve("train.csv");
        Path testCsv = dir.resolve("test.csv");
        train.writeCsv(trainCsv);
        test.writeCsv(testCsv);
        Path metrics = dir.resolve("metrics.json");
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(out), "train", "--data", trainCsv.toString(),
                "--test", testCsv.toString(), "--target", "y", "--task", "regression", "--layers", "12",
                "--activation", "tanh", "--optimizer", "adam", "--lr", "0.01", "--epochs", "12", "--batch-size", "40",
                "--seed", "5", "--out", dir.resolve("cli.safetensors").toString(), "--metrics-json", metrics.toString());
        assertEquals(0, code, out.toString());
        double cliR2 = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject().getAsJsonObject("test")
                .get("r2").getAsDouble();

        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, regressor()})
                .fit(train.toDataset(spark));
        double sparkR2 = new RegressionEvaluator().setLabelCol("y").setMetricName("r2")
                .evaluate(pipeline.transform(test.toDataset(spark)));
        assertTrue(cliR2 > 0.7, "backprop train's test R² " + cliR2);
        assertEquals(cliR2, sparkR2, 1e-3, "test R² of backprop train and of the Spark regressor");

        BackpropRegressionModel model = (BackpropRegressionModel) pipeline.stages()[1];
        assertEquals(List.of(NAMES), model.model().features(), "names from the assembler's metadata");
        assertEquals(12, model.epochLosses().size());
    }

    /** With P = 2 the stage trains exactly what SparkTrainer.fit trains, and transform predicts with it. */
    @Test
    void theStageEqualsThePlainTrainerAndPredictsWithIt() {
        Dataset<Row> rows = train.toDataset(spark);
        BackpropRegressor regressor = regressor().setPartitions(2).setEpochs(2).setOptimizer("sgd");
        BackpropRegressionModel model = regressor.fit(assembler.transform(rows));

        NetworkSpec spec = NeuralNetwork.builder(FEATURES).dense(12, "tanh").dense(1, "linear").spec();
        SparkTrainConfig config = SparkTrainConfig.builder().featuresVector("features").label("y").partitions(2)
                .globalBatchSize(40).epochs(2).seed(5).standardizeTarget(true).build();
        FitResult direct = SparkTrainer.fit(assembler.transform(rows), spec,
                Optimizers.create("sgd", LearningRates.of(0.01)), config);
        assertArrayEquals(direct.parameters(), model.model().network().parameters().values());
        assertEquals(direct.epochLosses(), model.epochLosses());

        List<Row> scored = model.transform(assembler.transform(rows)).select("prediction").collectAsList();
        double[] expected = model.model().predictValues(new DoubleTable(train.x().toArray(), train.x().rows(),
                FEATURES, model.model().features()));
        for (int i = 0; i < scored.size(); i++) {
            assertEquals(expected[i], scored.get(i).getDouble(0), 0.0, "row " + i);
        }
    }

    /** weightCol is the plain trainer's weight column: the stage trains exactly what SparkTrainer.fit trains with it. */
    @Test
    void theWeightColumnParamWeighsTheLossAsThePlainTrainer() {
        double[] w = new double[train.x().rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 3;
        }
        Dataset<Row> rows = assembler.transform(train.toDataset(spark, w));
        BackpropRegressionModel model = regressor().setPartitions(2).setEpochs(2).setOptimizer("sgd").setWeightCol("w")
                .fit(rows);
        SparkTrainConfig config = SparkTrainConfig.builder().featuresVector("features").label("y").weightColumn("w")
                .partitions(2).globalBatchSize(40).epochs(2).seed(5).standardizeTarget(true).build();
        FitResult direct = SparkTrainer.fit(rows, NeuralNetwork.builder(FEATURES).dense(12, "tanh").dense(1, "linear")
                .spec(), Optimizers.create("sgd", LearningRates.of(0.01)), config);
        assertArrayEquals(direct.parameters(), model.model().network().parameters().values());
        FitResult unweighted = SparkTrainer.fit(rows, NeuralNetwork.builder(FEATURES).dense(12, "tanh")
                .dense(1, "linear").spec(), Optimizers.create("sgd", LearningRates.of(0.01)),
                config.toBuilder().weightColumn(null).build());
        assertTrue(!java.util.Arrays.equals(unweighted.parameters(), direct.parameters()), "the weights count");
    }

    /**
     * PipelineModel and Pipeline save and load; the saved stage holds the project's model file,
     * named after the original columns, which backprop evaluate uses on the original CSV.
     */
    @Test
    void pipelinesSaveAndLoadWithTheModelFileInside(@TempDir Path dir) throws Exception {
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, regressor().setEpochs(2)});
        PipelineModel fitted = pipeline.fit(train.toDataset(spark));
        String saved = dir.resolve("pipeline-model").toString();
        fitted.write().save(saved);
        PipelineModel loaded = PipelineModel.load(saved);
        Dataset<Row> rows = test.toDataset(spark);
        List<Row> before = fitted.transform(rows).select("prediction").collectAsList();
        List<Row> after = loaded.transform(rows).select("prediction").collectAsList();
        assertEquals(before, after);
        BackpropRegressionModel stage = (BackpropRegressionModel) loaded.stages()[1];
        assertEquals(fitted.stages()[1].uid(), stage.uid());
        assertEquals(2, stage.epochLosses().size());

        Path file = Path.of(saved, "stages", "1_" + stage.uid(), "data", "model.safetensors");
        try (Model io = ModelFile.load(file)) {
            assertEquals(List.of(NAMES), io.features());
            assertEquals("y", io.target());
            double[] predicted = io.predictValues(new DoubleTable(test.x().toArray(), test.x().rows(), FEATURES,
                    io.features()));
            for (int i = 0; i < predicted.length; i++) {
                assertEquals(before.get(i).getDouble(0), predicted[i], 0.0, "row " + i);
            }
        }
        Path csv = dir.resolve("test.csv");
        test.writeCsv(csv);
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(out), "evaluate", "--model", file.toString(),
                "--data", csv.toString()), out.toString());

        String unfitted = dir.resolve("pipeline").toString();
        pipeline.write().save(unfitted);
        BackpropRegressor reloaded = (BackpropRegressor) Pipeline.load(unfitted).getStages()[1];
        assertEquals(0.01, reloaded.effectiveLearningRate());
        assertArrayEquals(new int[] {12}, reloaded.getLayers());
        assertEquals("tanh", reloaded.getActivation());
        assertEquals(2, reloaded.getEpochs());
    }

    /** A 2×1 grid (learning rate × layers) tuned by TrainValidationSplit; the tuned model saves and loads. */
    @Test
    void trainValidationSplitTunesTheParams(@TempDir Path dir) throws Exception {
        BackpropRegressor regressor = regressor().setEpochs(3).setBatchSize(80).setPartitions(2);
        ParamMap[] grid = new ParamGridBuilder().addGrid(regressor.learningRate(), new double[] {1e-4, 0.03})
                .addGrid(regressor.layers(), scala.jdk.javaapi.CollectionConverters.asScala(
                        List.<int[]>of(new int[] {8})))
                .build();
        assertEquals(2, grid.length);
        TrainValidationSplitModel tuned = new TrainValidationSplit().setEstimator(regressor)
                .setEvaluator(new RegressionEvaluator().setLabelCol("y")).setEstimatorParamMaps(grid)
                .setTrainRatio(0.75).setSeed(1).fit(assembler.transform(train.toDataset(spark)));
        double[] rmse = tuned.validationMetrics();
        assertEquals(2, rmse.length);
        assertTrue(rmse[1] < rmse[0], "0.03 learns more in 3 epochs than 1e-4: " + java.util.Arrays.toString(rmse));
        BackpropRegressionModel best = (BackpropRegressionModel) tuned.bestModel();
        assertEquals(8, ((DenseSpec) best.model().spec().layers().get(0)).units());

        String saved = dir.resolve("tuned").toString();
        tuned.write().save(saved);
        TrainValidationSplitModel loaded = TrainValidationSplitModel.load(saved);
        assertArrayEquals(best.model().network().parameters().values(),
                ((BackpropRegressionModel) loaded.bestModel()).model().network().parameters().values());
    }

    @Test
    void badSettingsAndSchemasAreRefusedBeforeTraining() {
        Dataset<Row> rows = train.toDataset(spark);
        String message = assertThrows(IllegalArgumentException.class, () -> regressor().fit(rows)).getMessage();
        assertTrue(message.contains("no column 'features'"), message);
        assertThrows(IllegalArgumentException.class, () -> regressor().setActivation("nope"));
        assertThrows(IllegalArgumentException.class, () -> regressor().setOptimizer("nope"));
        assertThrows(IllegalArgumentException.class, () -> regressor().setEpochs(0));
        message = assertThrows(IllegalArgumentException.class,
                () -> regressor().setLayers(4, 0).fit(assembler.transform(rows))).getMessage();
        assertTrue(message.contains("layers"), message);
    }
}
