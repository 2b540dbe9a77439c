package org.backprop.kernel;

/**
 * Work over the index range [from, to) that receives its data as an argument:
 * {@link ThreadTeam#forRange(int, int, Object, ArgumentRangeTask)} hands every call the same
 * argument and each index to exactly one call, so a task needs no field to receive its input.
 *
 * @param <T> the argument's type
 */
@FunctionalInterface
public interface ArgumentRangeTask<T> {

    /** Processes indices {@code from} (inclusive) to {@code to} (exclusive) of {@code argument}. */
    void run(T argument, int from, int to);
}
