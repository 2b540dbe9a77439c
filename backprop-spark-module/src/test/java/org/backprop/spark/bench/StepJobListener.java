package org.backprop.spark.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Where a Spark step's time goes, from Spark's own listener events: per job, the wall time from
 * submission to completion, and for its slowest task the time to deserialize the task, to run it
 * and to serialize its result. What the job's wall time has beyond the slowest task is scheduling
 * and result transfer.
 */
final class StepJobListener extends SparkListener {
    private final Map<Integer, Long> started = new ConcurrentHashMap<>();
    private final Map<Integer, double[]> slowestTask = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> stageToJob = new ConcurrentHashMap<>();
    private final List<double[]> jobs = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onJobStart(SparkListenerJobStart e) {
        started.put(e.jobId(), e.time());
        scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds()).forEach(s -> stageToJob.put((Integer) s, e.jobId()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        Integer job = stageToJob.get(e.stageId());
        if (job == null || e.taskMetrics() == null) {
            return;
        }
        TaskInfo info = e.taskInfo();
        double[] t = {e.taskMetrics().executorDeserializeTime(), e.taskMetrics().executorRunTime(),
                e.taskMetrics().resultSerializationTime(), info.finishTime() - info.launchTime()};
        slowestTask.merge(job, t, (a, b) -> a[3] >= b[3] ? a : b);
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd e) {
        Long start = started.remove(e.jobId());
        double[] task = slowestTask.getOrDefault(e.jobId(), new double[4]);
        if (start != null) {
            jobs.add(new double[] {e.time() - start, task[0], task[1], task[2], task[3]});
        }
    }

    /** Forgets the jobs seen so far. */
    void reset() {
        jobs.clear();
    }

    /**
     * Medians over the last {@code count} jobs: job wall, slowest task's deserialize, run, result
     * serialization and launch-to-finish time, all in ms.
     */
    double[] medians(int count) {
        List<double[]> last;
        synchronized (jobs) {
            last = new ArrayList<>(jobs.subList(Math.max(0, jobs.size() - count), jobs.size()));
        }
        double[] out = new double[5];
        for (int k = 0; k < out.length; k++) {
            final int c = k;
            double[] v = last.stream().mapToDouble(j -> j[c]).sorted().toArray();
            out[k] = v.length == 0 ? Double.NaN : v[v.length / 2];
        }
        return out;
    }

    @Override
    public String toString() {
        return "StepJobListener" + Arrays.toString(medians(jobs.size()));
    }
}
