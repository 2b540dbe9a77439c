package org.backprop.spark.train;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.BarrierTaskContext;

/**
 * Shares exchanged with Spark's own {@link BarrierTaskContext#allGather}: each message goes to the
 * driver's {@code BarrierCoordinator} and back to every task ({@link ShareMessages}, woken by
 * {@link GatherWaker}). Between JVMs this moves about P² shares through the driver a step; it is the
 * fallback when a task cannot open a socket ({@link SocketExchange#open}) and what the Spark local
 * property {@link SparkTrainer#BARRIER_EXCHANGE_PROPERTY} {@code = allGather} selects.
 */
final class GatherExchange implements ShareExchange {
    private final BarrierTaskContext context;
    private final GatherWaker waker;
    private final ShareMessages.Form form;
    private long previousGather;

    /** @param waker the task thread's waker; not closed by this exchange */
    GatherExchange(BarrierTaskContext context, GatherWaker waker, ShareMessages.Form form) {
        this.context = context;
        this.waker = waker;
        this.form = form;
    }

    @Override
    public Round exchange(GradientShare mine) {
        long t0 = System.nanoTime();
        String message = ShareMessages.encode(mine, previousGather, form);
        long t1 = System.nanoTime();
        String[] messages = waker.allGather(context, message);
        long t2 = System.nanoTime();
        long exchange = previousGather;
        previousGather = t2 - t1;
        List<GradientShare> shares = new ArrayList<>(messages.length);
        for (int p = 0; p < messages.length; p++) {
            // its own share needs no decoding; a message says how long its sender's last exchange took
            ShareMessages.Received received = p == mine.partition() ? null : ShareMessages.decode(messages[p], form);
            shares.add(received == null ? mine : received.share());
            exchange = received == null ? exchange : Math.min(exchange, received.previousGatherNanos());
        }
        long t3 = System.nanoTime();
        return new Round(shares, t1 - t0, t2 - t1, t3 - t2, exchange);
    }

    @Override
    public void close() {
        // the waker belongs to the task
    }
}
