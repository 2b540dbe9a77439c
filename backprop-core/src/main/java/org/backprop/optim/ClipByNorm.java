package org.backprop.optim;

/**
 * Clipping by global L2 norm, as PyTorch's {@code clip_grad_norm_(parameters, max_norm)} with
 * {@code norm_type=2}: with ‖g‖ the L2 norm of all gradients together,
 * {@code scale = maxNorm / (‖g‖ + 1e-6)}, and if {@code scale < 1} every gradient is multiplied by
 * it. The direction is kept; the norm becomes slightly below {@code maxNorm}. A non-finite norm is
 * not an error, as in PyTorch with {@code error_if_nonfinite=False}: a NaN norm makes every
 * gradient NaN, an infinite one zeroes the finite elements.
 */
public final class ClipByNorm implements GradientClipping {
    private static final long serialVersionUID = 1L;
    /** Added to the norm before dividing, as in PyTorch. */
    public static final double EPSILON = 1e-6;

    private final double maxNorm;

    /** @param maxNorm the largest allowed L2 norm, finite and &gt; 0 */
    public ClipByNorm(double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("max norm must be finite and > 0, got " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    /** The largest allowed L2 norm. */
    public double maxNorm() {
        return maxNorm;
    }

    /** The L2 norm of {@code grads}. */
    public static double norm(double[] grads) {
        double sumOfSquares = 0;
        for (double g : grads) {
            sumOfSquares += g * g;
        }
        return Math.sqrt(sumOfSquares);
    }

    @Override
    public void clip(double[] grads) {
        double scale = maxNorm / (norm(grads) + EPSILON);
        if (scale < 1 || Double.isNaN(scale)) {
            for (int i = 0; i < grads.length; i++) {
                grads[i] *= scale;
            }
        }
    }

    @Override
    public String toString() {
        return "clip by norm " + maxNorm;
    }
}
