package org.backprop.optim;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.backprop.network.ParamKind;
import org.backprop.network.Parameter;

/**
 * Learning rates per parameter group, as PyTorch's param groups: a default rate and overrides for
 * parameters that match a predicate (the first matching override wins). Immutable.
 *
 * <p>Every rate must be finite and ≥ 0, as PyTorch's optimizers require ({@code lr < 0} is an
 * error there): a rate of 0 is accepted on purpose, so that a group can be frozen (e.g.
 * {@code LearningRates.of(0.01).with("dense1.W", 0)} trains everything but that matrix; weight
 * decay and momentum of a group with rate 0 change nothing either, since every update is scaled by
 * the rate). A run whose every rate is 0 trains nothing; front ends that take one rate for the whole
 * model (the command line, {@code TabularOptions}) refuse 0 as the mistake it then is.
 *
 * <pre>{@code
 * // the seed notebook's rule: 0.25 for weights, 5e-4 for biases
 * LearningRates.of(0.25).with(ParamKind.BIAS, 5e-4)
 * }</pre>
 */
public final class LearningRates implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double base;
    private final List<Group> groups;

    private record Group(String description, Predicate<Parameter> matches, double rate) implements Serializable {
    }

    private LearningRates(double base, List<Group> groups) {
        requireRate(base);
        this.base = base;
        this.groups = List.copyOf(groups);
    }

    /**
     * One rate for every parameter.
     *
     * @throws IllegalArgumentException if {@code rate} is negative, NaN or infinite (0 is allowed)
     */
    public static LearningRates of(double rate) {
        return new LearningRates(rate, List.of());
    }

    /** These rates plus {@code rate} for every parameter of {@code kind}. */
    public LearningRates with(ParamKind kind, double rate) {
        return with(kind.name().toLowerCase(java.util.Locale.ROOT) + "s",
                (Predicate<Parameter> & Serializable) p -> p.kind() == kind, rate);
    }

    /** These rates plus {@code rate} for the parameter named {@code name} (e.g. "dense1.W"). */
    public LearningRates with(String name, double rate) {
        return with(name, (Predicate<Parameter> & Serializable) p -> p.name().equals(name), rate);
    }

    /**
     * These rates plus {@code rate} (finite, ≥ 0; 0 freezes the matching parameters) for parameters
     * matching {@code matches}.
     */
    public LearningRates with(String description, Predicate<Parameter> matches, double rate) {
        requireRate(rate);
        List<Group> more = new ArrayList<>(groups);
        more.add(new Group(description, matches, rate));
        return new LearningRates(base, more);
    }

    /** The default rate. */
    public double base() {
        return base;
    }

    /** The rate for {@code parameter}. */
    public double rateFor(Parameter parameter) {
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (g.matches().test(parameter)) {
                return g.rate();
            }
        }
        return base;
    }

    private static void requireRate(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be finite and ≥ 0, got " + rate);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("lr ").append(base);
        for (Group g : groups) {
            sb.append(", ").append(g.description()).append(' ').append(g.rate());
        }
        return sb.toString();
    }
}
