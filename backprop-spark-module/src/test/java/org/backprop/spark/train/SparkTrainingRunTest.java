package org.backprop.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizers;
import org.backprop.spark.SparkSessions;
import org.backprop.spark.TestRows;
import org.backprop.tensor.Matrix;
import org.backprop.train.EpochRecord;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.backprop.train.TrainingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark loop is the local trainer's loop: at P = 1, with a validation set, early stopping, row
 * weights and dropout, the parameters, every epoch's record (batch, training and validation
 * losses), how early stopping ended and what the listeners heard equal the local {@link Trainer}'s
 * bit for bit.
 */
class SparkTrainingRunTest {
    private static final int FEATURES = 5;
    private static final long SEED = 11;
    private static final NetworkSpec SPEC = NeuralNetwork.builder(FEATURES).dense(16, "relu").dropout(0.25)
            .dense(1, "linear").spec();
    private static SparkSession spark;
    private static TestRows train;
    private static TestRows validation;
    private static double[] weights;
    private static double[] validationWeights;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
        train = TestRows.generate(150, FEATURES, 21);
        validation = TestRows.generate(40, FEATURES, 22);
        weights = weights(train.x().rows());
        validationWeights = weights(validation.x().rows());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 0, 0.5, 1, 1.5, 2, 0, …: some rows do not count at all. */
    private static double[] weights(int rows) {
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            w[i] = 0.5 * (i % 5);
        }
        return w;
    }

    @Test
    void onePartitionWithValidationPatienceWeightsAndDropoutIsTheLocalTrainer() {
        int epochs = 60;
        int patience = 3;
        List<String> localEvents = new ArrayList<>();
        History local;
        double[] localParameters;
        try (NeuralNetwork network = NeuralNetwork.builder(SPEC).seed(SEED).build()) {
            local = new Trainer(network, adam(), TrainerConfig.defaults(SEED).withEpochs(epochs).withBatchSize(16)
                    .withPatience(patience)).listener(recorder(localEvents))
                    .fit(train.x(), train.y(), Matrix.column(weights), validation.x(), validation.y(),
                            Matrix.column(validationWeights));
            localParameters = network.parameters().values().clone();
        }
        List<String> sparkEvents = new ArrayList<>();
        SparkTrainConfig config = SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES)).label("y")
                .weightColumn("w").partitions(1).globalBatchSize(16).epochs(epochs).seed(SEED).standardize(false)
                .patience(patience).build();
        FitResult fit = SparkTrainer.fit(train.toDataset(spark, weights), validation.toDataset(spark, validationWeights),
                SPEC, adam(), config, recorder(sparkEvents));

        assertTrue(local.stoppedEarly(), "the setting must exercise early stopping: " + local.epochs().size());
        assertEquals(local.stoppedEarly(), fit.history().stoppedEarly());
        assertEquals(local.restoredEpoch(), fit.history().restoredEpoch());
        assertEquals(records(local), records(fit.history()));
        assertEquals(localEvents, sparkEvents);
        assertArrayEquals(localParameters, fit.parameters());
    }

    @Test
    void trainingRowsEvaluatedOnlyAfterTheLastEpochAsTheLocalTrainer() {
        int epochs = 5;
        List<String> localEvents = new ArrayList<>();
        History local;
        try (NeuralNetwork network = NeuralNetwork.builder(SPEC).seed(SEED).build()) {
            local = new Trainer(network, adam(), TrainerConfig.defaults(SEED).withEpochs(epochs).withBatchSize(16)
                    .withEvaluateTrainingSet(false)).listener(recorder(localEvents))
                    .fit(train.x(), train.y(), validation.x(), validation.y());
        }
        List<String> sparkEvents = new ArrayList<>();
        SparkTrainConfig config = SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES)).label("y")
                .partitions(1).globalBatchSize(16).epochs(epochs).seed(SEED).standardize(false)
                .evaluateTrainingSet(false).build();
        FitResult fit = SparkTrainer.fit(train.toDataset(spark), validation.toDataset(spark), SPEC, adam(), config,
                recorder(sparkEvents));

        List<EpochRecord> records = records(fit.history());
        for (int e = 0; e < epochs - 1; e++) {
            assertTrue(!records.get(e).hasTrainLoss() && records.get(e).hasValidation(), records.get(e).toString());
        }
        assertTrue(records.get(epochs - 1).hasTrainLoss());
        assertEquals(records(local), records);
        assertEquals(localEvents, sparkEvents);
    }

    @Test
    void twoPartitionsWeighTheLossOverTheGlobalBatch() {
        // doubling every weight changes no weighted mean: same fit up to rounding, at P = 2 too
        double[] doubled = weights.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        SparkTrainConfig config = SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES)).label("y")
                .weightColumn("w").partitions(2).globalBatchSize(50).epochs(2).seed(SEED).standardize(false).build();
        FitResult once = SparkTrainer.fit(train.toDataset(spark, weights), SPEC, adam(), config);
        FitResult twice = SparkTrainer.fit(train.toDataset(spark, doubled), SPEC, adam(), config);
        assertArrayEquals(once.parameters(), twice.parameters(), 1e-12);
        // and the weights matter: rows of weight 0 are not learnt from
        SparkTrainConfig unweighted = config.toBuilder().weightColumn(null).build();
        FitResult plain = SparkTrainer.fit(train.toDataset(spark, weights), SPEC, adam(), unweighted);
        assertTrue(maxDifference(once.parameters(), plain.parameters()) > 1e-3);
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int k = 0; k < a.length; k++) {
            max = Math.max(max, Math.abs(a[k] - b[k]));
        }
        return max;
    }

    private static org.backprop.optim.Optimizer adam() {
        return Optimizers.create("adam", LearningRates.of(0.02));
    }

    private static TrainingListener recorder(List<String> events) {
        return new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                events.add(epoch + "/" + batch + ":" + Double.doubleToLongBits(loss));
            }

            @Override
            public void onEpochEnd(EpochRecord record) {
                events.add(record.toString());
            }
        };
    }

    private static List<EpochRecord> records(History history) {
        return history.epochs();
    }
}
