package org.backprop.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.backprop.optim.Sgd;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.spark.SparkSessions;
import org.backprop.spark.TestRows;
import org.backprop.train.TrainingDivergedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input, the NaN guard, checkpoints and resume. */
class SparkTrainerSafetyTest {
    private static final int FEATURES = 3;
    private static final NetworkSpec SPEC = NeuralNetwork.builder(FEATURES).dense(6, "tanh").dense(1, "linear").spec();
    private static SparkSession spark;
    private static TestRows data;
    private static Dataset<Row> rows;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
        data = TestRows.generate(120, FEATURES, 5);
        rows = data.toDataset(spark);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SparkTrainConfig.Builder config() {
        return SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES)).label("y").partitions(2)
                .globalBatchSize(16).epochs(3).seed(11);
    }

    private static String refusal(Dataset<Row> input) {
        return assertThrows(IllegalArgumentException.class,
                () -> SparkTrainer.fit(input, SPEC, new Sgd(0.1), config().build())).getMessage();
    }

    @Test
    void missingColumnIsNamed() {
        String message = refusal(rows.drop("f1"));
        assertTrue(message.contains("no column 'f1'"), message);
    }

    @Test
    void nonNumericColumnIsNamed() {
        String message = refusal(rows.withColumn("f2", functions.lit("text")));
        assertTrue(message.contains("column 'f2' must be numeric, but it is string"), message);
    }

    @Test
    void nullCellIsNamedWithItsRow() {
        Dataset<Row> withNull = rows.withColumn("f0", functions.when(functions.col("f0").equalTo(data.x().get(57, 0)),
                functions.lit(null)).otherwise(functions.col("f0")));
        String message = refusal(withNull);
        assertTrue(message.contains("column 'f0' is null at row 57"), message);
    }

    @Test
    void nanAndInfinityAreNamedWithTheFirstOffendingRow() {
        Dataset<Row> bad = rows
                .withColumn("y", functions.when(functions.col("f1").equalTo(data.x().get(90, 1)),
                        functions.lit(Double.NaN)).otherwise(functions.col("y")))
                .withColumn("f2", functions.when(functions.col("f1").equalTo(data.x().get(33, 1)),
                        functions.lit(Double.POSITIVE_INFINITY)).otherwise(functions.col("f2")));
        String message = refusal(bad);
        assertTrue(message.contains("column 'f2' is Infinity at row 33"), message);
    }

    @Test
    void divergenceStopsNamingStepAndParameterAndNeverCheckpointsNonFiniteWeights(@TempDir Path dir) {
        SparkTrainConfig c = config().checkpointEvery(1, dir).build();
        Dataset<Row> huge = rows.withColumn("y", functions.col("y").multiply(1e150));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> SparkTrainer.fit(huge, SPEC, new Sgd(1e3), c));
        // a partition's non-finite share is named by the step; a parameter the optimizer blew up by the
        // shared divergence guard, as the local trainer names it
        assertTrue(e.getMessage().matches("(?s)training diverged at (step \\d+ \\(epoch \\d+, batch \\d+\\)"
                + "|epoch \\d+, batch \\d+ \\(1-based\\)): .*"), e.getMessage());
        assertTrue(e.getMessage().contains("dense"), e.getMessage());
        Path file = CheckpointFile.in(dir);
        if (Files.exists(file)) {
            for (double w : CheckpointFile.read(file).parameters()) {
                assertTrue(Double.isFinite(w));
            }
        }
    }

    @Test
    void resumeFromACheckpointEqualsTheUninterruptedFitBitForBit(@TempDir Path dir) {
        // a schedule that depends on the optimizer's step counter: resume must restore it
        SparkTrainConfig full = config().build();
        FitResult uninterrupted = SparkTrainer.fit(rows, SPEC, new Sgd(0.2).schedule(s -> 1.0 / Math.sqrt(s)), full);

        // stop mid-epoch (8 steps per epoch): at step 12, having checkpointed every 4 steps
        FitResult first = SparkTrainer.fit(rows, SPEC, new Sgd(0.2).schedule(s -> 1.0 / Math.sqrt(s)),
                config().checkpointEvery(4, dir).stopAfterSteps(13).build());
        assertEquals(13, first.steps());
        Checkpoint saved = CheckpointFile.read(CheckpointFile.in(dir));
        assertEquals(12, saved.steps());
        assertEquals(1, saved.epoch());
        assertEquals(4, saved.stepInEpoch());
        assertEquals(2, saved.shufflesDrawn());
        assertEquals(12, saved.optimizer().step());

        FitResult resumed = SparkTrainer.fit(rows, SPEC, new Sgd(0.2).schedule(s -> 1.0 / Math.sqrt(s)),
                config().resumeFrom(CheckpointFile.in(dir)).build());
        assertEquals(uninterrupted.steps(), resumed.steps());
        assertArrayEquals(uninterrupted.parameters(), resumed.parameters());
        assertEquals(uninterrupted.epochLosses(), resumed.epochLosses());
        assertFalse(List.of().equals(resumed.epochLosses()));
    }

    @Test
    void resumeRefusesACheckpointOfAnotherFit(@TempDir Path dir) {
        SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config().checkpointEvery(4, dir).stopAfterSteps(4).build());
        SparkTrainConfig other = config().partitions(3).resumeFrom(CheckpointFile.in(dir)).build();
        String message = assertThrows(IllegalArgumentException.class,
                () -> SparkTrainer.fit(rows, SPEC, new Sgd(0.1), other)).getMessage();
        assertTrue(message.contains("the checkpoint is of another fit"), message);
    }

    @Test
    void localSgdIsDeterministicLearnsAndIsNotTheExactAlgorithm() {
        SparkTrainConfig c = config().localSgd(new LocalSgd(4, 0.1, 0.1)).epochs(6).build();
        FitResult a = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), c);
        FitResult b = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), c);
        assertArrayEquals(a.parameters(), b.parameters());
        assertEquals(6 * 8, a.steps());
        assertEquals(6 * 8 / 4, a.stepMillis().length, "one Spark job per 4 steps");
        FitResult exact = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config().epochs(6).build());
        assertFalse(java.util.Arrays.equals(exact.parameters(), a.parameters()));
        List<Double> losses = a.epochLosses();
        assertTrue(losses.get(losses.size() - 1) < losses.get(0), losses.toString());
    }
}
