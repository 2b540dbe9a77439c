package org.backprop.optim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Creates optimizers by their {@link Optimizer#id()}, for model files and the command line, with
 * each optimizer's documented defaults (momentum 0.9, Adam's β₁ 0.9, β₂ 0.999, ε 1e-8, AdamW's
 * decay 0.01, RMSProp's α 0.99, ε 1e-8, AdaGrad's ε 1e-10):
 * <pre>{@code
 * Optimizer adam = Optimizers.create("adam", LearningRates.of(1e-3));
 * }</pre>
 * Names are case-insensitive: {@value #NAMES}.
 */
public final class Optimizers {
    /** The known names, for messages and help texts. */
    public static final String NAMES = "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw";

    private static final Map<String, Function<LearningRates, Optimizer>> FACTORIES = factories();

    private Optimizers() {
    }

    private static Map<String, Function<LearningRates, Optimizer>> factories() {
        Map<String, Function<LearningRates, Optimizer>> f = new LinkedHashMap<>();
        f.put("sgd", Sgd::new);
        f.put("momentum", Momentum::new);
        f.put("nesterov", Nesterov::new);
        f.put("adagrad", AdaGrad::new);
        f.put("rmsprop", RmsProp::new);
        f.put("adam", Adam::new);
        f.put("adamw", AdamW::new);
        return java.util.Collections.unmodifiableMap(f);
    }

    /** The known names, in a stable order. */
    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    /**
     * The default learning rate of the optimizer called {@code name}: 1e-3 for the adaptive ones
     * (rmsprop, adam, adamw, as Keras and PyTorch tutorials use), 0.01 for the others.
     */
    public static double defaultLearningRate(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "rmsprop", "adam", "adamw" -> 1e-3;
            default -> 0.01;
        };
    }

    /**
     * A new optimizer called {@code name} (case-insensitive) with {@code rates} and its defaults.
     * Rates are finite and ≥ 0, 0 included (a frozen group, see {@link LearningRates}).
     *
     * @throws IllegalArgumentException naming the known optimizers if {@code name} is unknown
     */
    public static Optimizer create(String name, LearningRates rates) {
        Function<LearningRates, Optimizer> factory = FACTORIES.get(name.trim().toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + NAMES);
        }
        return factory.apply(rates);
    }
}
