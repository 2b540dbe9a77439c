package org.backprop.kernel;

/** Work over the index range [from, to); {@link ThreadTeam#forRange} hands each index to exactly one call. */
@FunctionalInterface
public interface RangeTask {

    /** Processes indices {@code from} (inclusive) to {@code to} (exclusive). */
    void run(int from, int to);
}
