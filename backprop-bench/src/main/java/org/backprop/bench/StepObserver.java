package org.backprop.bench;

import java.util.Arrays;

import org.backprop.train.AllocationMeter;
import org.backprop.train.EpochRecord;
import org.backprop.train.TrainingListener;

/**
 * Times every epoch and measures the heap bytes allocated per training step in steady state.
 *
 * <p>Epoch time: the interval between consecutive {@code onEpochEnd} calls (so epoch 0 is not
 * timed; every 50th epoch includes the full-set loss evaluation, which the median ignores).
 *
 * <p>Allocation: from epoch {@code allocationFromEpoch} on, the bytes all threads allocated
 * between the ends of two consecutive batches of the same epoch, i.e. exactly one step (load the
 * batch, forward, loss, backward, optimizer step), minus the meter's own per-sample allocation.
 * Epoch boundaries (shuffle, evaluation) are excluded. The observer allocates nothing per batch
 * itself apart from the meter's sample.
 */
final class StepObserver implements TrainingListener {
    private final int allocationFromEpoch;
    private final long[] epochEndNanos;
    private AllocationMeter meter;
    private int lastEpoch = -1;
    private int lastBatch = -1;
    private long lastBytes;
    private long windowBytes;
    private long windowSteps;
    private boolean threadSetChanged;

    StepObserver(int epochs, int allocationFromEpoch) {
        this.allocationFromEpoch = allocationFromEpoch;
        this.epochEndNanos = new long[epochs];
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss) {
        if (epoch < allocationFromEpoch) {
            return;
        }
        if (meter == null) {
            meter = AllocationMeter.allLiveThreads();
            if (meter == null) {
                return;
            }
        }
        long bytes = meter.sample();
        if (epoch == lastEpoch && batch == lastBatch + 1) {
            windowBytes += bytes - lastBytes - meter.overheadPerSample();
            windowSteps++;
        }
        lastEpoch = epoch;
        lastBatch = batch;
        lastBytes = bytes;
    }

    @Override
    public void onEpochEnd(EpochRecord record) {
        epochEndNanos[record.epoch()] = System.nanoTime();
        if (meter != null && record.epoch() == epochEndNanos.length - 1) {
            threadSetChanged = meter.threadSetChanged();
        }
    }

    /** Median seconds per epoch over epochs 1..n-1, or NaN with fewer than 2 epochs. */
    double medianEpochSeconds() {
        int n = epochEndNanos.length - 1;
        if (n < 1) {
            return Double.NaN;
        }
        double[] s = new double[n];
        for (int e = 1; e <= n; e++) {
            s[e - 1] = (epochEndNanos[e] - epochEndNanos[e - 1]) / 1e9;
        }
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * Seconds from the start of training to the end of {@code epoch}, given the whole training's
     * {@code totalSeconds} (the start is taken as the last epoch's end minus the total), or NaN if
     * the run had no such epoch.
     */
    double secondsToEpochEnd(int epoch, double totalSeconds) {
        if (epoch >= epochEndNanos.length) {
            return Double.NaN;
        }
        return (epochEndNanos[epoch] - epochEndNanos[epochEndNanos.length - 1]) / 1e9 + totalSeconds;
    }

    /** Mean bytes allocated per steady-state step by all threads, or NaN if nothing was measured. */
    double bytesPerStep() {
        return windowSteps == 0 ? Double.NaN : (double) windowBytes / windowSteps;
    }

    /** Steps in the allocation window. */
    long measuredSteps() {
        return windowSteps;
    }

    /** Threads the allocation was summed over (0 if unmeasured). */
    int measuredThreads() {
        return meter == null ? 0 : meter.threads();
    }

    /** Bytes subtracted per step for the meter's own sample. */
    long meterOverhead() {
        return meter == null ? 0 : meter.overheadPerSample();
    }

    /** True if threads started or ended during the window (their allocation may be missing). */
    boolean threadSetChanged() {
        return threadSetChanged;
    }
}
