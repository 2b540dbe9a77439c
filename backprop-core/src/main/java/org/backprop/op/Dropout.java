package org.backprop.op;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * Inverted dropout with drop probability p: in training, each element is kept with probability
 * 1 − p and scaled by 1/(1 − p), else set to 0, so the expected output equals the input; at
 * inference (training = false) it is the identity. Forward: Y = X ∘ M with the mask M (entries 0 or
 * 1/(1 − p)); backward: dL/dX = dL/dY ∘ M (the identity after an inference forward).
 *
 * <p>Masks are drawn from the given stream (a network's root seed's "dropout" stream), a fresh one
 * on every training forward. With {@link #freezeMask(boolean) a frozen mask} the last mask is reused
 * as long as the batch shape stays the same, which makes the layer a fixed, differentiable function
 * of its input: {@link org.backprop.check.GradientCheck#network} freezes masks this way.
 */
public final class Dropout extends Operation {
    private final double rate;
    private final RandomSource random;
    private final BufferCache masks = new BufferCache();
    private Matrix mask;
    private boolean frozen;
    private boolean lastForwardDropped;

    /**
     * @param rate   the drop probability p, in [0, 1)
     * @param random the stream masks are drawn from (shared streams are drawn from in forward order)
     */
    public Dropout(double rate, RandomSource random) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.random = random;
    }

    /** The drop probability p. */
    public double rate() {
        return rate;
    }

    /**
     * With {@code value} true, training forwards reuse the last mask while the batch shape is
     * unchanged (a new shape draws a new mask, which is then kept); false draws a fresh mask on
     * every training forward again.
     */
    public void freezeMask(boolean value) {
        this.frozen = value;
    }

    /** True if masks are frozen. */
    public boolean maskFrozen() {
        return frozen;
    }

    /** The mask of the last training forward (entries 0 or 1/(1 − p)), or null before one. */
    public Matrix mask() {
        return mask;
    }

    /** A new dropout with the same rate and stream, no pass in flight and no mask. */
    public Dropout fresh() {
        return new Dropout(rate, random);
    }

    @Override
    public String name() {
        return "Dropout(" + rate + ")";
    }

    @Override
    protected void computeOutput(Matrix input, Matrix out, boolean training) {
        lastForwardDropped = training && rate > 0;
        if (!lastForwardDropped) {
            out.copyFrom(input);
            return;
        }
        if (!frozen || mask == null || !mask.sameShape(input)) {
            drawMask(input.rows(), input.cols());
        }
        multiply(input, mask, out);
    }

    @Override
    protected void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        if (lastForwardDropped) {
            multiply(outputGrad, mask, inputGrad);
        } else {
            inputGrad.copyFrom(outputGrad);
        }
    }

    private void drawMask(int rows, int cols) {
        mask = masks.get(rows, cols);
        double keptValue = 1.0 / (1.0 - rate);
        for (int k = 0, n = mask.size(); k < n; k++) {
            mask.setFlat(k, random.nextDouble() < rate ? 0.0 : keptValue);
        }
    }

    private static void multiply(Matrix a, Matrix b, Matrix out) {
        for (int k = 0, n = a.size(); k < n; k++) {
            out.setFlat(k, a.getFlat(k) * b.getFlat(k));
        }
    }
}
