package org.backprop.spark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A driver listener for tests ({@code spark.extraListeners}): the number of tasks and the bytes of
 * serialized task results that each completed stage sent to the driver. Spark builds it from the
 * class name in the driver JVM; the records are static, so {@link #reset} between runs.
 */
public final class StageResults extends SparkListener {
    /** One completed stage: its tasks and the sum of their result sizes in bytes. */
    record Stage(int id, String name, int tasks, long resultBytes) {
    }

    private static final Map<Integer, Long> BYTES = new ConcurrentHashMap<>();
    private static final List<Stage> STAGES = new ArrayList<>();

    /** Forgets the stages recorded so far. */
    static synchronized void reset() {
        BYTES.clear();
        STAGES.clear();
    }

    /** The stages completed since the last {@link #reset}. */
    static synchronized List<Stage> stages() {
        return List.copyOf(STAGES);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null) {
            BYTES.merge(end.stageId(), end.taskMetrics().resultSize(), Long::sum);
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        synchronized (StageResults.class) {
            int id = completed.stageInfo().stageId();
            STAGES.add(new Stage(id, completed.stageInfo().name(), completed.stageInfo().numTasks(),
                    BYTES.getOrDefault(id, 0L)));
        }
    }
}
