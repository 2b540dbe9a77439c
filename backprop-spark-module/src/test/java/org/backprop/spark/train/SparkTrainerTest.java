package org.backprop.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.ParamKind;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Sgd;
import org.backprop.network.NetworkSpec;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.spark.SparkSessions;
import org.backprop.spark.TestRows;
import org.backprop.tensor.Matrix;
import org.backprop.train.EpochRecord;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkTrainerTest {
    private static final int ROWS = 203;
    private static final int FEATURES = 5;
    private static final long SEED = 7;
    private static final NetworkSpec SPEC = NeuralNetwork.builder(FEATURES).dense(8, "relu").dense(1, "linear").spec();
    private static SparkSession spark;
    private static TestRows data;
    private static Dataset<Row> rows;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
        data = TestRows.generate(ROWS, FEATURES, 3);
        rows = data.toDataset(spark);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SparkTrainConfig.Builder config(int partitions, int batch, int epochs) {
        return SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES)).label("y")
                .partitions(partitions).globalBatchSize(batch).epochs(epochs).seed(SEED).standardize(false);
    }

    private static Sgd seedRuleSgd() {
        return new Sgd(LearningRates.of(0.05).with(ParamKind.BIAS, 0.01));
    }

    @Test
    void onePartitionIsBitIdenticalToTheLocalTrainer() {
        FitResult spark1 = SparkTrainer.fit(rows, SPEC, seedRuleSgd(), config(1, 32, 4).build());

        try (NeuralNetwork local = NeuralNetwork.builder(FEATURES).dense(8, "relu").dense(1, "linear").seed(SEED)
                .build()) {
            History h = new Trainer(local, seedRuleSgd(), TrainerConfig.defaults(SEED).withEpochs(4).withBatchSize(32))
                    .fit(data.x(), data.y());
            assertArrayEquals(local.parameters().values(), spark1.parameters());
            List<Double> localLosses = h.epochs().stream().map(EpochRecord::meanBatchLoss).toList();
            assertEquals(localLosses, spark1.epochLosses());
        }
        assertEquals(4L * 7, spark1.steps());
    }

    @Test
    void fourPartitionsMatchThePartitionedReferenceBitForBit() {
        FitResult spark4 = SparkTrainer.fit(rows, SPEC, seedRuleSgd(), config(4, 40, 3).build());
        double[] reference = PartitionedReference.train(SPEC, seedRuleSgd(), data.x(), data.y(), 4, 40, 3, SEED);
        assertArrayEquals(reference, spark4.parameters());

        // same data, one partition: a different batch composition, but the same quality of fit
        FitResult spark1 = SparkTrainer.fit(rows, SPEC, seedRuleSgd(), config(1, 40, 3).build());
        assertFalse(Arrays.equals(spark1.parameters(), spark4.parameters()));
        double loss4 = mse(spark4, data);
        double loss1 = mse(spark1, data);
        assertEquals(loss1, loss4, 0.1 * loss1, "P=4 " + loss4 + " vs P=1 " + loss1);
        try (NeuralNetwork initial = NeuralNetwork.builder(SPEC).seed(SEED).build()) {
            assertTrue(loss4 < mse(initial.predict(data.x()), data), "training reduced the loss");
        }
    }

    @Test
    void unevenPartitionsAndTailBatchesMatchTheReference() {
        // 203 rows over P = 3 (68, 68, 67), batch 50 (17, 17, 16): the last step of an epoch is short
        FitResult spark3 = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config(3, 50, 2).build());
        assertEquals(5, spark3.plan().stepsPerEpoch());
        assertArrayEquals(PartitionedReference.train(SPEC, new Sgd(0.1), data.x(), data.y(), 3, 50, 2, SEED),
                spark3.parameters());
    }

    @Test
    void vectorColumnGivesTheSameModelAsNamedColumns() {
        Dataset<Row> assembled = new VectorAssembler().setInputCols(TestRows.featureNames(FEATURES))
                .setOutputCol("features").transform(rows).select("features", "y");
        SparkTrainConfig vectorConfig = config(2, 32, 2).featuresVector("features").build();
        FitResult fromVector = SparkTrainer.fit(assembled, SPEC, new Sgd(0.1), vectorConfig);
        FitResult fromNamed = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config(2, 32, 2).build());
        assertArrayEquals(fromNamed.parameters(), fromVector.parameters());
    }

    @Test
    void anIdColumnFixesTheRowOrderWhateverTheInputOrder() {
        Dataset<Row> withId = rows.withColumn("id", org.apache.spark.sql.functions.monotonically_increasing_id());
        Dataset<Row> reversed = withId.orderBy(org.apache.spark.sql.functions.desc("id"));
        FitResult byId = SparkTrainer.fit(reversed, SPEC, new Sgd(0.1), config(2, 32, 2).idColumn("id").build());
        FitResult byInputOrder = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config(2, 32, 2).build());
        assertArrayEquals(byInputOrder.parameters(), byId.parameters());
    }

    @Test
    void standardizerIsFittedOnTheTrainingRowsAndAppliedWhenPredicting() {
        FitResult fit = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config(2, 32, 1).standardize(true).build());
        StandardScaler s = fit.featureScaler();
        for (int j = 0; j < FEATURES; j++) {
            double mean = 0;
            for (int i = 0; i < ROWS; i++) {
                mean += data.x().get(i, j);
            }
            mean /= ROWS;
            double var = 0;
            for (int i = 0; i < ROWS; i++) {
                var += (data.x().get(i, j) - mean) * (data.x().get(i, j) - mean);
            }
            assertEquals(mean, s.mean()[j], 1e-14);
            assertEquals(Math.sqrt(var / ROWS), s.scale()[j], 1e-14);
        }
        Matrix raw = data.x().rowRange(0, 3).copy();
        Matrix scaled = raw.copy();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < FEATURES; j++) {
                scaled.set(i, j, (raw.get(i, j) - s.mean()[j]) / s.scale()[j]);
            }
        }
        try (NeuralNetwork net = fit.network();
             org.backprop.io.model.Model model = fit.regression("y", new org.backprop.io.model.ModelMetadata(null, SEED,
                     "test", ""))) {
            double[] predicted = model.predictValues(new org.backprop.io.DoubleTable(raw.toArray(), 3, FEATURES,
                    model.features()));
            assertArrayEquals(net.predict(scaled).toArray(), predicted, 1e-15);
        }
    }

    /** The training-set MSE of a fit (on the raw features: the fit here does not standardize). */
    static double mse(FitResult fit, TestRows rows) {
        try (NeuralNetwork net = fit.network()) {
            return mse(net.predict(rows.x()), rows);
        }
    }

    private static double mse(Matrix p, TestRows rows) {
        double sum = 0;
        for (int i = 0; i < p.rows(); i++) {
            double d = p.get(i, 0) - rows.y().get(i, 0);
            sum += d * d;
        }
        return sum / p.rows();
    }
}
