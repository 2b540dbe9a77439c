package org.backprop.train;

import java.util.List;

import org.backprop.kernel.ArgumentRangeTask;
import org.backprop.layer.Layer;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Parameter;
import org.backprop.op.Operation;
import org.backprop.optim.Optimizer;

/**
 * Detects a diverged step, puts the last good parameters back (the best evaluated ones, or the
 * initial ones) and builds a {@link TrainingDivergedException} naming the epoch and batch (1-based,
 * as progress is printed), the layer and what was restored. A step has diverged when:
 * <ul>
 *   <li>its loss is NaN or infinite;</li>
 *   <li>a parameter is NaN or infinite after the optimizer step;</li>
 *   <li>a parameter's magnitude exceeds {@link #WEIGHT_BOUND} (checked every
 *       {@link #WEIGHT_CHECK_INTERVAL} steps, and after any step that wrote a non-finite value);</li>
 *   <li>the batch loss has stayed above {@link #LOSS_GROWTH_FACTOR} times its initial value for
 *       {@link #SUSTAINED_STEPS} consecutive steps. The initial value is the loss of the fit's first
 *       step, on the parameters the fit started from (at least {@link Double#MIN_NORMAL}); a factor
 *       of 10⁴ leaves room for batch-to-batch noise, and the stretch for isolated spikes.</li>
 * </ul>
 * A learning rate far too large (e.g. Adam with 1e6) trips the loss rule or the weight bound instead
 * of ending "successfully" with astronomical weights.
 */
final class DivergenceGuard {
    /** How many times its initial value the loss may grow before it counts as diverging. */
    static final double LOSS_GROWTH_FACTOR = 1e4;
    /** Consecutive steps above {@link #LOSS_GROWTH_FACTOR} × initial loss that stop the training. */
    static final int SUSTAINED_STEPS = 50;
    /**
     * Largest parameter magnitude accepted. Networks train on standardized inputs (and, by default,
     * targets), where useful weights are of order 1; a target in raw units up to about 1e12 still fits.
     */
    static final double WEIGHT_BOUND = 1e12;
    /** Steps between two scans of the parameters for {@link #WEIGHT_BOUND}. */
    static final int WEIGHT_CHECK_INTERVAL = 16;
    /** Parameter counts up to this are scanned on the calling thread (a dispatch costs more). */
    private static final int INLINE_SCAN = 1 << 16;

    private final NeuralNetwork network;
    private final BestParameters lastFinite;
    private long steps;
    private double initialLoss;
    private int stepsAboveLimit;

    /** Set by any range of {@link #scanValues} that finds a non-finite or too large value; read after the scan. */
    private volatile boolean outOfBounds;
    private final ArgumentRangeTask<double[]> scanValues = this::scanValues;

    DivergenceGuard(NeuralNetwork network, BestParameters lastFinite) {
        this.network = network;
        this.lastFinite = lastFinite;
    }

    /**
     * Fails if {@code loss} (computed and back-propagated this step) is not finite, or has stayed
     * above {@link #LOSS_GROWTH_FACTOR} × the initial loss for {@link #SUSTAINED_STEPS} steps.
     */
    void checkLoss(int epoch, int batch, double loss) {
        if (!Double.isFinite(loss)) {
            throw diverged(epoch, batch, "loss is " + loss + "; " + firstNonFiniteInPass());
        }
        if (steps++ == 0) {
            initialLoss = Math.max(loss, Double.MIN_NORMAL);
            return;
        }
        stepsAboveLimit = loss > LOSS_GROWTH_FACTOR * initialLoss ? stepsAboveLimit + 1 : 0;
        if (stepsAboveLimit >= SUSTAINED_STEPS) {
            throw diverged(epoch, batch, "the batch loss has stayed above " + LOSS_GROWTH_FACTOR
                    + " times its initial value " + initialLoss + " for " + SUSTAINED_STEPS
                    + " consecutive steps (now " + loss + "); " + largestParameter());
        }
    }

    /**
     * The largest loss {@link #checkLoss} lets pass without counting it as above the limit
     * ({@link #LOSS_GROWTH_FACTOR} × the initial loss); NaN before the first step.
     */
    double lossCeiling() {
        return steps == 0 ? Double.NaN : LOSS_GROWTH_FACTOR * initialLoss;
    }

    /**
     * Fails if any parameter is not finite after the optimizer step. {@code stepFinite}: the
     * optimizer found every value it wrote finite ({@link Optimizer#lastStepFinite()}), and the
     * values were finite before the step, so there is nothing to scan. Otherwise the flat buffer is
     * scanned on the network's thread team; only a failure looks for the parameter to name.
     */
    void checkParameters(int epoch, int batch, double loss, boolean stepFinite) {
        if (stepFinite && steps % WEIGHT_CHECK_INTERVAL != 0) {
            return;
        }
        outOfBounds = false;
        int size = network.parameters().size();
        if (size <= INLINE_SCAN) {
            scanValues(network.parameters().readValues(), 0, size);
        } else {
            network.team().forRange(size, 1, network.parameters().readValues(), scanValues);
        }
        if (!outOfBounds) {
            return;
        }
        List<Parameter> parameters = network.parameters().parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (!p.value().allFinite()) {
                throw diverged(epoch, batch, "parameter " + p.name() + " of layer " + p.layer()
                        + " is not finite after the optimizer step (batch loss was " + loss + ", "
                        + (p.grad().allFinite() ? "its gradient was finite" : "its gradient was not finite")
                        + ")");
            }
        }
        throw diverged(epoch, batch, largestParameter() + ", beyond the bound " + WEIGHT_BOUND
                + " on parameter magnitudes (batch loss was " + loss + ")");
    }

    private void scanValues(double[] values, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!(Math.abs(values[k]) <= WEIGHT_BOUND)) {
                outOfBounds = true;
                return;
            }
        }
    }

    /** Names the parameter (and its layer) holding the largest magnitude. */
    private String largestParameter() {
        Parameter largest = null;
        double max = -1;
        for (Parameter p : network.parameters().parameters()) {
            double[] values = network.parameters().readValues();
            for (int k = p.offset(); k < p.offset() + p.size(); k++) {
                if (Math.abs(values[k]) > max) {
                    max = Math.abs(values[k]);
                    largest = p;
                }
            }
        }
        return largest == null ? "no parameters" : "the largest parameter magnitude is " + max + ", in "
                + largest.name() + " of layer " + largest.layer();
    }

    private TrainingDivergedException diverged(int epoch, int batch, String what) {
        lastFinite.restore();
        return new TrainingDivergedException("training diverged at epoch " + (epoch + 1) + ", batch " + (batch + 1)
                + " (1-based): "
                + what + ". The network now holds " + lastFinite.describe()
                + ". Try a smaller learning rate.", epoch, batch, lastFinite.epoch());
    }

    /** Names the first layer whose output or parameter gradient is not finite. */
    private String firstNonFiniteInPass() {
        for (Layer layer : network.layers()) {
            List<Operation> ops = layer.operations();
            if (!ops.get(ops.size() - 1).output().allFinite()) {
                return "first non-finite output in layer " + layer.name();
            }
            for (Parameter p : network.parameters().parameters()) {
                if (p.layer().equals(layer.name()) && !p.grad().allFinite()) {
                    return "first non-finite gradient in layer " + layer.name() + " (dL/d" + p.name() + ")";
                }
            }
        }
        Layer last = network.layers().get(network.layers().size() - 1);
        return "the loss overflowed on finite outputs of layer " + last.name();
    }
}
