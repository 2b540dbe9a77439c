package org.backprop.layer;

import java.util.List;
import java.util.Objects;

import org.backprop.init.Initializer;
import org.backprop.init.Initializers;
import org.backprop.network.Component;
import org.backprop.network.ParamKind;
import org.backprop.network.Parameter;
import org.backprop.network.ParameterShape;
import org.backprop.network.Params;
import org.backprop.op.Activation;
import org.backprop.op.Activations;

/**
 * A {@link Dense} layer of {@code units} outputs: N = X·W, P = N + B, A = f(P), with parameters
 * {@code W} (in×units, {@link ParamKind#WEIGHT}) and {@code B} (1×units, {@link ParamKind#BIAS}).
 * W is drawn from the layer's initializer, or the network's default when none is given
 * ({@code fan_in_uniform}: U(−1/√in, 1/√in)); B starts at zero.
 *
 * <p>Hyperparameters (model files): {@code units}, {@code activation} (a {@link Component} of
 * {@link Activations}, e.g. {@code leaky_relu(slope=0.3)}), {@code initializer} (only when the layer
 * has its own). A spec made from an activation or initializer instance that is not registered (a
 * user's own) builds with copies of that instance ({@link Activation#fresh()}); it cannot be read
 * back from a model file.
 */
public final class DenseSpec implements LayerSpec {
    private static final long serialVersionUID = 1L;
    /** The type name, {@code "dense"}. */
    public static final String TYPE = "dense";

    private final int units;
    private final Component activation;
    private final Component initializer;
    private final transient Activation activationPrototype;
    private final transient Initializer initializerPrototype;

    /**
     * A dense layer whose activation and (optional) initializer are registry components.
     *
     * @param units       outputs (≥ 1)
     * @param activation  e.g. {@code Component.named("relu")}; checked and completed against {@link Activations}
     * @param initializer the layer's own initializer, or null for the network's default
     * @throws IllegalArgumentException for fewer than one unit, or an unknown name or hyperparameter
     */
    public DenseSpec(int units, Component activation, Component initializer) {
        this(units, Activations.registry().canonical(Objects.requireNonNull(activation, "activation")),
                initializer == null ? null : Initializers.registry().canonical(initializer), null, null);
    }

    /** A dense layer with the named activation's defaults and the network's initializer. */
    public DenseSpec(int units, String activation) {
        this(units, Component.named(activation), null);
    }

    /**
     * A dense layer with this activation and (optional, else null) initializer, which may be a user's
     * own: the layer gets {@code activation.fresh()}.
     */
    public DenseSpec(int units, Activation activation, Initializer initializer) {
        this(units, activation.spec(), initializer == null ? null : initializer.spec(), activation, initializer);
    }

    private DenseSpec(int units, Component activation, Component initializer, Activation activationPrototype,
                      Initializer initializerPrototype) {
        if (units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least one unit, got " + units);
        }
        this.units = units;
        this.activation = activation;
        this.initializer = initializer;
        this.activationPrototype = activationPrototype;
        this.initializerPrototype = initializerPrototype;
    }

    /** Reads {@link #params()}. */
    static DenseSpec fromParams(Params p) {
        return new DenseSpec(p.integer("units"), Objects.requireNonNull(p.component("activation"),
                "dense: hyperparameter activation is missing"), p.component("initializer"));
    }

    /** Number of outputs. */
    public int units() {
        return units;
    }

    /** The activation, every hyperparameter given. */
    public Component activation() {
        return activation;
    }

    /** The layer's own initializer, or null when it uses the network's default. */
    public Component initializer() {
        return initializer;
    }

    /** A new instance of the activation. */
    public Activation newActivation() {
        return activationPrototype != null ? activationPrototype.fresh() : Activations.registry().create(activation);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@link #units()}, for any input width ≥ 1. */
    @Override
    public int outputs(int inputs) {
        return units;
    }

    /** {@code W} (inputs×units), {@code B} (1×units). */
    @Override
    public List<ParameterShape> parameters(int inputs) {
        return List.of(new ParameterShape("W", ParamKind.WEIGHT, inputs, units),
                new ParameterShape("B", ParamKind.BIAS, 1, units));
    }

    @Override
    public Layer build(LayerContext context) {
        Parameter w = context.parameter("W");
        Initializer init = initializerPrototype != null ? initializerPrototype
                : initializer != null ? Initializers.registry().create(initializer) : context.initializer();
        init.initialize(w.value(), context.initRandom());
        return new Dense(context.name(), w, context.parameter("B"), newActivation(), context.gemm(), init.id());
    }

    /** {@code units}, {@code activation} and, if the layer has its own, {@code initializer}. */
    @Override
    public Params params() {
        Params p = Params.of("units", units, "activation", activation);
        return initializer == null ? p : p.with("initializer", initializer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseSpec d && units == d.units && activation.equals(d.activation)
                && Objects.equals(initializer, d.initializer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(units, activation, initializer);
    }

    /** {@code 64 relu}, {@code 8 leaky_relu(slope=0.3)}, with {@code init he_normal} when it has its own. */
    @Override
    public String toString() {
        return units + " " + activation + (initializer == null ? "" : " init " + initializer);
    }
}
