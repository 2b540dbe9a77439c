package org.backprop.optim;

import java.util.List;
import java.util.function.Predicate;

import org.backprop.network.ParamKind;
import org.backprop.network.Parameter;

/**
 * Penalty terms added to the gradient of the parameters in scope before the optimizer's update:
 * <ul>
 * <li>L2 penalty, i.e. coupled weight decay: {@code g ← g + λ₂·w} (the gradient of ½λ₂‖w‖²), as the
 * {@code weight_decay} argument of PyTorch's SGD, Adam, RMSprop and Adagrad;</li>
 * <li>L1 penalty: {@code g ← g + λ₁·sign(w)} (a subgradient of λ₁‖w‖₁, with sign(0) = 0).</li>
 * </ul>
 * By default only {@link ParamKind#WEIGHT} parameters are penalised and biases are excluded (PyTorch
 * applies {@code weight_decay} to every parameter of the group unless you split the groups);
 * {@link #appliedTo} changes the scope. The penalised gradient goes to a scratch buffer; the
 * network's gradient buffer is not changed. Immutable; 0 disables a term.
 *
 * <pre>{@code
 * Regularization.l2(5e-4).withL1(1e-5)                                  // weights only
 * Regularization.l2(5e-4).appliedTo("all parameters", p -> true)       // biases too
 * }</pre>
 */
public final class Regularization implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final Predicate<Parameter> WEIGHTS_ONLY =
            (Predicate<Parameter> & java.io.Serializable) p -> p.kind() == ParamKind.WEIGHT;

    private final double l1;
    private final double l2;
    private final String scopeDescription;
    private final Predicate<Parameter> scope;

    private Regularization(double l1, double l2, String scopeDescription, Predicate<Parameter> scope) {
        this.l1 = requireStrength("L1", l1);
        this.l2 = requireStrength("L2", l2);
        this.scopeDescription = scopeDescription;
        this.scope = scope;
    }

    /** No penalty. */
    public static Regularization none() {
        return new Regularization(0, 0, "weights", WEIGHTS_ONLY);
    }

    /** L2 penalty (coupled weight decay) {@code g += lambda·w} on weights. */
    public static Regularization l2(double lambda) {
        return none().withL2(lambda);
    }

    /** L1 penalty {@code g += lambda·sign(w)} on weights. */
    public static Regularization l1(double lambda) {
        return none().withL1(lambda);
    }

    /** This regularization with the L2 strength set to {@code lambda}. */
    public Regularization withL2(double lambda) {
        return new Regularization(l1, lambda, scopeDescription, scope);
    }

    /** This regularization with the L1 strength set to {@code lambda}. */
    public Regularization withL1(double lambda) {
        return new Regularization(lambda, l2, scopeDescription, scope);
    }

    /** This regularization applied to the parameters matching {@code scope} instead of the weights. */
    public Regularization appliedTo(String description, Predicate<Parameter> scope) {
        return new Regularization(l1, l2, description, scope);
    }

    /** The L1 strength λ₁. */
    public double l1() {
        return l1;
    }

    /** The L2 strength λ₂. */
    public double l2() {
        return l2;
    }

    /** Whether {@code parameter} is penalised. */
    public boolean appliesTo(Parameter parameter) {
        return scope.test(parameter);
    }

    /** Whether both strengths are 0. */
    public boolean isNone() {
        return l1 == 0 && l2 == 0;
    }

    /**
     * Writes {@code g + λ₂·w + λ₁·sign(w)} into {@code out} for elements of parameters in scope and
     * {@code g} for the others. Allocates nothing (no iterator).
     */
    void penalise(List<Parameter> parameters, double[] w, double[] g, double[] out) {
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            int from = p.offset();
            int end = from + p.size();
            if (appliesTo(p)) {
                for (int i = from; i < end; i++) {
                    out[i] = g[i] + l2 * w[i] + l1 * Math.signum(w[i]);
                }
            } else {
                System.arraycopy(g, from, out, from, end - from);
            }
        }
    }

    private static double requireStrength(String name, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException(name + " strength must be finite and ≥ 0, got " + lambda);
        }
        return lambda;
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "no regularization";
        }
        return "L1 " + l1 + ", L2 " + l2 + " on " + scopeDescription;
    }
}
