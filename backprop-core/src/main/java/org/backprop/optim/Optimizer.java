package org.backprop.optim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backprop.network.ParameterBuffer;
import org.backprop.network.Parameter;

/**
 * Updates a network's flat parameter buffer from its flat gradient buffer.
 *
 * <p>{@link #step} advances the step count, then updates each parameter with its group's learning
 * rate ({@link LearningRates}) times the schedule's factor. Subclasses keep their per-element state
 * in buffers as long as the parameter buffer, registered by name so that {@link #state()} and
 * {@link #restore} can save and resume them exactly.
 */
public abstract class Optimizer {
    private final LearningRates rates;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private final Map<String, double[]> buffers = new LinkedHashMap<>();
    private long step;
    private int size = -1;

    protected Optimizer(LearningRates rates) {
        this.rates = rates;
    }

    /** The name used in model files and on the command line, e.g. {@code "sgd"}. */
    public abstract String id();

    /** The learning rates per parameter group. */
    public LearningRates rates() {
        return rates;
    }

    /** Sets the schedule multiplying every rate (default constant 1); returns this optimizer. */
    public Optimizer schedule(LearningRateSchedule value) {
        this.schedule = value;
        return this;
    }

    /** The number of steps taken. */
    public long steps() {
        return step;
    }

    /** Applies one update to {@code params} from their current gradients. */
    public final void step(ParameterBuffer params) {
        ensureState(params.size());
        step++;
        double factor = schedule.factor(step);
        double[] w = params.values();
        double[] g = params.grads();
        for (Parameter p : params.parameters()) {
            update(w, g, p.offset(), p.size(), factor * rates.rateFor(p), p);
        }
    }

    /**
     * Updates elements {@code [from, from + length)} of {@code w} from {@code g} with learning rate
     * {@code lr}; state buffers are indexed the same way.
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

    /** Restores a state taken from an optimizer of the same kind on a network of the same size. */
    public void restore(OptimizerState state) {
        if (!state.optimizer().equals(id())) {
            throw new IllegalArgumentException("cannot restore a " + state.optimizer() + " state into " + id());
        }
        buffers.clear();
        size = -1;
        state.buffers().forEach((k, v) -> {
            buffers.put(k, v.clone());
            size = v.length;
        });
        step = state.step();
    }

    @Override
    public String toString() {
        return id() + "(" + rates + ")";
    }
}
