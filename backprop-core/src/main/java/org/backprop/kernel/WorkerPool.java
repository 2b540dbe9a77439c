package org.backprop.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that, together with the calling thread, run the chunks of one
 * {@link ChunkTask} at a time. Built for short jobs (tens of microseconds): no allocation per job,
 * and the caller computes chunks itself instead of waiting for workers to wake, so a job never
 * waits for a sleeping thread that has not claimed a chunk.
 *
 * <p>A waiting thread spins briefly, then yields its core with {@link Thread#yield}, then parks.
 * How long it yields depends on whether anything else wants the core: a yield that returns at once
 * found no other runnable thread, and the thread goes on yielding for up to {@link #IDLE_YIELD_NANOS}
 * (10 ms), which spans the gaps between the jobs of a training run: a parked thread lets its
 * (virtual) CPU go idle, and on a virtual machine the host hands an idle vCPU to other guests and
 * gives it back late when the next job wakes it (two threads were then no faster than one:
 * backprop-bench/KERNELS.md, "A parked worker lets the hypervisor take its vCPU"). A yield that took
 * longer than {@link #BUSY_YIELD_NANOS} ran another thread: the machine is busy, and the thread
 * parks after {@link #BUSY_YIELD_TOTAL_NANOS}, so a wait does not take the time slices the others need.
 *
 * <p>Chunks are claimed from one atomic word holding (generation, chunk count, next chunk), so a
 * worker that wakes late can never claim a chunk of a job it did not read. Chunk 0 is always the
 * caller's: jobs that split the same rows the same way then find them in the cache of the thread
 * that wrote them (a product's row bands, then the band pass over them).
 */
final class WorkerPool {
    /** Waits this long with {@link Thread#onSpinWait} (a quiet machine's hand-offs take less). */
    private static final long SPIN_NANOS = 20_000;
    /** Then yields for up to this long while every yield returns at once (nothing else to run). */
    private static final long IDLE_YIELD_NANOS = 10_000_000;
    /** A yield that took longer than this ran another thread. */
    private static final long BUSY_YIELD_NANOS = 50_000;
    /** After such a yield, the thread parks once it has yielded this long in all. */
    private static final long BUSY_YIELD_TOTAL_NANOS = 80_000;
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
        // Chunk 0 is the caller's before the job is posted, so the workers claim from chunk 1 on: a
        // job split like the one before it gives each thread the same rows as before, still in its
        // cache, whichever thread is first to see the job.
        claims.set((generation << (2 * BITS)) | ((long) chunks << BITS) | 1);
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        runChunk(0, chunks);
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
            runChunk(next, count);
        }
    }

    /** Runs chunk {@code chunk} of the current job of {@code count} chunks and counts it done. */
    private void runChunk(int chunk, int count) {
        try {
            task.runChunk(chunk);
        } catch (Throwable t) {
            failure = t;
        }
        if (done.incrementAndGet() == count) {
            LockSupport.unpark(caller);
        }
    }

    private void awaitDone(int chunks) {
        long start = System.nanoTime();
        boolean busy = false;
        while (done.get() != chunks) {
            busy = pause(start, busy);
        }
    }

    private void workLoop() {
        // Generation 0 is the pool's state before its first job: a worker that starts after that job
        // was posted still joins it (reading the current generation here would skip it).
        long seen = 0;
        while (!closed) {
            awaitNewGeneration(seen);
            seen = generationOf(claims.get());
            runClaimedChunks();
        }
    }

    private void awaitNewGeneration(long seen) {
        long start = System.nanoTime();
        boolean busy = false;
        while (!closed && generationOf(claims.get()) == seen) {
            busy = pause(start, busy);
        }
    }

    /**
     * One step of a wait that began at {@code start}: spin, then yield, then park; returns whether a
     * yield of this wait has found the machine busy ({@code busy} on entry: one had before).
     */
    private boolean pause(long start, boolean busy) {
        long now = System.nanoTime();
        switch (waitStep(now - start, busy)) {
            case SPIN:
                Thread.onSpinWait();
                return busy;
            case YIELD:
                Thread.yield();
                return busy || System.nanoTime() - now > BUSY_YIELD_NANOS;
            default:
                LockSupport.park(this);
                return busy;
        }
    }

    /** What a wait does next after {@code waited} ns, {@code busy} if one of its yields ran another thread. */
    static WaitStep waitStep(long waited, boolean busy) {
        if (waited < SPIN_NANOS) {
            return WaitStep.SPIN;
        }
        return waited < SPIN_NANOS + (busy ? BUSY_YIELD_TOTAL_NANOS : IDLE_YIELD_NANOS) ? WaitStep.YIELD
                : WaitStep.PARK;
    }

    /** The three ways a waiting thread passes time, in the order a wait uses them. */
    enum WaitStep { SPIN, YIELD, PARK }

    private static long generationOf(long claimWord) {
        return claimWord >>> (2 * BITS);
    }
}
