package org.backprop.cli;

import java.util.List;
import java.util.Locale;

import org.backprop.io.model.ModelFile;

/**
 * The size of the network {@code --layers} asks for, checked before anything is allocated:
 * <ul>
 *   <li>at most {@link ModelFile#MAX_PARAMETERS} (2²⁸) weights and biases, as many as a model file
 *       may hold: more is a usage error (exit 2);</li>
 *   <li>its parameters, their gradients, the copy of the best parameters the trainer keeps and
 *       the optimizer's state (8 bytes each) must fit in the Java heap: if they alone do not,
 *       training cannot run, and that is reported as out of memory (exit 5) naming the network,
 *       not the data, as what does not fit.</li>
 * </ul>
 * Before the data are read, the count of the smallest network the layers allow (one input, one
 * output) is checked; once the input and output widths are known, the exact count.
 */
final class NetworkSize {
    /** Arrays as long as the parameters besides the optimizer's: values, gradients, the best values. */
    private static final int PER_PARAMETER_ARRAYS = 3;

    private NetworkSize() {
    }

    /**
     * The fewest parameters a network of {@code hidden} layer sizes has for any data: one input and
     * one output, each dense layer's weights and biases.
     */
    static long atLeast(List<Integer> hidden) {
        long count = 0;
        long previous = 1;
        for (int units : hidden) {
            count += previous * units + units;
            previous = units;
        }
        return count + previous + 1;
    }

    /**
     * Refuses a network of {@code parameters} (at least that many if {@code lowerBound}) asked for
     * with {@code --layers layers}, trained with an optimizer of {@code stateArrays} state arrays,
     * in a heap of at most {@code maxHeapBytes}.
     *
     * @throws UserError exit 2 beyond {@link ModelFile#MAX_PARAMETERS}; exit 5 if the parameters,
     *                   gradients and optimizer state need more than {@code maxHeapBytes}
     */
    static void check(List<Integer> layers, long parameters, boolean lowerBound, String optimizer, int stateArrays,
                      long maxHeapBytes) {
        String option = "--layers " + String.join(",", layers.stream().map(String::valueOf).toList());
        String count = (lowerBound ? "at least " : "") + String.format(Locale.ROOT, "%,d", parameters);
        if (parameters > ModelFile.MAX_PARAMETERS) {
            throw new UserError(ExitCodes.USAGE, String.format(Locale.ROOT, "%s: the network has %s parameters%s, "
                            + "more than the %,d (2^28) a model file holds; use fewer or smaller layers", option, count,
                    lowerBound ? " (with a single input and output)" : "", ModelFile.MAX_PARAMETERS));
        }
        long bytes = parameters * Double.BYTES * (PER_PARAMETER_ARRAYS + stateArrays);
        if (bytes > maxHeapBytes) {
            double gib = 1L << 30;
            String suggestion = (long) Math.ceil(bytes * 1.5 / gib) + "g";
            throw new UserError(ExitCodes.IO, String.format(Locale.ROOT, "%s: the network's parameters (%s), their "
                            + "gradients, the best ones kept by training%s need %s%.2f GiB, more than the Java heap of %.2f GiB: use fewer or smaller "
                            + "layers, or raise the heap with BACKPROP_JAVA_OPTS=-Xmx%s (more if the data are large)",
                    option, count, stateArrays == 0 ? "" : " and " + optimizer + "'s state", lowerBound ? "at least "
                            : "", bytes / gib, maxHeapBytes / gib, suggestion));
        }
    }
}
