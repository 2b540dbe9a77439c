package org.backprop.spark.train;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where the steps a fit ran in barrier stages spent their time, in milliseconds summed over those
 * steps, as partition 0's task timed them ({@link System#nanoTime}) plus the driver's wall time of
 * the stages. Measurement only: nothing in training depends on it.
 *
 * <ul>
 *   <li>{@code compute}: the partition's gradient share ({@link PartitionStep}: slice, forward,
 *       backward).</li>
 *   <li>{@code encode}, {@code decode}: the shares to and from their wire form ({@link ShareExchange}:
 *       raw bytes over sockets, or {@code allGather}'s strings).</li>
 *   <li>{@code gather}: partition 0's time in the exchange itself: the {@link #exchangePerStep exchange}
 *       plus waiting for slower partitions ({@link #peersPerStep}).</li>
 *   <li>{@code exchange}: the exchange's round trips once every share is sent (over sockets the
 *       transfer of the shares between the tasks; with {@code allGather} the request to the driver's
 *       {@code BarrierCoordinator}, its replies, their serialization and the waiting task's wake-up,
 *       {@link GatherWaker}); summed over the {@code exchanged} steps. A step's round trip is the
 *       shortest exchange of its P tasks (the last task to send waits for no other), which each task
 *       sends with its next share, so clocks of different machines are never compared and a stage's
 *       last step is not counted.</li>
 *   <li>{@code sum}, {@code optimizer}: the ordered sum of the P shares and the optimizer's step.</li>
 *   <li>{@code tasks}: partition 0's task from its first line to its result, so {@code tasks} minus the
 *       phases above is the task's own set-up (a pooled network, the waker) and its result.</li>
 *   <li>{@code stages}: the driver's wall time of the barrier stages (job submission to partition 0's
 *       result), so {@code stages} minus {@code tasks} is Spark's launch of the stage and its tasks (the
 *       task's closure with the parameters and optimizer) and the return of the result.</li>
 * </ul>
 *
 * <p>With P = 1 a stage exchanges nothing: {@code encode}, {@code gather} and {@code exchange} stay 0.
 *
 * @param steps     steps run in barrier stages
 * @param exchanged steps whose {@code exchange} was measured
 */
public record BarrierTimes(long steps, long exchanged, double stages, double tasks, double compute, double encode,
                           double gather, double exchange, double decode, double sum, double optimizer)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No barrier steps. */
    public static final BarrierTimes NONE = new BarrierTimes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Both records' steps together. */
    public BarrierTimes plus(BarrierTimes o) {
        return new BarrierTimes(steps + o.steps, exchanged + o.exchanged, stages + o.stages, tasks + o.tasks,
                compute + o.compute, encode + o.encode, gather + o.gather, exchange + o.exchange, decode + o.decode,
                sum + o.sum, optimizer + o.optimizer);
    }

    /** Mean ms of one exchange round trip once every share is sent (0 if none was measured). */
    public double exchangePerStep() {
        return exchanged == 0 ? 0 : exchange / exchanged;
    }

    /** Mean ms partition 0 waited in the exchange for slower partitions. */
    public double peersPerStep() {
        return steps == 0 ? 0 : Math.max(0, gather / steps - exchangePerStep());
    }

    /** Mean ms per step of Spark's launch and return of the stages: {@link #stages} minus {@link #tasks}. */
    public double launchPerStep() {
        return steps == 0 ? 0 : (stages - tasks) / steps;
    }

    /** Mean ms per step of the tasks' own set-up and result: {@link #tasks} minus the steps' phases. */
    public double setUpPerStep() {
        return steps == 0 ? 0 : (tasks - compute - encode - gather - decode - sum - optimizer) / steps;
    }

    /** Mean ms per step of everything but {@code compute}: a barrier step's fixed cost. */
    public double overheadPerStep() {
        return steps == 0 ? 0 : (stages - compute) / steps;
    }

    /** One line of mean milliseconds per step, e.g. for a log or benchmark. */
    public String perStep() {
        double n = Math.max(1, steps);
        return String.format(Locale.ROOT, "compute=%.2f,encode=%.2f,exchange=%.2f,peers=%.2f,decode=%.2f,sum=%.2f,"
                        + "optimizer=%.2f,task_set_up=%.2f,stage_launch=%.2f,overhead=%.2f", compute / n, encode / n,
                exchangePerStep(), peersPerStep(), decode / n, sum / n, optimizer / n, setUpPerStep(),
                launchPerStep(), overheadPerStep());
    }
}
