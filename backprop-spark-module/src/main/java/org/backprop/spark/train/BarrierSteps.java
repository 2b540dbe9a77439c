package org.backprop.spark.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.BarrierTaskContext;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;
import org.backprop.spark.data.Block;
import org.backprop.train.StepLimits;
import org.backprop.train.TrainingDivergedException;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * Many synchronous steps in one Spark barrier stage: the P tasks (one per partition, all running
 * at once) each compute their partition's gradient share of step t ({@link PartitionStep}), exchange
 * the shares with {@link BarrierTaskContext#allGather} ({@link ShareMessages}, {@link GatherWaker}),
 * add them in partition order ({@link OrderedSum}) and apply their own copy of the optimizer, shipped
 * in the task with its state. Every task thus does the driver's arithmetic on the same values in the same order and
 * holds the same parameters after every step; partition 0 returns them, the optimizer and the
 * step losses ({@link Outcome}).
 *
 * <p>A step whose loss, gradient or parameters leave the run's {@link StepLimits} (or that
 * {@link OrderedSum} refuses) stops every task at the same step, and the outcome says so: the
 * driver then reruns the steps one job at a time, where the divergence guard acts as it always does.
 */
final class BarrierSteps extends AbstractFunction1<Iterator<Block>, Iterator<BarrierSteps.Outcome>>
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private final NetworkSpec spec;
    private final PartitionStep work;
    private final double[] parameters;
    private final Optimizer optimizer;
    private final boolean weighted;
    private final StepLimits limits;
    private final long firstStep;
    private final int count;
    private final ShareMessages.Form form;
    private static final int COMPUTE = 0;
    private static final int ENCODE = 1;
    private static final int GATHER = 2;
    private static final int EXCHANGE = 3;
    private static final int DECODE = 4;
    private static final int SUM = 5;
    private static final int OPTIMIZER = 6;
    private static final int PHASES = 7;

    /**
     * @param parameters the parameters before {@code firstStep} (not copied)
     * @param optimizer  the driver's optimizer with its state before {@code firstStep} (serialized into
     *                   the task, so each task continues its own copy)
     * @param firstStep  the fit's global index of the first step to run
     * @param count      steps to run, all in one epoch
     * @param form       how the shares travel: {@link ShareMessages.Form#BYTES} if all tasks run in one JVM
     */
    BarrierSteps(NetworkSpec spec, PartitionStep work, double[] parameters, Optimizer optimizer, boolean weighted,
                 StepLimits limits, long firstStep, int count, ShareMessages.Form form) {
        this.spec = spec;
        this.work = work;
        this.parameters = parameters;
        this.optimizer = optimizer;
        this.weighted = weighted;
        this.limits = limits;
        this.firstStep = firstStep;
        this.count = count;
        this.form = form;
    }

    /**
     * What partition 0 returns.
     *
     * @param losses     the batch loss of each step run
     * @param completed  false if a step left the limits (then nothing else is meaningful)
     * @param parameters the parameters after the last step
     * @param optimizer  the optimizer after the last step
     * @param times      partition 0's phase times ({@link BarrierTimes}; {@code stages} left 0 for the driver)
     */
    record Outcome(boolean completed, double[] losses, double[] parameters, Optimizer optimizer, BarrierTimes times)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Runs the steps on the task's one block; the iterator holds partition 0's outcome, else nothing. */
    @Override
    public Iterator<Outcome> apply(Iterator<Block> blocks) {
        long start = System.nanoTime();
        Block block = blocks.next();
        Outcome outcome = run(block, BarrierTaskContext.get(), start);
        List<Outcome> result = block.partition() == 0 ? List.of(outcome) : List.of();
        return CollectionConverters.asScala(result.iterator());
    }

    private Outcome run(Block block, BarrierTaskContext context, long start) {
        work.checkRows(block);
        int stepsPerEpoch = work.plan().stepsPerEpoch();
        double[] losses = new double[count];
        try (ExecutorNetworks.Lease lease = ExecutorNetworks.borrow(spec);
             GatherWaker waker = new GatherWaker("backprop-gather-waker-" + block.partition())) {
            NeuralNetwork net = lease.network();
            net.parameters().setValues(parameters);
            long[] nanos = new long[PHASES];
            long previousGather = 0;
            for (int i = 0; i < count; i++) {
                long global = firstStep + i;
                int epoch = (int) (global / stepsPerEpoch);
                int step = (int) (global % stepsPerEpoch);
                long t0 = System.nanoTime();
                GradientShare mine = work.share(block, epoch, step, lease);
                long t1 = System.nanoTime();
                List<GradientShare> shares;
                long t2;
                long t3;
                if (context.numPartitions() == 1) {
                    // one task: nothing to exchange, its share is the sum's only term
                    shares = List.of(mine);
                    t2 = System.nanoTime();
                    t3 = t2;
                } else {
                    String message = ShareMessages.encode(mine, previousGather, form);
                    t2 = System.nanoTime();
                    String[] messages = waker.allGather(context, message);
                    t3 = System.nanoTime();
                    long exchange = previousGather;
                    previousGather = t3 - t2;
                    shares = new ArrayList<>(messages.length);
                    for (int p = 0; p < messages.length; p++) {
                        // its own share needs no decoding; a message says how long its sender's last exchange took
                        ShareMessages.Received received = p == mine.partition() ? null
                                : ShareMessages.decode(messages[p], form);
                        shares.add(received == null ? mine : received.share());
                        exchange = received == null ? exchange : Math.min(exchange, received.previousGatherNanos());
                    }
                    if (i > 0) {
                        nanos[EXCHANGE] += exchange;
                    }
                }
                long t4 = System.nanoTime();
                nanos[COMPUTE] += t1 - t0;
                nanos[ENCODE] += t2 - t1;
                nanos[GATHER] += t3 - t2;
                nanos[DECODE] += t4 - t3;
                double loss;
                try {
                    loss = OrderedSum.into(shares, net.parameters(), weighted, epoch, step, global);
                } catch (TrainingDivergedException e) {
                    return stopped();
                }
                if (!limits.lossWithin(loss)) {
                    return stopped();
                }
                long t5 = System.nanoTime();
                optimizer.step(net.parameters(), net.team());
                long t6 = System.nanoTime();
                nanos[SUM] += t5 - t4;
                nanos[OPTIMIZER] += t6 - t5;
                if (!optimizer.lastStepFinite() || !limits.parametersWithin(net.parameters().values())) {
                    return stopped();
                }
                losses[i] = loss;
            }
            int exchanged = context.numPartitions() == 1 ? 0 : count - 1;
            return new Outcome(true, losses, net.parameters().values().clone(), optimizer,
                    times(nanos, start, exchanged));
        }
    }

    private BarrierTimes times(long[] nanos, long start, int exchanged) {
        return new BarrierTimes(count, exchanged, 0, (System.nanoTime() - start) / 1e6, nanos[COMPUTE] / 1e6,
                nanos[ENCODE] / 1e6, nanos[GATHER] / 1e6, nanos[EXCHANGE] / 1e6, nanos[DECODE] / 1e6, nanos[SUM] / 1e6,
                nanos[OPTIMIZER] / 1e6);
    }

    private static Outcome stopped() {
        return new Outcome(false, new double[0], new double[0], null, BarrierTimes.NONE);
    }

    @Override
    public String toString() {
        return "barrier steps " + firstStep + ".." + (firstStep + count - 1) + " of " + spec;
    }
}
