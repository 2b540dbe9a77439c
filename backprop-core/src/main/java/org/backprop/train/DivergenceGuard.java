package org.backprop.train;

import java.util.List;

import org.backprop.kernel.RangeTask;
import org.backprop.layer.Layer;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Parameter;
import org.backprop.op.Operation;
import org.backprop.optim.Optimizer;

/**
 * Detects a diverged step (a non-finite loss, or a non-finite parameter after the optimizer step),
 * puts the last finite parameters back (the best evaluated ones, or the initial ones) and builds a
 * {@link TrainingDivergedException} naming the epoch, the batch, the layer and what was restored.
 */
final class DivergenceGuard {
    private final NeuralNetwork network;
    private final BestParameters lastFinite;

    /** Set by any range of {@link #scanValues} that finds a non-finite value; read after the scan. */
    private boolean nonFinite;
    private final RangeTask scanValues = this::scanValues;

    DivergenceGuard(NeuralNetwork network, BestParameters lastFinite) {
        this.network = network;
        this.lastFinite = lastFinite;
    }

    /** Fails if {@code loss} (computed and back-propagated this step) is not finite. */
    void checkLoss(int epoch, int batch, double loss) {
        if (!Double.isFinite(loss)) {
            throw diverged(epoch, batch, "loss is " + loss + "; " + firstNonFiniteInPass());
        }
    }

    /**
     * Fails if any parameter is not finite after the optimizer step. {@code stepFinite}: the
     * optimizer found every value it wrote finite ({@link Optimizer#lastStepFinite()}), and the
     * values were finite before the step, so there is nothing to scan. Otherwise the flat buffer is
     * scanned on the network's thread team; only a failure looks for the parameter to name.
     */
    void checkParameters(int epoch, int batch, double loss, boolean stepFinite) {
        if (stepFinite) {
            return;
        }
        nonFinite = false;
        network.team().forRange(network.parameters().size(), 1, scanValues);
        if (!nonFinite) {
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
    }

    private void scanValues(int from, int to) {
        double[] values = network.parameters().values();
        for (int k = from; k < to; k++) {
            if (!Double.isFinite(values[k])) {
                nonFinite = true;
                return;
            }
        }
    }

    private TrainingDivergedException diverged(int epoch, int batch, String what) {
        lastFinite.restore();
        return new TrainingDivergedException("training diverged at epoch " + epoch + ", batch " + batch + ": "
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
