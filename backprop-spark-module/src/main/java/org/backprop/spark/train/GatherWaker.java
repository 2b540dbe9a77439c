package org.backprop.spark.train;

import java.util.concurrent.locks.LockSupport;

import org.apache.spark.BarrierTaskContext;

/**
 * Calls {@link BarrierTaskContext#allGather} for one task thread and wakes it as soon as the answer
 * can be there. Spark (4.1) sends the request, then looks at the reply only once a second: it
 * sleeps {@code Thread.sleep(1000)} while the reply is not complete, so every exchange would cost up
 * to a second. An interrupt ends that sleep early; Spark then checks whether the task was killed
 * (it rethrows only if Spark itself killed it) and looks at the reply again. So while, and only
 * while, the task thread is inside {@code allGather}, a daemon thread interrupts it every
 * {@value #PERIOD_MICROS} µs; the task's interrupt flag is cleared after each exchange, so no
 * interrupt reaches anything else the task does. Between exchanges (while the task computes) the
 * daemon thread is parked and costs nothing.
 */
final class GatherWaker implements AutoCloseable {
    /** How often a waiting task looks at its reply. */
    static final long PERIOD_MICROS = 250;
    private final Thread task = Thread.currentThread();
    private final Object lock = new Object();
    private final Thread waker;
    private boolean inside;
    private volatile boolean closed;

    /** A waker for the calling (task) thread. */
    GatherWaker(String name) {
        waker = new Thread(this::run, name);
        waker.setDaemon(true);
        waker.start();
    }

    /** {@code context.allGather(message)}, woken every {@value #PERIOD_MICROS} µs. */
    String[] allGather(BarrierTaskContext context, String message) {
        synchronized (lock) {
            inside = true;
        }
        LockSupport.unpark(waker);
        try {
            return context.allGather(message);
        } finally {
            synchronized (lock) {
                inside = false;
            }
            Thread.interrupted();
        }
    }

    private void run() {
        while (!closed) {
            boolean waiting;
            synchronized (lock) {
                waiting = inside;
            }
            if (!waiting) {
                LockSupport.park(this);
                continue;
            }
            LockSupport.parkNanos(PERIOD_MICROS * 1000);
            synchronized (lock) {
                if (inside) {
                    task.interrupt();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(waker);
    }
}
