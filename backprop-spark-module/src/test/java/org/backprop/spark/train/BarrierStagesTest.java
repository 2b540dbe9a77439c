package org.backprop.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.optim.LearningRateSchedule;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizer;
import org.backprop.optim.Sgd;
import org.backprop.spark.SparkSessions;
import org.backprop.spark.TestRows;
import org.backprop.train.EpochRecord;
import org.backprop.train.TrainingDivergedException;
import org.backprop.train.TrainingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Barrier stages (many steps in one Spark job, the tasks exchanging their shares with
 * {@code allGather}) give what one job per step gives, bit for bit: parameters, epoch losses, every
 * listener call, the checkpoint file (optimizer state included) and a divergence's message; and a
 * fit with more partitions than task slots runs one job per step.
 */
class BarrierStagesTest {
    private static final int FEATURES = 5;
    private static final long SEED = 5;
    private static final NetworkSpec SPEC = NeuralNetwork.builder(FEATURES).dense(16, "relu").dropout(0.2)
            .dense(1, "linear").spec();
    private static SparkSession spark;
    private static TestRows train;
    private static TestRows validation;
    private static double[] weights;
    private static double[] validationWeights;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
        train = TestRows.generate(130, FEATURES, 31);
        validation = TestRows.generate(30, FEATURES, 32);
        weights = new double[train.x().rows()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.25 * (i % 7);
        }
        validationWeights = new double[validation.x().rows()];
        java.util.Arrays.fill(validationWeights, 1.0);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Adam with a schedule, clipping and L2 penalty: all of it travels into the tasks. */
    private static Optimizer adam() {
        return new Adam(LearningRates.of(0.01).with(org.backprop.network.ParamKind.BIAS, 0.005))
                .schedule(LearningRateSchedule.cosine(40, 0.1)).clipByNorm(2.0).weightDecay(1e-3);
    }

    @Test
    void barrierStagesEqualOneJobPerStep(@TempDir Path dir) throws Exception {
        SparkTrainConfig.Builder config = SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES))
                .label("y").weightColumn("w").partitions(2).globalBatchSize(20).epochs(5).seed(SEED)
                .standardize(false).patience(2);
        List<String> barrierEvents = new ArrayList<>();
        FitResult barrier = SparkTrainer.fit(train.toDataset(spark, weights), validation.toDataset(spark, validationWeights),
                SPEC, adam(), config.checkpointEvery(9, dir.resolve("barrier")).build(), recorder(barrierEvents));
        List<String> jobEvents = new ArrayList<>();
        FitResult perStep = SparkTrainer.fit(train.toDataset(spark, weights), validation.toDataset(spark, validationWeights),
                SPEC, adam(), config.checkpointEvery(9, dir.resolve("jobs")).barrierStages(false).build(),
                recorder(jobEvents));

        assertTrue(barrier.barrierSteps() > barrier.steps() / 2, "barrier steps: " + barrier.barrierSteps());
        assertEquals(0, perStep.barrierSteps());
        assertEquals(perStep.steps(), barrier.steps());
        assertArrayEquals(perStep.parameters(), barrier.parameters());
        assertEquals(perStep.epochLosses(), barrier.epochLosses());
        assertEquals(perStep.history().epochs(), barrier.history().epochs());
        assertEquals(jobEvents, barrierEvents);
        assertArrayEquals(Files.readAllBytes(CheckpointFile.in(dir.resolve("jobs"))),
                Files.readAllBytes(CheckpointFile.in(dir.resolve("barrier"))));
    }

    @Test
    void morePartitionsThanTaskSlotsRunOneJobPerStep() {
        SparkTrainConfig config = SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES)).label("y")
                .partitions(3).globalBatchSize(30).epochs(2).seed(SEED).build();
        FitResult fit = SparkTrainer.fit(train.toDataset(spark), SPEC, new Sgd(0.05), config);
        assertEquals(0, fit.barrierSteps());
        assertTrue(fit.steps() > 2);
    }

    @Test
    void aDivergingStepFailsAsWithOneJobPerStep() {
        // a learning rate that explodes after the sixth step, inside the first barrier stage
        SparkTrainConfig.Builder config = SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES))
                .label("y").partitions(2).globalBatchSize(10).epochs(3).seed(SEED);
        List<String> barrierEvents = new ArrayList<>();
        TrainingDivergedException barrier = assertThrows(TrainingDivergedException.class, () -> SparkTrainer.fit(
                train.toDataset(spark), SPEC, exploding(), config.build(), recorder(barrierEvents)));
        List<String> jobEvents = new ArrayList<>();
        TrainingDivergedException perStep = assertThrows(TrainingDivergedException.class, () -> SparkTrainer.fit(
                train.toDataset(spark), SPEC, exploding(), config.barrierStages(false).build(), recorder(jobEvents)));
        assertEquals(perStep.getMessage(), barrier.getMessage());
        assertEquals(jobEvents, barrierEvents);
        assertTrue(jobEvents.size() > 6, "the divergence must come after the first steps: " + jobEvents);
    }

    private static Optimizer exploding() {
        return new Sgd(0.05).schedule(step -> step <= 6 ? 1.0 : 1e30);
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
}
