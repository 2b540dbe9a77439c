package org.backprop.spark.train;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
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
 * the shares ({@link ShareExchange}: over direct connections between the tasks, {@link SocketExchange},
 * or with {@link BarrierTaskContext#allGather}, {@link GatherExchange}),
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
    private final boolean sockets;
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
     * @param form       the {@code allGather} messages' form ({@link ShareMessages.Form#BYTES} if all tasks run
     *                   in one JVM), used if {@code sockets} is false or a task cannot listen on a socket
     * @param sockets    exchange the shares over direct connections between the tasks ({@link SocketExchange})
     *                   rather than with {@code allGather} ({@link GatherExchange})
     */
    BarrierSteps(NetworkSpec spec, PartitionStep work, double[] parameters, Optimizer optimizer, boolean weighted,
                 StepLimits limits, long firstStep, int count, ShareMessages.Form form, boolean sockets) {
        this.spec = spec;
        this.work = work;
        this.parameters = parameters;
        this.optimizer = optimizer;
        this.weighted = weighted;
        this.limits = limits;
        this.firstStep = firstStep;
        this.count = count;
        this.form = form;
        this.sockets = sockets;
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
             GatherWaker waker = new GatherWaker("backprop-gather-waker-" + block.partition());
             ShareExchange exchange = openExchange(context, waker)) {
            NeuralNetwork net = lease.network();
            net.parameters().setValues(parameters);
            long[] nanos = new long[PHASES];
            for (int i = 0; i < count; i++) {
                long global = firstStep + i;
                int epoch = (int) (global / stepsPerEpoch);
                int step = (int) (global % stepsPerEpoch);
                long t0 = System.nanoTime();
                GradientShare mine = work.share(block, epoch, step, lease);
                long t1 = System.nanoTime();
                nanos[COMPUTE] += t1 - t0;
                List<GradientShare> shares;
                if (exchange == null) {
                    // one task: nothing to exchange, its share is the sum's only term
                    shares = List.of(mine);
                } else {
                    ShareExchange.Round round = exchange(exchange, mine);
                    shares = round.shares();
                    nanos[ENCODE] += round.encodeNanos();
                    nanos[GATHER] += round.transferNanos();
                    nanos[DECODE] += round.decodeNanos();
                    nanos[EXCHANGE] += i > 0 ? round.previousExchange() : 0;
                }
                long t4 = System.nanoTime();
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

    /** The stage's exchange for this task: none with one task, else sockets or {@code allGather}. */
    private ShareExchange openExchange(BarrierTaskContext context, GatherWaker waker) {
        if (context.numPartitions() == 1) {
            return null;
        }
        if (!sockets) {
            return new GatherExchange(context, waker, form);
        }
        long timeoutMillis = SparkEnv.get().conf().getTimeAsMs("spark.network.timeout", "120s");
        try {
            return SocketExchange.open(context, waker, form, parameters.length, timeoutMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One step's exchange; an I/O failure fails the task (Spark reruns the whole stage). */
    private static ShareExchange.Round exchange(ShareExchange exchange, GradientShare mine) {
        try {
            return exchange.exchange(mine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
