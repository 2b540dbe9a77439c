package org.backprop.spark.train;

import java.util.List;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.backprop.spark.data.Block;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The driver side of {@link BarrierSteps}: whether the cluster can run a barrier stage over P
 * partitions now, and running one.
 *
 * <p>A barrier stage needs a task slot for every partition at the same time and is refused by
 * Spark under dynamic allocation; either condition is checked before each stage, so a fit whose
 * cluster shrinks (an executor lost) goes on one job per step until the slots are back. With
 * {@code allGather} between JVMs every step's exchange moves about P² shares through the driver
 * ({@link #EXCHANGE_BUDGET_BYTES}); past that budget one job per step (P shares) is the cheaper way. Both modes give the same results
 * bit for bit, so the choice never changes a model.
 */
final class BarrierStages {
    private static final ClassTag<BarrierSteps.Outcome> OUTCOME = ClassTag$.MODULE$.apply(BarrierSteps.Outcome.class);

    /**
     * Most bytes a step's exchange may move through the driver between JVMs: P shares in, P² out, each
     * |θ|·8 bytes as Base64 ({@link ShareMessages}), 4 ASCII characters per 3 bytes, one byte each when
     * Java-serialized: about 11 bytes per parameter. 32 MB is about 30 ms on a
     * 10 GbE driver, the job floor a barrier stage saves (SPARK.md, cost model); in one JVM
     * ({@code local[N]}) the shares are handed over by reference and there is no limit.
     */
    static final long EXCHANGE_BUDGET_BYTES = 32L << 20;

    private BarrierStages() {
    }

    /**
     * Why a barrier stage over {@code partitions} tasks of a network of {@code parameters} parameters
     * cannot (or should not) run on {@code sc} now; null if it can. The exchange budget applies only to
     * {@code allGather} ({@code sockets} false): over sockets ({@link SocketExchange}) the shares go from
     * task to task and nothing passes through the driver.
     */
    static String unavailable(SparkContext sc, int partitions, int parameters, boolean sockets) {
        if (!sc.isLocal() && sc.conf().getBoolean("spark.dynamicAllocation.enabled", false)) {
            return "dynamic allocation is on, and Spark runs no barrier stage under it";
        }
        long exchange = (long) partitions * (partitions + 1) * parameters * 11L;
        if (!sockets && !sc.isLocal() && exchange > EXCHANGE_BUDGET_BYTES) {
            return "a step's exchange would move about " + (exchange >> 20) + " MB through the driver; P shares"
                    + " a step are cheaper at P = " + partitions;
        }
        int slots;
        try {
            slots = sc.maxNumConcurrentTasks(sc.resourceProfileManager().defaultResourceProfile());
        } catch (RuntimeException | LinkageError e) {
            return "this Spark does not tell its task slots (" + e + ")";
        }
        if (slots < partitions) {
            return "the cluster has " + slots + " task slot" + (slots == 1 ? "" : "s") + " for " + partitions
                    + " partitions";
        }
        return null;
    }

    /** Runs {@code steps} as one barrier stage over {@code blocks}; returns partition 0's outcome. */
    static BarrierSteps.Outcome run(JavaRDD<Block> blocks, BarrierSteps steps) {
        RDD<BarrierSteps.Outcome> stage = blocks.rdd().barrier().mapPartitions(steps, false, OUTCOME);
        List<BarrierSteps.Outcome> outcomes = stage.toJavaRDD().collect();
        if (outcomes.size() != 1) {
            throw new IllegalStateException("a barrier stage returned " + outcomes.size() + " outcomes, not 1");
        }
        return outcomes.get(0);
    }
}
