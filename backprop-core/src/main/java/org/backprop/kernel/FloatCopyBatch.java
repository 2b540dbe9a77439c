package org.backprop.kernel;

import java.util.Arrays;

/**
 * Several double ranges to round into {@link FloatCopy float copies} in one parallel pass
 * ({@link FloatCopyProducts#narrow(FloatCopyBatch)}): one hand-off to the threads instead of one per
 * operand. As a {@link RangeTask} over [0, {@link #total()}) it rounds the elements of the
 * concatenated ranges; disjoint ranges may run on different threads. Its arrays grow once and are
 * reused, so steady-state use allocates nothing. Not thread-safe between {@link #add} calls.
 */
public final class FloatCopyBatch implements RangeTask {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    private double[][] sources = new double[4][];
    private float[][] copies = new float[4][];
    private int[] offsets = new int[4];
    private int[] starts = new int[5];
    private int count;

    /**
     * Adds {@code src[off, off + len)}, to be rounded into {@code copy} (readied for len elements
     * now); returns this batch.
     */
    public FloatCopyBatch add(double[] src, int off, int len, FloatCopy copy) {
        if (count == sources.length) {
            sources = Arrays.copyOf(sources, 2 * count);
            copies = Arrays.copyOf(copies, 2 * count);
            offsets = Arrays.copyOf(offsets, 2 * count);
            starts = Arrays.copyOf(starts, 2 * count + 1);
        }
        sources[count] = src;
        offsets[count] = off;
        copies[count] = copy.ensure(len);
        starts[count + 1] = starts[count] + len;
        count++;
        return this;
    }

    /** Number of elements over all ranges added. */
    public int total() {
        return starts[count];
    }

    /** Forgets every range (and the arrays it referenced). */
    public void clear() {
        Arrays.fill(sources, 0, count, null);
        Arrays.fill(copies, 0, count, null);
        count = 0;
    }

    /** Rounds elements [from, to) of the concatenated ranges into their copies. */
    @Override
    public void run(int from, int to) {
        for (int i = 0; i < count; i++) {
            int start = Math.max(from, starts[i]);
            int end = Math.min(to, starts[i + 1]);
            if (start < end) {
                ELEMENTWISE.toFloat(sources[i], offsets[i] + start - starts[i], copies[i], start - starts[i],
                        end - start);
            }
        }
    }
}
