package org.backprop.cli;

import org.backprop.kernel.Kernels;

/**
 * The {@code --threads N} rule of {@code train} and {@code demo}: 1 to 4 × the available
 * processors. More threads than that only wait for a core (results do not depend on the count),
 * and an absurd count such as 100000 would exhaust the native threads the JVM may start: a usage
 * error, before any work.
 */
final class KernelThreads {
    /** Most threads per available processor. */
    static final int PER_PROCESSOR = 4;
    /** The option's help text. */
    static final String DESCRIPTION = "Kernel threads, 1 to " + PER_PROCESSOR + " × the available processors "
            + "(default: one per processor). Results do not depend on it.";

    private KernelThreads() {
    }

    /** The most threads {@code --threads} accepts on this machine. */
    static int max() {
        return PER_PROCESSOR * Kernels.defaultThreads();
    }

    /**
     * {@code given} (the {@code --threads} value, or null for the default of one per processor).
     *
     * @throws UserError (usage) outside 1 to {@link #max()}
     */
    static int resolve(Integer given) {
        if (given == null) {
            return Kernels.defaultThreads();
        }
        if (given < 1 || given > max()) {
            throw new UserError(ExitCodes.USAGE, "--threads must be between 1 and " + max() + " (" + PER_PROCESSOR
                    + " × the " + Kernels.defaultThreads() + " available processors), got " + given);
        }
        return given;
    }
}
