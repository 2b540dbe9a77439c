package org.backprop.spark.train;

import java.io.IOException;
import java.util.List;

/**
 * How the P tasks of a barrier stage ({@link BarrierSteps}) hand each other their gradient shares,
 * once per step: every task puts in its own share and gets back all P, in partition order, bit for
 * bit as their senders computed them. Two ways: {@link SocketExchange} (direct connections between
 * the tasks, the default) and {@link GatherExchange} (Spark's {@code allGather}, through the driver).
 */
interface ShareExchange extends AutoCloseable {

    /**
     * One step's exchange.
     *
     * @param shares           the P shares in partition order (the caller's own at its index)
     * @param encodeNanos      time spent writing the own share out
     * @param transferNanos    time from the first byte sent to the last byte received (waiting for
     *                         slower peers included)
     * @param decodeNanos      time spent reading the others' shares back
     * @param previousExchange the shortest {@code transferNanos} of the P tasks' previous exchange (each
     *                         task sends its own with its next share; the last task to send waits for no
     *                         other, so this is the exchange's own round trip); 0 on the first exchange
     */
    record Round(List<GradientShare> shares, long encodeNanos, long transferNanos, long decodeNanos,
                 long previousExchange) {
    }

    /**
     * Exchanges this step's shares.
     *
     * @throws IOException if a peer cannot be reached or does not answer in time: the task must fail
     *                     (Spark then reruns the whole barrier stage)
     */
    Round exchange(GradientShare mine) throws IOException;

    /** Releases what the exchange holds (sockets, threads); never throws. */
    @Override
    void close();
}
