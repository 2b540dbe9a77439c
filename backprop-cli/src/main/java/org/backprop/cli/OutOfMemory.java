package org.backprop.cli;

import java.util.Locale;

/**
 * The one-line message for an {@link OutOfMemoryError}: the heap size, how to raise it, and where
 * to go when the data exceed one machine's memory. Reported as an I/O error (exit 5), never as a
 * stack trace.
 */
final class OutOfMemory {
    private OutOfMemory() {
    }

    /** The message for {@code e}, naming the current maximum heap. */
    static String message(OutOfMemoryError e) {
        return message(e, Runtime.getRuntime().maxMemory());
    }

    /** The message for {@code e} with a maximum heap of {@code maxHeapBytes}. */
    static String message(OutOfMemoryError e, long maxHeapBytes) {
        double gib = maxHeapBytes / (double) (1L << 30);
        String suggestion = Math.max(2, (long) Math.ceil(gib * 2)) + "g";
        return String.format(Locale.ROOT, "out of memory (%s) with a Java heap of %.2f GiB: raise it with "
                        + "BACKPROP_JAVA_OPTS=-Xmx%s (e.g. BACKPROP_JAVA_OPTS=-Xmx%s ./backprop ...); data larger "
                        + "than this machine's memory can be trained with backprop-spark on a cluster",
                e.getMessage() == null ? "no detail" : e.getMessage(), gib, suggestion, suggestion);
    }
}
