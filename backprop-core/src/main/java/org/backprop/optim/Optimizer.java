package org.backprop.optim;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backprop.kernel.RangeTask;
import org.backprop.kernel.ThreadTeam;
import org.backprop.network.Parameter;
import org.backprop.network.ParameterBuffer;

/**
 * Updates a network's flat parameter buffer from its flat gradient buffer.
 *
 * <p>One {@link #step} does, in this order:
 * <ol>
 * <li>advance the step count t (1 for the first step);</li>
 * <li><b>clip</b> the flat gradient buffer in place ({@link #clipByNorm}, {@link #clipByValue};
 * none by default), over all parameters together, as calling PyTorch's {@code clip_grad_norm_}
 * or {@code clip_grad_value_} before {@code optimizer.step()};</li>
 * <li><b>regularize</b>: add the L2 ({@code g + λ₂·w}) and L1 ({@code g + λ₁·sign(w)}) terms of
 * {@link #regularization} to the clipped gradient of the parameters in scope (weights only by
 * default), into a scratch buffer, as PyTorch's {@code weight_decay} argument does inside
 * {@code step()};</li>
 * <li><b>update</b> each parameter with the regularized gradient and the learning rate
 * {@code schedule.factor(t) × its group's rate} ({@link LearningRates}).</li>
 * </ol>
 * This is PyTorch's order, so runs can be compared with it; it also keeps the penalty out of the
 * clipped norm, so large weights cannot shrink the data gradient through clipping.
 *
 * <p>Subclasses keep their per-element state in buffers as long as the parameter buffer, named by
 * {@link #stateNames()}, so that {@link #state()} and {@link #restore} resume exactly. The
 * schedule, clipping and regularization are configuration, not state: give a restored optimizer
 * the same configuration.
 *
 * <p>An optimizer is {@link Serializable} (state and configuration, e.g. for a cluster's tasks to
 * continue it) as long as the predicates given to
 * {@link LearningRates#with(String, java.util.function.Predicate, double)}, {@link Regularization#appliedTo}
 * or {@code AdamW.decayApplies} are: those built here are.
 */
public abstract class Optimizer implements Serializable {
    private static final long serialVersionUID = 1L;
    private final LearningRates rates;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private GradientClipping clipping = GradientClipping.none();
    private Regularization regularization = Regularization.none();
    private final Map<String, double[]> buffers = new LinkedHashMap<>();
    private double[] penalisedGrads = new double[0];
    private double[] ratesNow = new double[0];
    private transient RangeTask updateRange;
    private transient ParameterBuffer pendingParams;
    private transient double[] pendingGrads;
    private long step;
    private int size = -1;
    /** Set by an update range that wrote a non-finite value; read after the step. */
    private boolean wroteNonFinite;

    protected Optimizer(LearningRates rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    /** The name used in model files and on the command line, e.g. {@code "sgd"}. */
    public abstract String id();

    /** The learning rates per parameter group. */
    public LearningRates rates() {
        return rates;
    }

    /** Sets the schedule multiplying every rate (default constant 1); returns this optimizer. */
    public Optimizer schedule(LearningRateSchedule value) {
        this.schedule = Objects.requireNonNull(value, "schedule");
        return this;
    }

    /** The schedule multiplying every rate. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** Sets the gradient clipping (default none); returns this optimizer. */
    public Optimizer clipping(GradientClipping value) {
        this.clipping = Objects.requireNonNull(value, "clipping");
        return this;
    }

    /** The gradient clipping. */
    public GradientClipping clipping() {
        return clipping;
    }

    /** Clips the global L2 norm of the gradient to {@code maxNorm} (see {@link ClipByNorm}); returns this. */
    public Optimizer clipByNorm(double maxNorm) {
        return clipping(new ClipByNorm(maxNorm));
    }

    /** Clamps each gradient element to {@code [-clipValue, clipValue]} (see {@link ClipByValue}); returns this. */
    public Optimizer clipByValue(double clipValue) {
        return clipping(new ClipByValue(clipValue));
    }

    /** Sets the L1/L2 penalties and their scope (default none); returns this optimizer. */
    public Optimizer regularization(Regularization value) {
        this.regularization = Objects.requireNonNull(value, "regularization");
        return this;
    }

    /** The L1/L2 penalties. */
    public Regularization regularization() {
        return regularization;
    }

    /**
     * Coupled weight decay, i.e. an L2 penalty {@code g += lambda·w}, as PyTorch's
     * {@code weight_decay} argument of SGD/Adam; keeps the current L1 term and scope. Returns this.
     */
    public Optimizer weightDecay(double lambda) {
        return regularization(regularization.withL2(lambda));
    }

    /** L1 penalty {@code g += lambda·sign(w)}; keeps the current L2 term and scope. Returns this. */
    public Optimizer l1(double lambda) {
        return regularization(regularization.withL1(lambda));
    }

    /** The number of steps taken. */
    public long steps() {
        return step;
    }

    /** Applies one update to {@code params} from their current gradients: clip, regularize, update. */
    public final void step(ParameterBuffer params) {
        step(params, ThreadTeam.CALLING_THREAD);
    }

    /**
     * As {@link #step(ParameterBuffer)}, with the update split over {@code team} by ranges of the
     * flat buffer. Every update is element-wise, so the result does not depend on the split.
     */
    public final void step(ParameterBuffer params, ThreadTeam team) {
        ensureState(params.size());
        step++;
        double factor = schedule.factor(step);
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalStateException("schedule factor at step " + step + " must be finite and ≥ 0, got " + factor);
        }
        clipping.clip(params.grads());
        List<Parameter> parameters = params.parameters();
        if (ratesNow.length != parameters.size()) {
            ratesNow = new double[parameters.size()];
        }
        for (int i = 0; i < parameters.size(); i++) {
            ratesNow[i] = factor * rates.rateFor(parameters.get(i));
        }
        pendingParams = params;
        pendingGrads = regularizedGradients(params);
        wroteNonFinite = false;
        if (updateRange == null) {
            updateRange = this::updateRange;
        }
        try {
            team.forRange(params.size(), 1, updateRange);
        } finally {
            pendingParams = null;
            pendingGrads = null;
        }
    }

    /**
     * True if the last {@link #step} wrote only finite parameter values: each range is checked right
     * after its update, while it is in cache (the divergence guard relies on it).
     */
    public final boolean lastStepFinite() {
        return !wroteNonFinite;
    }

    /** Updates flat elements [from, to), parameter by parameter, each with its rate of this step. */
    private void updateRange(int from, int to) {
        List<Parameter> parameters = pendingParams.parameters();
        double[] values = pendingParams.values();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            int start = Math.max(from, p.offset());
            int end = Math.min(to, p.offset() + p.size());
            if (start < end) {
                update(values, pendingGrads, start, end - start, ratesNow[i], p);
                if (!allFinite(values, start, end)) {
                    wroteNonFinite = true;
                }
            }
        }
    }

    private static boolean allFinite(double[] values, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Double.isFinite(values[k])) {
                return false;
            }
        }
        return true;
    }

    private double[] regularizedGradients(ParameterBuffer params) {
        if (regularization.isNone()) {
            return params.grads();
        }
        if (penalisedGrads.length != params.size()) {
            penalisedGrads = new double[params.size()];
        }
        regularization.penalise(params.parameters(), params.values(), params.grads(), penalisedGrads);
        return penalisedGrads;
    }

    /**
     * Updates elements {@code [from, from + length)} of {@code w} from {@code g} (clipped and
     * regularized) with learning rate {@code lr}; state buffers are indexed the same way. The range
     * lies within {@code parameter}, maybe only part of it, and calls for disjoint ranges may run
     * at the same time: touch only these elements.
     * {@link #steps()} is the current step t, starting at 1.
     */
    protected abstract void update(double[] w, double[] g, int from, int length, double lr, Parameter parameter);

    /** Names of the per-element state buffers this optimizer needs (none by default). */
    protected String[] stateNames() {
        return new String[0];
    }

    /** The state buffer called {@code name}, as long as the parameter buffer. */
    protected final double[] buffer(String name) {
        double[] b = buffers.get(name);
        if (b == null) {
            throw new IllegalStateException(id() + ": no state buffer '" + name + "'");
        }
        return b;
    }

    private void ensureState(int parameterCount) {
        if (size == parameterCount) {
            return;
        }
        if (size != -1) {
            throw new IllegalStateException(id() + " was used with " + size + " parameters, now "
                    + parameterCount + ": use one optimizer per network");
        }
        size = parameterCount;
        for (String name : stateNames()) {
            buffers.put(name, new double[parameterCount]);
        }
    }

    /** A copy of the step count and state buffers. */
    public OptimizerState state() {
        return new OptimizerState(id(), step, buffers);
    }

    /**
     * Restores a state taken from an optimizer of the same kind ({@link #id()}) on a network of the
     * same size; refuses any other state with an {@link IllegalArgumentException}.
     */
    public void restore(OptimizerState state) {
        if (!state.optimizer().equals(id())) {
            throw new IllegalArgumentException("cannot restore a '" + state.optimizer()
                    + "' optimizer state into a '" + id() + "' optimizer");
        }
        boolean untouched = state.step() == 0 && state.buffers().isEmpty();
        if (!untouched && !state.buffers().keySet().equals(new java.util.LinkedHashSet<>(Arrays.asList(stateNames())))) {
            throw new IllegalArgumentException("cannot restore " + id() + " state: buffers "
                    + state.buffers().keySet() + ", expected " + Arrays.toString(stateNames()));
        }
        long lengths = state.buffers().values().stream().mapToInt(b -> b.length).distinct().count();
        if (lengths > 1) {
            throw new IllegalArgumentException("cannot restore " + id() + " state: buffers of different lengths");
        }
        buffers.clear();
        size = -1;
        state.buffers().forEach((k, v) -> {
            buffers.put(k, v.clone());
            size = v.length;
        });
        step = state.step();
    }

    /** The optimizer's own hyperparameters for {@link #toString()}, e.g. {@code "momentum 0.9"}; none by default. */
    protected String hyperparameters() {
        return "";
    }

    @Override
    public String toString() {
        String own = hyperparameters();
        return id() + "(" + rates + (own.isEmpty() ? "" : ", " + own) + ", " + clipping + ", " + regularization + ")";
    }
}
