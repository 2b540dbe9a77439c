package org.backprop.cli;

import java.util.List;
import java.util.Locale;

import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizer;
import org.backprop.optim.Sgd;

/**
 * The optimizers {@code --optimizer} accepts. A seam: only {@code sgd} until the core's
 * {@code Optimizers.create(name, LearningRates)} registry is merged, which this then delegates to.
 */
final class OptimizerChoice {
    /** The default optimizer. */
    static final String DEFAULT = "sgd";

    private OptimizerChoice() {
    }

    /** The names accepted. */
    static List<String> names() {
        return List.of("sgd");
    }

    /** A new optimizer called {@code name} with learning rate {@code lr} for every parameter. */
    static Optimizer create(String name, double lr) {
        if (name.toLowerCase(Locale.ROOT).equals("sgd")) {
            return new Sgd(LearningRates.of(lr));
        }
        throw new UserError(ExitCodes.USAGE, "unknown optimizer '" + name + "'; known: " + String.join(", ", names()));
    }

    /** The default learning rate of {@code name}. */
    static double defaultLearningRate(String name) {
        return 0.01;
    }
}
