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
import org.backprop.spark.NetworkSpec;
import org.backprop.spark.SparkSessions;
import org.backprop.spark.Standardizer;
import org.backprop.spark.TestRows;
import org.backprop.spark.TrainedNetwork;
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
    private static final NetworkSpec SPEC = NetworkSpec.builder(FEATURES).dense(8, "relu").dense(1, "linear").build();
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
            assertArrayEquals(local.parameters().values(), spark1.model().parameters());
            List<Double> localLosses = h.epochs().stream().map(EpochRecord::meanBatchLoss).toList();
            assertEquals(localLosses, spark1.epochLosses());
        }
        assertEquals(4L * 7, spark1.steps());
    }

    @Test
    void fourPartitionsMatchThePartitionedReferenceBitForBit() {
        FitResult spark4 = SparkTrainer.fit(rows, SPEC, seedRuleSgd(), config(4, 40, 3).build());
        double[] reference = PartitionedReference.train(SPEC, seedRuleSgd(), data.x(), data.y(), 4, 40, 3, SEED);
        assertArrayEquals(reference, spark4.model().parameters());

        // same data, one partition: a different batch composition, but the same quality of fit
        FitResult spark1 = SparkTrainer.fit(rows, SPEC, seedRuleSgd(), config(1, 40, 3).build());
        assertFalse(Arrays.equals(spark1.model().parameters(), spark4.model().parameters()));
        double loss4 = mse(spark4.model(), data);
        double loss1 = mse(spark1.model(), data);
        assertEquals(loss1, loss4, 0.1 * loss1, "P=4 " + loss4 + " vs P=1 " + loss1);
        assertTrue(loss4 < mse(new TrainedNetwork(SPEC, SPEC.build(SEED, 1).parameters().values(),
                Standardizer.identity(FEATURES), List.of(), List.of()), data), "training reduced the loss");
    }

    @Test
    void unevenPartitionsAndTailBatchesMatchTheReference() {
        // 203 rows over P = 3 (68, 68, 67), batch 50 (17, 17, 16): the last step of an epoch is short
        FitResult spark3 = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config(3, 50, 2).build());
        assertEquals(5, spark3.plan().stepsPerEpoch());
        assertArrayEquals(PartitionedReference.train(SPEC, new Sgd(0.1), data.x(), data.y(), 3, 50, 2, SEED),
                spark3.model().parameters());
    }

    @Test
    void vectorColumnGivesTheSameModelAsNamedColumns() {
        Dataset<Row> assembled = new VectorAssembler().setInputCols(TestRows.featureNames(FEATURES))
                .setOutputCol("features").transform(rows).select("features", "y");
        SparkTrainConfig vectorConfig = config(2, 32, 2).featuresVector("features").build();
        FitResult fromVector = SparkTrainer.fit(assembled, SPEC, new Sgd(0.1), vectorConfig);
        FitResult fromNamed = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config(2, 32, 2).build());
        assertArrayEquals(fromNamed.model().parameters(), fromVector.model().parameters());
    }

    @Test
    void anIdColumnFixesTheRowOrderWhateverTheInputOrder() {
        Dataset<Row> withId = rows.withColumn("id", org.apache.spark.sql.functions.monotonically_increasing_id());
        Dataset<Row> reversed = withId.orderBy(org.apache.spark.sql.functions.desc("id"));
        FitResult byId = SparkTrainer.fit(reversed, SPEC, new Sgd(0.1), config(2, 32, 2).idColumn("id").build());
        FitResult byInputOrder = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config(2, 32, 2).build());
        assertArrayEquals(byInputOrder.model().parameters(), byId.model().parameters());
    }

    @Test
    void standardizerIsFittedOnTheTrainingRowsAndAppliedWhenPredicting() {
        FitResult fit = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config(2, 32, 1).standardize(true).build());
        Standardizer s = fit.model().standardizer();
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
            assertEquals(Math.sqrt(var / ROWS), s.std()[j], 1e-14);
        }
        Matrix raw = data.x().rowRange(0, 3).copy();
        Matrix scaled = raw.copy();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < FEATURES; j++) {
                scaled.set(i, j, (raw.get(i, j) - s.mean()[j]) / s.std()[j]);
            }
        }
        try (NeuralNetwork net = fit.model().toNetwork()) {
            assertArrayEquals(net.predict(scaled).toArray(), fit.model().predict(raw).toArray(), 1e-15);
        }
    }

    /** The training-set MSE of a model. */
    static double mse(TrainedNetwork model, TestRows rows) {
        Matrix p = model.predict(rows.x());
        double sum = 0;
        for (int i = 0; i < p.rows(); i++) {
            double d = p.get(i, 0) - rows.y().get(i, 0);
            sum += d * d;
        }
        return sum / p.rows();
    }
}
