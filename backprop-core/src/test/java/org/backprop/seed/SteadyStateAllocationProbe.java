package org.backprop.seed;

import java.util.Arrays;
import org.backprop.kernel.Precision;
import org.backprop.train.AllocationMeter;
import org.backprop.train.TrainingListener;

/**
 * Child-process half of {@link SteadyStateAllocationTest}: trains the seed workload (2 threads) in
 * the given precision and prints {@code bytes-per-step <n>}, the median over the second half of the
 * run of the bytes all threads allocated from one batch's end to the next within an epoch (a whole
 * step: batch gather, forward, loss, backward, optimizer), less the meter's own allocation.
 */
public final class SteadyStateAllocationProbe {
    private static final int EPOCHS = 300;

    private SteadyStateAllocationProbe() {
    }

    public static void main(String[] args) {
        Precision precision = Precision.parse(args[0]);
        long[] steps = new long[EPOCHS * SeedWorkload.ROWS / SeedWorkload.BATCH];
        int[] count = {0};
        SeedWorkload.run(new SeedWorkload.Options(EPOCHS, 2, 0, precision), line -> { }, new TrainingListener() {
            private AllocationMeter meter;
            private long previous;

            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                if (epoch < EPOCHS / 2) {
                    return;
                }
                if (meter == null) {
                    meter = AllocationMeter.allLiveThreads();
                }
                long now = meter.sample();
                if (batch > 0) {
                    steps[count[0]++] = now - previous - meter.overheadPerSample();
                }
                previous = meter.sample();
            }
        });
        long[] measured = Arrays.copyOf(steps, count[0]);
        Arrays.sort(measured);
        System.out.println("steps " + measured.length);
        System.out.println("bytes-per-step " + measured[measured.length / 2]);
    }
}
