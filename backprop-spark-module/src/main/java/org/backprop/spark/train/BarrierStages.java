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
 * cluster shrinks (an executor lost) goes on one job per step until the slots are back. Both modes
 * give the same results bit for bit, so the choice never changes a model.
 */
final class BarrierStages {
    private static final ClassTag<BarrierSteps.Outcome> OUTCOME = ClassTag$.MODULE$.apply(BarrierSteps.Outcome.class);

    private BarrierStages() {
    }

    /** Why a barrier stage over {@code partitions} tasks cannot run on {@code sc} now; null if it can. */
    static String unavailable(SparkContext sc, int partitions) {
        if (!sc.isLocal() && sc.conf().getBoolean("spark.dynamicAllocation.enabled", false)) {
            return "dynamic allocation is on, and Spark runs no barrier stage under it";
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
