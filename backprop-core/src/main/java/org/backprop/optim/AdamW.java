package org.backprop.optim;

import java.util.function.Predicate;

import org.backprop.network.ParamKind;
import org.backprop.network.Parameter;

/**
 * AdamW, Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", ICLR 2019; in the form of
 * PyTorch's {@code torch.optim.AdamW}: first the decoupled decay, then the {@link Adam} update with
 * the same lr (schedule included):
 * <pre>
 * w ← w − lr·λ·w
 * w ← Adam(w, g)
 * </pre>
 * Defaults: λ = {@value #DEFAULT_WEIGHT_DECAY} and Adam's β₁, β₂, ε. Unlike PyTorch, which decays
 * every parameter of the group, the decay applies to {@link ParamKind#WEIGHT} parameters only by
 * default (biases excluded, as the L1/L2 {@link Regularization}); {@link #decayApplies} changes
 * that. State: Adam's.
 */
public final class AdamW extends Adam {
    private static final long serialVersionUID = 1L;
    /** The default decoupled weight decay λ. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private final double decoupledDecay;
    private Predicate<Parameter> decayed =
            (Predicate<Parameter> & java.io.Serializable) p -> p.kind() == ParamKind.WEIGHT;

    /** AdamW with one learning rate and the default λ, β₁, β₂, ε. */
    public AdamW(double learningRate) {
        this(LearningRates.of(learningRate));
    }

    /** AdamW with per-group learning rates and the default λ, β₁, β₂, ε. */
    public AdamW(LearningRates rates) {
        this(rates, DEFAULT_WEIGHT_DECAY);
    }

    /** AdamW with per-group learning rates, decoupled decay λ ≥ 0 and Adam's default β₁, β₂, ε. */
    public AdamW(LearningRates rates, double decoupledDecay) {
        this(rates, decoupledDecay, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** AdamW with every hyperparameter given. */
    public AdamW(LearningRates rates, double decoupledDecay, double beta1, double beta2, double epsilon) {
        super(rates, beta1, beta2, epsilon);
        this.decoupledDecay = Hyperparameters.nonNegative("decoupled weight decay", decoupledDecay);
    }

    @Override
    public String id() {
        return "adamw";
    }

    /** The decoupled weight decay λ. */
    public double decoupledDecay() {
        return decoupledDecay;
    }

    /** Decays the parameters matching {@code scope} (default: weights); returns this optimizer. */
    public AdamW decayApplies(Predicate<Parameter> scope) {
        this.decayed = java.util.Objects.requireNonNull(scope, "scope");
        return this;
    }

    @Override
    protected String hyperparameters() {
        return super.hyperparameters() + ", decoupled decay " + decoupledDecay;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] state, int from, int length, double lr,
                          Parameter parameter) {
        if (decayed.test(parameter)) {
            double keep = 1 - lr * decoupledDecay;
            for (int i = from, end = from + length; i < end; i++) {
                w[i] *= keep;
            }
        }
        super.update(w, g, state, from, length, lr, parameter);
    }
}
