package org.backprop.train;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the Java heap by a fixed set of threads, summed, via
 * {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long[])}.
 *
 * <p>Kernel worker threads allocate separately from the training thread, so the meter takes a
 * snapshot of <em>all</em> live threads when it is created (after warm-up, when the workers
 * exist) and sums over them. Each {@link #sample()} itself allocates the result array the MXBean
 * returns; {@link #overheadPerSample()} measures that with back-to-back samples so callers can
 * subtract it. Used by the benchmarks and the tests to show that a training step allocates
 * nothing in steady state; create it after the kernels' worker threads have started.
 */
public final class AllocationMeter {
    private final com.sun.management.ThreadMXBean bean;
    private final long[] ids;
    private final long overhead;

    private AllocationMeter(com.sun.management.ThreadMXBean bean, long[] ids) {
        this.bean = bean;
        this.ids = ids;
        this.overhead = calibrate();
    }

    /**
     * A meter over all threads alive now, or null when the JVM cannot measure thread allocation
     * (not a HotSpot-style ThreadMXBean, or the feature is unsupported or cannot be enabled).
     */
    public static AllocationMeter allLiveThreads() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported()) {
            return null;
        }
        if (!bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
        return new AllocationMeter(bean, bean.getAllThreadIds());
    }

    /**
     * A meter over the calling thread and the live threads whose names start with
     * {@code threadNamePrefix} (e.g. {@code "backprop-"}, the kernels' workers), or null as for
     * {@link #allLiveThreads()}. Unlike that meter it ignores unrelated threads of the same JVM
     * (a test runner's, another test's), so a measurement of one computation is not disturbed by
     * them.
     */
    public static AllocationMeter callerAndThreadsNamed(String threadNamePrefix) {
        AllocationMeter all = allLiveThreads();
        if (all == null) {
            return null;
        }
        long caller = Thread.currentThread().getId();
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getId() == caller || t.getName().startsWith(threadNamePrefix))
                .mapToLong(Thread::getId).toArray();
        return new AllocationMeter(all.bean, ids);
    }

    /** Sum of the bytes allocated so far by the snapshot's threads (dead threads count as 0). */
    public long sample() {
        long[] bytes = bean.getThreadAllocatedBytes(ids);
        long sum = 0;
        for (long b : bytes) {
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }

    /** Bytes one {@link #sample()} allocates by itself (the smallest of several back-to-back deltas). */
    public long overheadPerSample() {
        return overhead;
    }

    /** Threads in the snapshot. */
    public int threads() {
        return ids.length;
    }

    /** True if the JVM now has a different number of live threads than the snapshot. */
    public boolean threadSetChanged() {
        return bean.getThreadCount() != ids.length;
    }

    private long calibrate() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long a = sample();
            long b = sample();
            best = Math.min(best, b - a);
        }
        return Math.max(0, best);
    }
}
