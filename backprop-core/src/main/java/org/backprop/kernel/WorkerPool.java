package org.backprop.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that, together with the calling thread, run the chunks of one
 * {@link ChunkTask} at a time. Built for short jobs (tens of microseconds): no allocation per job,
 * a waiting thread spins briefly, then yields its core to other runnable threads for up to 10 ms,
 * then parks (so on a machine busy with other work a wait does not burn the time slice the others
 * need, and an idle team stops using a core soon after its last job), and the
 * caller computes chunks itself instead of waiting for workers to wake, so a job never waits for a
 * sleeping thread that has not claimed a chunk.
 *
 * <p>Chunks are claimed from one atomic word holding (generation, chunk count, next chunk), so a
 * worker that wakes late can never claim a chunk of a job it did not read.
 */
final class WorkerPool {
    /** Waits this long with {@link Thread#onSpinWait} (a quiet machine's hand-offs take less). */
    private static final long SPIN_NANOS = 20_000;
    /**
     * Then this long with {@link Thread#yield}, which hands the core to a thread waiting for it on
     * the same core (another process, or the very worker this thread waits for), then parks, which
     * lets the scheduler move a thread waiting on another core here. Long enough to span the gaps
     * between the jobs of a training run: a parked thread lets its (virtual) CPU go idle, and on a
     * virtual machine an idle vCPU is handed to other guests by the host and comes back late when
     * the next job wakes it (the hypervisor reported a third of the time as stolen while two threads
     * handed off products with 80 µs here; backprop-bench/KERNELS.md). OpenBLAS's threads wait in
     * the same way.
     */
    private static final long YIELD_NANOS = 10_000_000;
    private static final int BITS = 20;
    private static final long MASK = (1L << BITS) - 1;
    /** Largest chunk count one job may have. */
    static final int MAX_CHUNKS = (int) MASK;

    private final Thread[] workers;
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile ChunkTask task;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    /** Starts {@code workerCount} daemon threads named after {@code name}. */
    WorkerPool(int workerCount, String name) {
        workers = new Thread[workerCount];
        for (int w = 0; w < workerCount; w++) {
            Thread t = new Thread(this::workLoop, name + "-" + (w + 1));
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** Runs chunks 0..chunks-1 of {@code job} on the workers and the calling thread; returns when all are done. */
    synchronized void run(ChunkTask job, int chunks) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (chunks < 1 || chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk count must be in 1.." + MAX_CHUNKS + ", got " + chunks);
        }
        task = job;
        caller = Thread.currentThread();
        done.set(0);
        long generation = (generationOf(claims.get()) + 1) & MASK;
        claims.set((generation << (2 * BITS)) | ((long) chunks << BITS));
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        runClaimedChunks();
        awaitDone(chunks);
        task = null;
        Throwable t = failure;
        if (t != null) {
            failure = null;
            throw new IllegalStateException("a worker thread failed", t);
        }
    }

    /** Stops the workers; later {@link #run} calls fail. */
    void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }

    /** Whether {@link #close} was called. */
    boolean isClosed() {
        return closed;
    }

    int workerCount() {
        return workers.length;
    }

    private void runClaimedChunks() {
        while (true) {
            long s = claims.get();
            int next = (int) (s & MASK);
            int count = (int) ((s >>> BITS) & MASK);
            if (next >= count) {
                return;
            }
            if (!claims.compareAndSet(s, s + 1)) {
                continue;
            }
            try {
                task.runChunk(next);
            } catch (Throwable t) {
                failure = t;
            }
            if (done.incrementAndGet() == count) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void awaitDone(int chunks) {
        long start = System.nanoTime();
        while (done.get() != chunks) {
            pause(start);
        }
    }

    private void workLoop() {
        long seen = generationOf(claims.get());
        while (!closed) {
            awaitNewGeneration(seen);
            seen = generationOf(claims.get());
            runClaimedChunks();
        }
    }

    private void awaitNewGeneration(long seen) {
        long start = System.nanoTime();
        while (!closed && generationOf(claims.get()) == seen) {
            pause(start);
        }
    }

    /** One step of a wait that began at {@code start}: spin, then yield, then park. */
    private void pause(long start) {
        long waited = System.nanoTime() - start;
        if (waited < SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (waited < SPIN_NANOS + YIELD_NANOS) {
            Thread.yield();
        } else {
            LockSupport.park(this);
        }
    }

    private static long generationOf(long claimWord) {
        return claimWord >>> (2 * BITS);
    }
}
