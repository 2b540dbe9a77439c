package org.backprop.cli;

import java.util.Set;

import org.backprop.io.table.TabularOptions;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizer;
import org.backprop.optim.Optimizers;

/**
 * The optimizers {@code --optimizer} accepts (the core's {@link Optimizers} registry) and their
 * default learning rates ({@link Optimizers#defaultLearningRate}).
 */
final class OptimizerChoice {
    /** The default optimizer: Adam, robust on unscaled tabular problems. */
    static final String DEFAULT = TabularOptions.DEFAULT_OPTIMIZER;

    private OptimizerChoice() {
    }

    /** The names accepted. */
    static Set<String> names() {
        return Optimizers.names();
    }

    /** A new optimizer called {@code name} with learning rate {@code lr} for every parameter. */
    static Optimizer create(String name, double lr) {
        try {
            return Optimizers.create(name, LearningRates.of(lr));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--optimizer: " + e.getMessage());
        }
    }

    /** The default learning rate of {@code name}. */
    static double defaultLearningRate(String name) {
        return Optimizers.defaultLearningRate(name);
    }
}
