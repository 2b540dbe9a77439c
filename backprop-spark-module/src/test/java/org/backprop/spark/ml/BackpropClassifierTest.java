package org.backprop.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.spark.SparkSessions;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Well-separated blobs in 2-D, labelled by strings or by class indices, through MLlib's tools. */
class BackpropClassifierTest {
    private static final String[] NAMES = {"beta", "alpha", "gamma"};
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static BackpropClassifier classifier() {
        return new BackpropClassifier().setLayers(8).setActivation("tanh").setOptimizer("adam").setLearningRate(0.05)
                .setPartitions(2).setBatchSize(32).setEpochs(10).setSeed(3);
    }

    /**
     * StringIndexer's double labels train the classifier; MLlib's evaluator scores its double
     * predictions; the labels stay in the model and in the prediction's metadata (IndexToString).
     */
    @Test
    void stringIndexerLabelsAndTheMulticlassEvaluator() {
        Dataset<Row> rows = blobs(3, DataTypes.StringType);
        StringIndexer indexer = new StringIndexer().setInputCol("label").setOutputCol("indexed")
                .setStringOrderType("alphabetDesc");
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {indexer,
                classifier().setLabelCol("indexed")}).fit(rows);
        BackpropClassificationModel model = (BackpropClassificationModel) pipeline.stages()[1];
        assertEquals(List.of("gamma", "beta", "alpha"), model.classes(), "the indexer's labels in index order");

        Dataset<Row> scored = pipeline.transform(rows);
        assertEquals(DataTypes.DoubleType, scored.schema().apply("prediction").dataType());
        Attribute attribute = Attribute.fromStructField(scored.schema().apply("prediction"));
        assertEquals(List.of("gamma", "beta", "alpha"),
                List.of(((NominalAttribute) attribute).values().get()));
        double accuracy = new MulticlassClassificationEvaluator().setLabelCol("indexed").setMetricName("accuracy")
                .evaluate(scored);
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);

        List<Row> back = new IndexToString().setInputCol("prediction").setOutputCol("predictedLabel")
                .transform(scored).select("label", "predictedLabel").collectAsList();
        long right = back.stream().filter(r -> r.getString(0).equals(r.getString(1))).count();
        assertEquals(Math.round(accuracy * back.size()), right);
    }

    /** Two classes: rawPrediction ranks rows as probability 1 does, so the AUC evaluator works. */
    @Test
    void binaryEvaluatorReadsRawPrediction() {
        Dataset<Row> rows = blobs(2, DataTypes.DoubleType);
        Dataset<Row> scored = classifier().fit(rows).transform(rows);
        double auc = new BinaryClassificationEvaluator().evaluate(scored);
        double aucOfProbabilities = new BinaryClassificationEvaluator().setRawPredictionCol("probability")
                .evaluate(scored);
        assertTrue(auc > 0.95, "AUC " + auc);
        assertEquals(aucOfProbabilities, auc, 1e-12);
        for (Row r : scored.select("rawPrediction", "probability").collectAsList()) {
            double[] raw = ((Vector) r.get(0)).toArray();
            double[] p = ((Vector) r.get(1)).toArray();
            for (int j = 0; j < p.length; j++) {
                assertEquals(Math.log(p[j]), raw[j], 1e-9);
            }
        }
    }

    /**
     * A string label column is indexed as backprop train orders labels; the model saves as a
     * directory (and as a model file) with the labels, and loads back.
     */
    @Test
    void stringLabelsSaveAndLoad(@TempDir Path dir) throws Exception {
        Dataset<Row> rows = blobs(3, DataTypes.StringType);
        BackpropClassificationModel model = classifier().fit(rows);
        assertEquals(List.of("alpha", "beta", "gamma"), model.classes());
        List<Row> scored = model.transform(rows).select("label", "prediction", "probability", "features")
                .collectAsList();
        long right = scored.stream().filter(r -> r.getString(0).equals(model.classes().get((int) r.getDouble(1))))
                .count();
        assertTrue(right > 0.9 * scored.size(), right + " of " + scored.size());

        String saved = dir.resolve("classifier").toString();
        model.write().save(saved);
        BackpropClassificationModel loaded = BackpropClassificationModel.load(saved);
        assertEquals(model.classes(), loaded.classes());
        assertEquals(model.uid(), loaded.uid());
        assertEquals(model.transform(rows).select("probability").collectAsList(),
                loaded.transform(rows).select("probability").collectAsList());
        try (Model io = ModelFile.load(Path.of(saved, "data", "model.safetensors"))) {
            assertEquals(model.classes(), io.labels().classes());
            Vector first = (Vector) scored.get(0).get(3);
            Matrix p = io.predictProbabilities(new DoubleTable(first.toArray(), 1, 2, io.features()));
            assertArrayEquals(((Vector) scored.get(0).get(2)).toArray(), p.toArray());
        }
    }

    @Test
    void labelsThatAreNotClassIndicesAreRefused() {
        Dataset<Row> rows = blobs(3, DataTypes.DoubleType);
        String message = assertThrows(IllegalArgumentException.class,
                () -> classifier().fit(rows.withColumn("label", rows.col("label").minus(1)))).getMessage();
        assertTrue(message.contains("class index") && message.contains("-1.0"), message);
        assertThrows(IllegalArgumentException.class, () -> classifier().fit(rows.filter("label = 0")));
        message = assertThrows(IllegalArgumentException.class,
                () -> classifier().setLabelCol("x").fit(rows.withColumn("x", rows.col("features")))).getMessage();
        assertTrue(message.contains("class indices"), message);
    }

    /**
     * classWeight is a param (listed, tunable in a grid, saved and loaded with the estimator) and
     * weighs each row as a weight column holding the class weight does, bit for bit, also times a
     * weightCol; malformed values and unknown classes are refused.
     */
    @Test
    void classWeightIsAParamThatWeighsRowsAsAWeightColumnDoes(@TempDir Path dir) throws Exception {
        Dataset<Row> rows = blobs(3, DataTypes.StringType).withColumn("u", functions.lit(0.5));
        Dataset<Row> weighted = rows.withColumn("w", functions.when(functions.col("label").equalTo("alpha"), 1.5)
                .when(functions.col("label").equalTo("gamma"), 0.25).otherwise(0.5));
        BackpropClassifier byClass = classifier().setClassWeight("alpha=3, gamma=0.5").setWeightCol("u");
        List<Row> expected = classifier().setWeightCol("w").fit(weighted).transform(rows).select("probability")
                .collectAsList();
        assertEquals(expected, byClass.fit(rows).transform(rows).select("probability").collectAsList());
        assertNotEquals(expected, classifier().fit(rows).transform(rows).select("probability").collectAsList());

        assertTrue(java.util.Arrays.asList(byClass.params()).contains(byClass.classWeight()));
        assertEquals(2, new ParamGridBuilder().addGrid(byClass.classWeight(),
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("balanced", "alpha=2")))
                .build().length);
        String saved = dir.resolve("estimator").toString();
        byClass.write().save(saved);
        assertEquals("alpha=3, gamma=0.5", BackpropClassifier.load(saved).getClassWeight());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> classifier().setClassWeight("alpha=x"))
                .getMessage().contains("not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> classifier().setClassWeight("nope=2").fit(rows))
                .getMessage().contains("no class \"nope\""));
    }

    /** {@code classes} blobs of 40 rows each, labelled by name (strings) or by index (doubles). */
    private static Dataset<Row> blobs(int classes, DataType labelType) {
        RandomSource r = new SeedStreams(5).stream("blobs");
        double[][] centres = {{2, 0}, {-2, 1}, {0, -2}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40 * classes; i++) {
            int c = i % classes;
            Vector x = Vectors.dense(centres[c][0] + 0.5 * r.nextGaussian(), centres[c][1] + 0.5 * r.nextGaussian());
            rows.add(RowFactory.create(x, labelType == DataTypes.StringType ? NAMES[c] : (Object) (double) c));
        }
        StructType schema = new StructType().add("features", new VectorUDT(), false).add("label", labelType, false);
        return spark.createDataFrame(rows, schema);
    }
}
