package org.backprop.train;

import org.backprop.loss.RowWeights;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * The gradient of a batch's mean loss, restricted to one block of the batch's rows: the pure
 * function that the local {@link Trainer} and distributed trainers share.
 *
 * <p>Let a batch of N rows be split into blocks; block b has n<sub>b</sub> rows. The network's loss
 * is a mean over the rows it sees (e.g. {@code MeanSquaredError} with {@code Reduction.MEAN}), so
 * the batch loss is L = Σ<sub>b</sub> (n<sub>b</sub>/N)·L<sub>b</sub>, where L<sub>b</sub> is the
 * mean loss over block b, and likewise dL/dθ = Σ<sub>b</sub> (n<sub>b</sub>/N)·dL<sub>b</sub>/dθ.
 * {@link #compute} runs the forward and backward pass over one block and leaves that block's term
 * (n<sub>b</sub>/N)·dL<sub>b</sub>/dθ in {@code network.parameters().grads()}. Adding the terms of
 * all blocks, in a fixed order, gives the batch gradient.
 *
 * <p>When the block is the whole batch (n<sub>b</sub> = N) the weight is exactly 1 and no scaling
 * is applied, so the result is bit for bit the plain {@code forwardLoss}+{@code backward} of the
 * local trainer: single-machine training is the one-block case of this function, not a second
 * code path. With several blocks the terms differ from the one-block gradient only by rounding.
 *
 * <p>With row weights the loss is a weighted mean (see {@code Loss.forward(P, y, w)}), and the
 * same holds with masses instead of row counts: block b's share is (W<sub>b</sub>/W)·L<sub>b</sub>,
 * W<sub>b</sub> = Σ of its weights, W = Σ of the batch's ({@link #compute(NeuralNetwork, Matrix,
 * Matrix, Matrix, double)}).
 */
public final class BlockGradient {
    private BlockGradient() {
    }

    /**
     * Runs forward (training mode) and backward over the block {@code x} (n×inputs), {@code y}
     * (n×outputs), which is part of a batch of {@code batchRows} rows, and scales the gradients by
     * n/batchRows unless that is 1.
     *
     * @return the block's share of the batch loss, (n/batchRows)·L<sub>b</sub> (may be non-finite:
     *         callers check)
     */
    public static double compute(NeuralNetwork network, Matrix x, Matrix y, int batchRows) {
        int rows = x.rows();
        if (rows < 1 || rows > batchRows) {
            throw new IllegalArgumentException("a block of " + rows + " rows cannot be part of a batch of "
                    + batchRows + " rows");
        }
        return compute(network, x, y, null, rows, batchRows);
    }

    /**
     * As {@link #compute(NeuralNetwork, Matrix, Matrix, int)} with row weights {@code w} (n×1, or
     * null: every row weighs 1): the block's share of the batch's weighted mean loss, whose weights
     * sum to {@code batchMass} (the batch's row count when {@code w} is null).
     */
    public static double compute(NeuralNetwork network, Matrix x, Matrix y, Matrix w, double batchMass) {
        double mass = w == null ? x.rows() : RowWeights.sum(w);
        if (x.rows() < 1 || !(mass <= batchMass)) {
            throw new IllegalArgumentException("a block of " + x.rows() + " rows and weight " + mass
                    + " cannot be part of a batch of weight " + batchMass);
        }
        return compute(network, x, y, w, mass, batchMass);
    }

    private static double compute(NeuralNetwork network, Matrix x, Matrix y, Matrix w, double mass,
                                  double batchMass) {
        double loss = network.forwardLoss(x, y, w);
        network.backward();
        if (mass == batchMass) {
            return loss;
        }
        double weight = mass / batchMass;
        double[] grads = network.parameters().grads();
        for (int k = 0; k < grads.length; k++) {
            grads[k] *= weight;
        }
        return weight * loss;
    }
}
