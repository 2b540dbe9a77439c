package org.backprop.kernel;

import java.util.function.LongSupplier;

/**
 * Decides, job by job, whether a {@link ThreadTeam} splits a job over its threads or runs it whole on
 * the calling thread, by timing both: on a machine where the other vCPU is busy or slow, handing half
 * of every product to a worker can take longer than doing all of it (backprop-bench/KERNELS.md, "Two
 * threads that never lose to one"), and only the wall clock tells.
 *
 * <p>Jobs are counted in windows of {@link #WINDOW_JOBS}; a window's time runs from its first job's
 * start to the next window's, so it includes the caller's work between jobs. The first
 * {@link #WARM_UP_WINDOWS} windows run whole, untimed: while the JIT compiles, its threads hold the
 * other core and a window's time says little about either mode (a probe there chose one thread on a
 * quiet machine where two were 1.5× faster later in the run; backprop-bench/KERNELS.md), and whole
 * is also the right mode on a busy machine. Then a probe times four
 * windows, split, whole, whole, split (the order cancels a steady trend such as JIT warm-up). The
 * mode whose faster window was faster (splitting only by a margin, {@link #SPLIT_MARGIN}) is then
 * used; but a probe that found whole faster while the JIT finished compilations worth more than
 * 1/{@link #COMPILING_SHARE} of its time is repeated, up to {@link #MAX_REPEATED_PROBES} times in a
 * row: the compiler threads then held the core the split windows wanted (the split path's own code
 * is compiled in the first probes, after a warm-up run whole), so only a split verdict is sure. The
 * winner is used for {@link #MIN_USE_WINDOWS} windows, twice as many (up to {@link #MAX_USE_WINDOWS})
 * each time the same mode wins again, before the next probe. A window in use that takes more than twice
 * the winner's probe window (the machine changed, or the caller idled) starts a probe at once.
 * Windows are long (hundreds of jobs, tens of the steps a training repeats) so that each holds
 * nearly the same mix of jobs.
 *
 * <p>Which mode runs never changes a result: the team's jobs give the same bits however they are
 * split. Thread-safe: {@link #splitNext} is synchronized.
 */
final class SplitChooser {
    /** Jobs per timed window. */
    static final int WINDOW_JOBS = 256;
    /** Windows run whole before the first probe (the seed workload's first ~2,000 jobs, about 1 s). */
    static final int WARM_UP_WINDOWS = 8;
    /** Windows in the winning mode after a probe that changed the winner. */
    static final int MIN_USE_WINDOWS = 16;
    /** Most windows in the winning mode between two probes. */
    static final int MAX_USE_WINDOWS = 128;
    /**
     * Splitting is chosen only when its faster window beat the whole one's by more than 1/this: on a
     * machine too noisy to tell, one thread keeps the other vCPU free for the rest of the machine.
     */
    static final int SPLIT_MARGIN = 10;
    /**
     * A probe that found whole faster is repeated when the JIT finished compilations worth more than
     * 1/this of the probe's wall time while it ran.
     */
    static final int COMPILING_SHARE = 4;
    /** Probes repeated in a row at most because the JIT was compiling; the next one decides. */
    static final int MAX_REPEATED_PROBES = 4;
    /** The modes of a probe's windows: split, whole, whole, split. */
    private static final boolean[] PROBE = {true, false, false, true};

    private final LongSupplier clock;
    private final LongSupplier compileMillis;
    private long probeStart;
    private long probeCompileStart;
    private int repeatedProbes;
    private int jobsInWindow;
    private long windowStart;
    /** Index of the current window in {@link #PROBE}, or −1 while the winner is in use. */
    private int probeWindow;
    private long fastestSplit;
    private long fastestWhole;
    private boolean winnerSplits;
    private long winnerWindow;
    /** Windows of the last use; 0 before the first probe has ended. */
    private int useWindows;
    private int useWindowsLeft;
    private boolean split;
    private int warmUpWindowsLeft = WARM_UP_WINDOWS;

    /**
     * @param clock         nanoseconds ({@link System#nanoTime} outside tests)
     * @param compileMillis the JIT's compilation milliseconds so far ({@link JitActivity#compileMillis()}
     *                      outside tests)
     */
    SplitChooser(LongSupplier clock, LongSupplier compileMillis) {
        this.clock = clock;
        this.compileMillis = compileMillis;
        split = false;
        probeWindow = -1;
    }

    /** Counts one job about to run and returns whether to split it over the team. */
    synchronized boolean splitNext() {
        if (jobsInWindow == 0) {
            windowStart = clock.getAsLong();
        } else if (jobsInWindow == WINDOW_JOBS) {
            long now = clock.getAsLong();
            endWindow(now - windowStart, now);
            windowStart = now;
            jobsInWindow = 0;
        }
        jobsInWindow++;
        return split;
    }

    private void endWindow(long nanos, long now) {
        if (warmUpWindowsLeft > 0) {
            if (--warmUpWindowsLeft == 0) {
                startProbe(now);
            }
        } else if (probeWindow >= 0) {
            if (PROBE[probeWindow]) {
                fastestSplit = Math.min(fastestSplit, nanos);
            } else {
                fastestWhole = Math.min(fastestWhole, nanos);
            }
            probeWindow++;
            if (probeWindow < PROBE.length) {
                split = PROBE[probeWindow];
                return;
            }
            boolean splits = fastestSplit < fastestWhole - fastestWhole / SPLIT_MARGIN;
            if (!splits && compiledDuringProbe(now) && repeatedProbes < MAX_REPEATED_PROBES) {
                repeatedProbes++;
                startProbe(now);
            } else {
                repeatedProbes = 0;
                useWinner(splits);
            }
        } else if (--useWindowsLeft == 0 || nanos > 2 * winnerWindow) {
            startProbe(now);
        }
    }

    private boolean compiledDuringProbe(long now) {
        long compiledNanos = (compileMillis.getAsLong() - probeCompileStart) * 1_000_000L;
        return compiledNanos > (now - probeStart) / COMPILING_SHARE;
    }

    private void startProbe(long now) {
        probeStart = now;
        probeCompileStart = compileMillis.getAsLong();
        probeWindow = 0;
        fastestSplit = Long.MAX_VALUE;
        fastestWhole = Long.MAX_VALUE;
        split = PROBE[0];
    }

    private void useWinner(boolean splits) {
        useWindows = useWindows > 0 && splits == winnerSplits ? Math.min(MAX_USE_WINDOWS, 2 * useWindows)
                : MIN_USE_WINDOWS;
        winnerSplits = splits;
        winnerWindow = splits ? fastestSplit : fastestWhole;
        useWindowsLeft = useWindows;
        probeWindow = -1;
        split = splits;
    }
}
