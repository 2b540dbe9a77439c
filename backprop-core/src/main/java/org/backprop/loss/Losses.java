package org.backprop.loss;

import java.util.Set;

import org.backprop.network.Params;
import org.backprop.network.Registry;

/**
 * The losses by name, as used in model files and on the command line, each with its
 * hyperparameters and defaults:
 * <ul>
 *   <li>{@code "mse"}: {@link MeanSquaredError}, {@code reduction} mean (or sum);</li>
 *   <li>{@code "mae"}: {@link MeanAbsoluteError}, {@code reduction} mean;</li>
 *   <li>{@code "huber"}: {@link Huber}, {@code delta} 1, {@code reduction} mean;</li>
 *   <li>{@code "bce_logits"}: {@link BinaryCrossEntropyWithLogits}, {@code reduction} mean (last
 *       layer linear);</li>
 *   <li>{@code "softmax_ce"}: {@link SoftmaxCrossEntropy}, mean over rows (last layer linear, k ≥ 2).</li>
 * </ul>
 * Adding a loss is its class plus one line below.
 */
public final class Losses {
    private static final Registry<Loss> REGISTRY = Registry.builder("loss", Loss::spec)
            .add(p -> new MeanSquaredError(reduction(p)))
            .add(p -> new MeanAbsoluteError(reduction(p)))
            .add(p -> new Huber(p.number("delta", Huber.DEFAULT_DELTA), reduction(p)))
            .add(p -> new BinaryCrossEntropyWithLogits(reduction(p)))
            .add(p -> new SoftmaxCrossEntropy())
            .build();

    private Losses() {
    }

    private static Reduction reduction(Params p) {
        return Reduction.byId(p.text("reduction", Reduction.MEAN.id()));
    }

    /** A new loss for {@code name} (case-insensitive) with its default settings, e.g. {@code "mse"}. */
    public static Loss byName(String name) {
        return REGISTRY.create(name, Params.EMPTY);
    }

    /**
     * The registry itself: {@code create(name, params)}, {@code create(component)} (as
     * {@link Loss#spec()} reports it) and {@code canonical(component)} (every hyperparameter given).
     */
    public static Registry<Loss> registry() {
        return REGISTRY;
    }

    /** The known names, in a stable order. */
    public static Set<String> names() {
        return REGISTRY.names();
    }
}
