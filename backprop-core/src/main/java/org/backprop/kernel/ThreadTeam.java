package org.backprop.kernel;

/**
 * The threads a network computes with: the calling thread and {@code threads − 1} daemon workers.
 * The GEMM kernels split their products over a team; element-wise passes, optimizer steps, batch
 * gathers and parameter scans split index ranges over it with {@link #forRange}. One job runs on a
 * team at a time (concurrent callers wait their turn).
 *
 * <p>Every split depends only on the count and the thread count and hands each index to exactly
 * one call, so work whose result does not depend on the split gives the same bits on any team.
 * A team of several threads times its jobs split and whole, now and then, and runs them whole on the
 * calling thread while that is faster (a busy or slow second vCPU; {@link SplitChooser}); this
 * changes no result, since a job gives the same bits however it is split.
 * Create one with {@link #of}; {@link #CALLING_THREAD} is the team of the calling thread alone.
 */
public final class ThreadTeam implements AutoCloseable {
    /** The calling thread alone: {@link #forRange} is one call, {@link #close} does nothing. */
    public static final ThreadTeam CALLING_THREAD = new ThreadTeam(1, null);

    /** Runs a {@link RangeTask} given as the argument. */
    private static final ArgumentRangeTask<RangeTask> RUN_RANGE_TASK = (task, from, to) -> task.run(from, to);

    /** Ranges with fewer elements than this run on the calling thread only. */
    static final int MIN_PARALLEL_ELEMENTS = 1 << 14;

    private final int threads;
    /** The workers (threads − 1 of them), or null for the calling thread alone. */
    private final WorkerPool pool;
    /** The descriptor of the {@link #forRange} call in flight; guarded by itself. */
    private final RangeCall rangeCall;
    /** Whether the next job is split or run whole; null for the calling thread alone. */
    private final SplitChooser chooser;

    private ThreadTeam(int threads, WorkerPool pool) {
        this.threads = threads;
        this.pool = pool;
        this.rangeCall = pool == null ? null : new RangeCall();
        this.chooser = pool == null ? null : new SplitChooser(System::nanoTime, JitActivity.compileMillis());
    }

    /**
     * A team of {@code threads} threads including the caller, starting {@code threads − 1} daemon
     * workers (none for 1); {@link #close} stops them.
     *
     * @throws IllegalArgumentException if threads is below 1
     */
    public static ThreadTeam of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return threads == 1 ? new ThreadTeam(1, null) : new ThreadTeam(threads, new WorkerPool(threads - 1,
                "backprop-team"));
    }

    /** Number of threads, the caller included. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} over [0, count), split into {@link #threads()} contiguous ranges when the
     * work, count × {@code elementsPerIndex} elements, is large enough to pay for waking the
     * workers and the team's timing finds splitting faster (see above), else as one call on the
     * calling thread. Every index is processed by exactly one call.
     */
    public void forRange(int count, int elementsPerIndex, RangeTask task) {
        forRange(count, elementsPerIndex, task, RUN_RANGE_TASK);
    }

    /**
     * As {@link #forRange(int, int, RangeTask)}, handing {@code argument} to every call of
     * {@code task}.
     */
    public <T> void forRange(int count, int elementsPerIndex, T argument, ArgumentRangeTask<T> task) {
        if (pool == null || count < threads || (long) count * elementsPerIndex < MIN_PARALLEL_ELEMENTS
                || !splitNext()) {
            task.run(argument, 0, count);
            return;
        }
        runSplit(task, argument, count);
    }

    /**
     * Runs {@code task} once for each thread index t in [0, {@link #threads()}) as {@code run(t, t + 1)},
     * the calls spread over the team's threads, without asking the split chooser: for jobs that
     * balance themselves, each call claiming pieces of shared work until none is left. A worker that
     * starts late then finds nothing left and costs nothing (the calling thread runs any call no
     * worker has claimed), so such a job is worth splitting from its first call, as on a busy
     * machine. On a team of one thread it is the single call {@code run(0, 1)}.
     */
    public void forEachThread(RangeTask task) {
        if (pool == null) {
            task.run(0, 1);
            return;
        }
        if (pool.isClosed()) {
            throw new IllegalStateException("thread team is closed");
        }
        runSplit(RUN_RANGE_TASK, task, threads);
    }

    /** Runs {@code task} over [0, count) in {@link #threads()} equal ranges on the team. */
    private <T> void runSplit(ArgumentRangeTask<T> task, T argument, int count) {
        synchronized (rangeCall) {
            rangeCall.set(task, argument, count, threads);
            try {
                pool.run(rangeCall, threads);
            } finally {
                rangeCall.clear();
            }
        }
    }

    /**
     * Whether a kernel of this package should split its next job over the team (then with
     * {@link #runChunks}) rather than run it whole on the calling thread; counts the job, so call it
     * once per job that would otherwise be split. Always false for the calling thread alone.
     */
    boolean splitsNextJob() {
        return pool != null && splitNext();
    }

    /** Asks the chooser; a closed team fails whether or not the job would have been split. */
    private boolean splitNext() {
        if (pool.isClosed()) {
            throw new IllegalStateException("thread team is closed");
        }
        return chooser.splitNext();
    }

    /**
     * Runs chunks 0..chunks−1 of {@code job} on the workers and the calling thread (for the kernels
     * of this package, which split products into chunks of their own); returns when all are done.
     */
    void runChunks(ChunkTask job, int chunks) {
        if (pool == null) {
            for (int c = 0; c < chunks; c++) {
                job.runChunk(c);
            }
            return;
        }
        pool.run(job, chunks);
    }

    /** Stops the workers; later parallel calls fail. Does nothing for a team of one thread. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    /** The reusable descriptor of one {@link #forRange} call; chunk c is the c-th of equal ranges. */
    private static final class RangeCall implements ChunkTask {
        private ArgumentRangeTask<Object> task;
        private Object argument;
        private int count;
        private int chunks;

        @SuppressWarnings("unchecked")
        <T> void set(ArgumentRangeTask<T> task, T argument, int count, int chunks) {
            this.task = (ArgumentRangeTask<Object>) task;
            this.argument = argument;
            this.count = count;
            this.chunks = chunks;
        }

        void clear() {
            task = null;
            argument = null;
        }

        @Override
        public void runChunk(int chunk) {
            task.run(argument, (int) ((long) count * chunk / chunks), (int) ((long) count * (chunk + 1) / chunks));
        }
    }
}
