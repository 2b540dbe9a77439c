package org.backprop.optim;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backprop.kernel.ArgumentRangeTask;
import org.backprop.kernel.FloatCopy;
import org.backprop.kernel.Precision;
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
 * <p><b>Precision.</b> On a parameter buffer with float storage ({@link ParameterBuffer#precision()}
 * {@link Precision#FLOAT32}) the state buffers are stored in float too, and the update runs on the
 * float copies: a band of at most {@value #BAND} elements of the parameter, its state and its
 * gradient is widened exactly into double scratch arrays, the subclass's one {@link #update} runs on
 * them, and the new parameter and state values are rounded once to float. So every optimizer has
 * one implementation, in double, and float32 training reads and writes half the bytes.
 *
 * <p>An optimizer is {@link Serializable} (state and configuration, e.g. for a cluster's tasks to
 * continue it; float state travels widened to double) as long as the predicates given to
 * {@link LearningRates#with(String, java.util.function.Predicate, double)}, {@link Regularization#appliedTo}
 * or {@code AdamW.decayApplies} are: those built here are.
 */
public abstract class Optimizer implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The elements of one band of a float update. */
    private static final int BAND = 512;

    private final LearningRates rates;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private GradientClipping clipping = GradientClipping.none();
    private Regularization regularization = Regularization.none();
    /** The state buffers in {@link #stateNames()} order, stored in double (or as restored), or null. */
    private double[][] state;
    /** The state buffers stored in float (parameters with float storage), or null. */
    private transient FloatCopy[] floatState;
    private double[] penalisedGrads = new double[0];
    private double[] ratesNow = new double[0];
    /** {@link #updateRange}, created by the first step (also after deserialization). */
    private transient ArgumentRangeTask<ParameterBuffer> updateRange;
    /** Each thread's double scratch for the bands of a float update, created by the first step. */
    private transient ThreadLocal<Band> bands;
    private long step;
    private int size = -1;
    /** Set by an update range that wrote a non-finite value; read after the step. */
    private volatile boolean wroteNonFinite;

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
        params.syncFloat();
        ensureState(params);
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
        regularize(params);
        wroteNonFinite = false;
        if (updateRange == null) {
            int stateCount = stateNames().length;
            bands = ThreadLocal.withInitial(() -> new Band(stateCount));
            updateRange = this::updateRange;
        }
        team.forRange(params.size(), 1, params, updateRange);
    }

    /**
     * True if the last {@link #step} wrote only finite parameter values: each range is checked right
     * after its update, while it is in cache (the divergence guard relies on it).
     */
    public final boolean lastStepFinite() {
        return !wroteNonFinite;
    }

    /**
     * Updates flat elements [from, to) of {@code params}, parameter by parameter, each with its rate
     * of this step, from the regularized gradient.
     */
    private void updateRange(ParameterBuffer params, int from, int to) {
        List<Parameter> parameters = params.parameters();
        double[] grads = regularization.isNone() ? params.grads() : penalisedGrads;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            int start = Math.max(from, p.offset());
            int end = Math.min(to, p.offset() + p.size());
            if (start >= end) {
                continue;
            }
            FloatCopy floats = params.floatValues(i);
            boolean finite;
            if (floats == null) {
                double[] values = params.values();
                update(values, grads, state, start, end - start, ratesNow[i], p);
                finite = allFinite(values, start, end);
            } else {
                finite = updateInFloat(floats, grads, start, end, ratesNow[i], p);
            }
            if (!finite) {
                wroteNonFinite = true;
            }
        }
    }

    /**
     * The update of flat elements [start, end) of parameter {@code p}, whose values are stored in
     * {@code floats}, band by band in double scratch; returns true if every new value is finite.
     */
    private boolean updateInFloat(FloatCopy floats, double[] grads, int start, int end, double lr, Parameter p) {
        Band band = bands.get();
        boolean finite = true;
        for (int at = start; at < end; at += BAND) {
            int len = Math.min(BAND, end - at);
            int local = at - p.offset();
            floats.widenRange(local, band.values, 0, len);
            System.arraycopy(grads, at, band.grads, 0, len);
            for (int k = 0; k < floatState.length; k++) {
                floatState[k].widenRange(at, band.state[k], 0, len);
            }
            update(band.values, band.grads, band.state, 0, len, lr, p);
            floats.narrowRange(band.values, 0, local, len);
            for (int k = 0; k < floatState.length; k++) {
                floatState[k].narrowRange(band.state[k], 0, at, len);
            }
            finite &= floats.allFiniteRange(local, len);
        }
        return finite;
    }

    private static boolean allFinite(double[] values, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Double.isFinite(values[k])) {
                return false;
            }
        }
        return true;
    }

    /** Writes the regularized gradient into {@link #penalisedGrads}, unless there is no penalty. */
    private void regularize(ParameterBuffer params) {
        if (regularization.isNone()) {
            return;
        }
        if (penalisedGrads.length != params.size()) {
            penalisedGrads = new double[params.size()];
        }
        regularization.penalise(params.parameters(), params.readValues(), params.grads(), penalisedGrads);
    }

    /**
     * Updates elements {@code [from, from + length)} of {@code w} from {@code g} (clipped and
     * regularized) with learning rate {@code lr}; {@code state[k]} is the state buffer
     * {@link #stateNames()}{@code [k]}, indexed as {@code w}. The range lies within
     * {@code parameter}, maybe only part of it, and calls for disjoint ranges may run at the same
     * time: touch only these elements. The arrays are either the flat buffers (float64 storage) or
     * one thread's double scratch holding a band of them (float storage): the elements' positions
     * in the flat buffer are not known, only their parameter. {@link #steps()} is the current
     * step t, starting at 1.
     */
    protected abstract void update(double[] w, double[] g, double[][] state, int from, int length, double lr,
                                   Parameter parameter);

    /**
     * How many state arrays, each as long as the parameter buffer, this optimizer allocates at its
     * first step (0 for SGD, 1 for momentum, 2 for Adam): for estimating a network's memory before
     * it is built.
     */
    public final int stateArrays() {
        return stateNames().length;
    }

    /** Names of the per-element state buffers this optimizer needs (none by default). */
    protected String[] stateNames() {
        return new String[0];
    }

    /**
     * Allocates the state for {@code params} on the first step (or converts a restored state to
     * its storage), in float when the parameters are stored in float.
     */
    private void ensureState(ParameterBuffer params) {
        int parameterCount = params.size();
        boolean inFloat = params.precision() == Precision.FLOAT32;
        if (size == parameterCount && (floatState != null) == inFloat) {
            return;
        }
        if (size != -1 && size != parameterCount) {
            throw new IllegalStateException(id() + " was used with " + size + " parameters, now "
                    + parameterCount + ": use one optimizer per network");
        }
        if (size == -1) {
            size = parameterCount;
            state = new double[stateNames().length][parameterCount];
        }
        if (inFloat) {
            floatState = new FloatCopy[state.length];
            for (int k = 0; k < state.length; k++) {
                floatState[k] = new FloatCopy();
                floatState[k].resize(size);
                floatState[k].narrowRange(state[k], 0, 0, size);
            }
            state = null;
        } else {
            state = doubleState();
            floatState = null;
        }
    }

    /** The state buffers in double: the buffers themselves, or widened copies of the float ones. */
    private double[][] doubleState() {
        if (floatState == null) {
            return state;
        }
        double[][] widened = new double[floatState.length][size];
        for (int k = 0; k < floatState.length; k++) {
            floatState[k].widenRange(0, widened[k], 0, size);
        }
        return widened;
    }

    /** Writes float state widened to double: a deserialized optimizer narrows it again at its first step. */
    private void writeObject(ObjectOutputStream out) throws IOException {
        double[][] stored = state;
        state = doubleState();
        try {
            out.defaultWriteObject();
        } finally {
            state = stored;
        }
    }

    /** A copy of the step count and state buffers. */
    public OptimizerState state() {
        Map<String, double[]> buffers = new LinkedHashMap<>();
        if (size != -1) {
            String[] names = stateNames();
            double[][] values = doubleState();
            for (int k = 0; k < names.length; k++) {
                buffers.put(names[k], values[k]);
            }
        }
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
        String[] names = stateNames();
        this.floatState = null;
        if (state.buffers().isEmpty()) {
            this.state = null;
            this.size = -1;
        } else {
            this.state = new double[names.length][];
            for (int k = 0; k < names.length; k++) {
                this.state[k] = state.buffers().get(names[k]).clone();
            }
            this.size = this.state.length == 0 ? -1 : this.state[0].length;
        }
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

    /** One thread's double scratch for a band of a float update. */
    private static final class Band {
        final double[] values = new double[BAND];
        final double[] grads = new double[BAND];
        final double[][] state;

        Band(int stateCount) {
            state = new double[stateCount][BAND];
        }
    }
}
