package org.backprop.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.backprop.optim.Sgd;
import org.backprop.spark.FakeSparkHome;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.spark.TestRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real executor JVMs on one machine ({@code local-cluster[2,1,1024]}): catches closures that do not
 * serialize and hidden static state, which {@code local[2]} hides, and lets a test kill an executor.
 * A cluster that does not start is a test failure (with the reason), never a skip.
 */
class LocalClusterTest {
    private static final Logger LOG = LoggerFactory.getLogger(LocalClusterTest.class);
    private static final int FEATURES = 4;
    private static final NetworkSpec SPEC = NeuralNetwork.builder(FEATURES).dense(8, "relu").dense(1, "linear").spec();
    private static SparkSession spark;
    private static TestRows data;
    private static Dataset<Row> rows;

    @BeforeAll
    static void start() throws Exception {
        String home = System.getenv("SPARK_HOME");
        assertTrue(home != null && System.getenv("SPARK_SCALA_VERSION") != null,
                "local-cluster needs SPARK_HOME and SPARK_SCALA_VERSION (set by this module's Surefire config)");
        String classDirs = FakeSparkHome.build(Path.of(home));
        spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("backprop-local-cluster")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.extraClassPath", classDirs)
                .getOrCreate();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (executors().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (executors().size() < 2) {
            spark.stop();
            fail("local-cluster executors did not register within 90 s (see the Worker's log)");
        }
        data = TestRows.generate(1200, FEATURES, 21);
        rows = data.toDataset(spark);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** After another test's kill, the Worker's replacement executor must be up and registered. */
    private static void awaitTwoExecutors() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((executors().size() < 2 || spark.sparkContext().statusTracker().getExecutorInfos().length < 3)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(2, executors().size(), "two executor JVMs");
    }

    private static List<ProcessHandle> executors() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .toList();
    }

    private static SparkTrainConfig.Builder config() {
        return SparkTrainConfig.builder().features(TestRows.featureNames(FEATURES)).label("y").partitions(4)
                .globalBatchSize(40).epochs(2).seed(13).standardize(false);
    }

    @Test
    void separateExecutorJvmsGiveTheSameModelAsTheReference() {
        FitResult fit = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config().build());
        assertArrayEquals(PartitionedReference.train(SPEC, new Sgd(0.1), data.x(), data.y(), 4, 40, 2, 13),
                fit.parameters());
    }

    @Test
    void barrierStagesBetweenExecutorJvmsGiveTheSameModelAsTheReference() {
        // P = 2 on 2 one-core executors: the steps run in barrier stages, the shares travel over the tasks'
        // sockets (the default) or through allGather as Base64 text
        double[] reference = PartitionedReference.train(SPEC, new Sgd(0.1), data.x(), data.y(), 2, 40, 2, 13);
        for (String exchange : new String[] {"sockets", "allGather"}) {
            spark.sparkContext().setLocalProperty(SparkTrainer.BARRIER_EXCHANGE_PROPERTY, exchange);
            try {
                FitResult fit = SparkTrainer.fit(rows, SPEC, new Sgd(0.1), config().partitions(2).build());
                assertTrue(fit.barrierSteps() > fit.steps() / 2, exchange + " barrier steps: " + fit.barrierSteps());
                assertEquals(fit.barrierSteps(), fit.barrierTimes().steps());
                assertArrayEquals(reference, fit.parameters(), exchange);
            } finally {
                spark.sparkContext().setLocalProperty(SparkTrainer.BARRIER_EXCHANGE_PROPERTY, null);
            }
        }
    }

    @Test
    void killingAnExecutorMidFitStillGivesTheBitIdenticalModel(@TempDir Path dir) throws Exception {
        // P = 4 on 2 task slots: one job per step
        killAnExecutorMidFit(dir, 4);
    }

    @Test
    void killingAnExecutorInABarrierStageStillGivesTheBitIdenticalModel(@TempDir Path dir) throws Exception {
        // P = 2: the steps after the first run in barrier stages whose tasks are connected by sockets
        killAnExecutorMidFit(dir, 2);
    }

    private static void killAnExecutorMidFit(Path dir, int partitions) throws Exception {
        awaitTwoExecutors();
        SparkTrainConfig c = config().partitions(partitions).epochs(3).checkpointEvery(10, dir).build();
        CompletableFuture<FitResult> fit = CompletableFuture.supplyAsync(
                () -> SparkTrainer.fit(rows, SPEC, new Sgd(0.1), c));
        while (!Files.exists(CheckpointFile.in(dir)) && !fit.isDone()) {
            Thread.sleep(20);
        }
        List<ProcessHandle> before = executors();
        assertEquals(2, before.size(), "two executor JVMs");
        ProcessHandle victim = before.get(0);
        long killedAt = System.nanoTime();
        assertTrue(victim.destroyForcibly(), "kill executor " + victim.pid());
        victim.onExit().get(30, TimeUnit.SECONDS);
        assertTrue(!fit.isDone(), "the executor died mid-fit");
        FitResult result = fit.get(5, TimeUnit.MINUTES);
        LOG.warn("killed executor {} mid-fit; the fit finished {} ms later; slowest step {} ms", victim.pid(),
                (System.nanoTime() - killedAt) / 1_000_000, java.util.Arrays.stream(result.stepMillis()).max()
                        .orElse(0));
        assertEquals(3L * 30, result.steps());
        assertArrayEquals(PartitionedReference.train(SPEC, new Sgd(0.1), data.x(), data.y(), partitions, 40, 3, 13),
                result.parameters());
    }
}
