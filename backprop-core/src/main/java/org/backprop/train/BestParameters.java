package org.backprop.train;

import org.backprop.network.ParameterBuffer;

/**
 * A copy of the flat parameter buffer as it was when the best monitored loss so far was evaluated,
 * starting with the initial parameters (epoch −1, loss +∞). The copy is taken at evaluation time,
 * so a restore brings back exactly the parameters whose loss was measured, never a later step's.
 */
final class BestParameters {
    private final ParameterBuffer parameters;
    private final double minDelta;
    private final double[] snapshot;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;

    BestParameters(ParameterBuffer parameters, double minDelta) {
        this.parameters = parameters;
        this.minDelta = minDelta;
        this.snapshot = parameters.readValues().clone();
    }

    /**
     * Records the evaluated {@code loss} of the current parameters at {@code epoch}; if it beats the
     * best by more than minDelta, copies the parameters. Returns true on an improvement.
     */
    boolean offer(int epoch, double loss) {
        if (!(loss < bestLoss - minDelta)) {
            return false;
        }
        bestLoss = loss;
        bestEpoch = epoch;
        System.arraycopy(parameters.readValues(), 0, snapshot, 0, snapshot.length);
        return true;
    }

    /** Copies the best (or initial) parameters back into the network's buffer. */
    void restore() {
        System.arraycopy(snapshot, 0, parameters.values(), 0, snapshot.length);
    }

    /** The epoch of the best evaluation, or −1 for the initial parameters. */
    int epoch() {
        return bestEpoch;
    }

    /** The best monitored loss, or +∞ before any finite evaluation. */
    double loss() {
        return bestLoss;
    }

    /** Says which parameters {@link #restore()} brings back, for messages (epochs 1-based, as progress prints them). */
    String describe() {
        return bestEpoch < 0 ? "the initial parameters"
                : "the parameters evaluated after epoch " + (bestEpoch + 1) + " (monitored loss " + bestLoss + ")";
    }
}
